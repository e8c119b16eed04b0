import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { PageState } from '../../components/page-state'
import { useAction } from '../../hooks/use-action'
import { ComplianceCard } from './components/compliance-card'
import { MeetingRow } from './components/meeting-row'
import { BACKFILL_URL, meetingUrl, RECORD_BOOK_URL, ROBOT_URL, RULES_URL, SCHEDULE_URL } from './labels'
import './index.css'

const MANAGERS = ['branch_secretary', 'general_branch_secretary', 'bureau_staff']

/** 会议: my upcoming and past meetings; secretaries also see what their branch still owes and their tools. */
export default function MeetingsPage() {
  const [when, setWhen] = useState<'upcoming' | 'past'>('upcoming')
  const list = useAction('meetings', 'listMine', { when, page: 1, pageSize: 20 })
  const me = useAction('roster', 'me', {})
  const manager = me.state === 'ok' && me.data.roles.some((role) => MANAGERS.includes(role))
  const bureau = me.state === 'ok' && me.data.roles.includes('bureau_staff')
  const branchId = me.state === 'ok' ? (me.data.branch?.id ?? null) : null
  useDidShow(() => list.reload())
  return (
    <View className="page">
      {manager && branchId ? <BranchCompliance branchId={branchId} /> : null}
      {manager ? (
        <View className="meetings-entries">
          <Button
            className="btn btn--primary"
            data-testid="meetings-schedule-entry"
            onClick={() => Taro.navigateTo({ url: SCHEDULE_URL })}
          >
            安排会议
          </Button>
          {branchId ? (
            <Button
              className="btn btn--ghost"
              data-testid="meetings-backfill-entry"
              onClick={() => Taro.navigateTo({ url: BACKFILL_URL })}
            >
              补录已开会议
            </Button>
          ) : null}
          {branchId ? (
            <Button
              className="btn btn--ghost"
              data-testid="meetings-record-book-entry"
              onClick={() => Taro.navigateTo({ url: RECORD_BOOK_URL(branchId) })}
            >
              三会一课记录本
            </Button>
          ) : null}
          {branchId ? (
            <Button
              className="btn btn--ghost"
              data-testid="meetings-robot-entry"
              onClick={() => Taro.navigateTo({ url: ROBOT_URL(branchId) })}
            >
              群机器人
            </Button>
          ) : null}
          {bureau ? (
            <Button
              className="btn btn--ghost"
              data-testid="meetings-rules-entry"
              onClick={() => Taro.navigateTo({ url: RULES_URL })}
            >
              会议规则
            </Button>
          ) : null}
        </View>
      ) : null}
      <View className="meetings-tabs">
        <Text
          className={`meetings-tab ${when === 'upcoming' ? 'meetings-tab--active' : ''}`}
          onClick={() => setWhen('upcoming')}
        >
          即将开始
        </Text>
        <Text
          className={`meetings-tab ${when === 'past' ? 'meetings-tab--active' : ''}`}
          data-testid="meetings-tab-past"
          onClick={() => setWhen('past')}
        >
          已结束
        </Text>
      </View>
      <View className="card">
        <PageState
          query={list}
          isEmpty={(data) => data.items.length === 0}
          empty={
            when === 'upcoming'
              ? { title: '近期没有会议', hint: '支部安排会议后会显示在这里' }
              : { title: '还没有参加过的会议' }
          }
        >
          {(data) => (
            <View>
              {data.items.map((meeting) => (
                <MeetingRow
                  key={meeting.id}
                  meeting={meeting}
                  onOpen={(id) => Taro.navigateTo({ url: meetingUrl(id) })}
                />
              ))}
            </View>
          )}
        </PageState>
      </View>
    </View>
  )
}

function BranchCompliance({ branchId }: { branchId: string }) {
  const compliance = useAction('meetings', 'compliance', { branchId })
  return <PageState query={compliance}>{(data) => <ComplianceCard items={data.branches[0]?.items ?? []} />}</PageState>
}
