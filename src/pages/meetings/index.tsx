import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { Page } from '../../components/page'
import { PageState } from '../../components/page-state'
import { useAction } from '../../hooks/use-action'
import { useOnReturn } from '../../hooks/use-on-return'
import {
  BACKFILL_PAGE,
  MEETING_RULES_PAGE,
  meetingPageUrl,
  recordBookPageUrl,
  robotPageUrl,
  SCHEDULE_PAGE,
} from '../../lib/routes'
import { ComplianceCard } from './components/compliance-card'
import { MeetingRow } from './components/meeting-row'
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
  useOnReturn(() => list.reload())
  const open = (url: string) => Taro.navigateTo({ url })
  return (
    <Page>
      {manager && branchId ? <BranchCompliance branchId={branchId} /> : null}
      {manager ? (
        <View className="btn-row meetings-tools">
          <Button
            className="btn btn--primary"
            data-testid="meetings-schedule-entry"
            onClick={() => open(SCHEDULE_PAGE)}
          >
            安排会议
          </Button>
          {branchId ? (
            <Button
              className="btn btn--ghost"
              data-testid="meetings-backfill-entry"
              onClick={() => open(BACKFILL_PAGE)}
            >
              补录已开会议
            </Button>
          ) : null}
          {branchId ? (
            <Button
              className="btn btn--ghost"
              data-testid="meetings-record-book-entry"
              onClick={() => open(recordBookPageUrl(branchId))}
            >
              三会一课记录本
            </Button>
          ) : null}
          {branchId ? (
            <Button
              className="btn btn--ghost"
              data-testid="meetings-robot-entry"
              onClick={() => open(robotPageUrl(branchId))}
            >
              群里提醒
            </Button>
          ) : null}
          {bureau ? (
            <Button
              className="btn btn--ghost"
              data-testid="meetings-rules-entry"
              onClick={() => open(MEETING_RULES_PAGE)}
            >
              会议规则
            </Button>
          ) : null}
        </View>
      ) : null}
      <View className="chips">
        <Text className={`chip${when === 'upcoming' ? ' chip--on' : ''}`} onClick={() => setWhen('upcoming')}>
          即将开始
        </Text>
        <Text
          className={`chip${when === 'past' ? ' chip--on' : ''}`}
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
                <MeetingRow key={meeting.id} meeting={meeting} onOpen={(id) => open(meetingPageUrl(id))} />
              ))}
            </View>
          )}
        </PageState>
      </View>
    </Page>
  )
}

function BranchCompliance({ branchId }: { branchId: string }) {
  const compliance = useAction('meetings', 'compliance', { branchId })
  return <PageState query={compliance}>{(data) => <ComplianceCard items={data.branches[0]?.items ?? []} />}</PageState>
}
