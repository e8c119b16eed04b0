import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import type { ComplianceItem, MeetingSummary } from '../../../types/meetings'
import { PageState } from '../../components/page-state'
import { useAction } from '../../hooks/use-action'
import { ATTENDANCE_LABELS, formatWhen, LEAVE_LABELS, MEETING_TYPE_LABELS, meetingUrl, SCHEDULE_URL } from './labels'

const MANAGERS = ['branch_secretary', 'general_branch_secretary', 'bureau_staff']

function mineLabel(meeting: MeetingSummary): string {
  if (meeting.status === 'cancelled') return '已取消'
  if (meeting.mine) return ATTENDANCE_LABELS[meeting.mine]
  if (meeting.myLeave) return LEAVE_LABELS[meeting.myLeave]
  return ''
}

function owing(items: ComplianceItem[]): string[] {
  return items
    .filter((item) => item.status === 'due' || item.status === 'missing')
    .map((item) => MEETING_TYPE_LABELS[item.type])
}

/** 会议: my upcoming and past meetings; secretaries also see what their branch still owes this month. */
export default function MeetingsPage() {
  const [when, setWhen] = useState<'upcoming' | 'past'>('upcoming')
  const list = useAction('meetings', 'listMine', { when, page: 1, pageSize: 20 })
  const me = useAction('roster', 'me', {})
  const manager = me.state === 'ok' && me.data.roles.some((role) => MANAGERS.includes(role))
  useDidShow(() => list.reload())
  return (
    <View className="page">
      {manager && me.state === 'ok' && me.data.branch ? <ComplianceCard branchId={me.data.branch.id} /> : null}
      {manager ? (
        <Button
          className="btn btn--primary"
          data-testid="meetings-schedule-entry"
          onClick={() => Taro.navigateTo({ url: SCHEDULE_URL })}
        >
          安排会议
        </Button>
      ) : null}
      <View className="tabs">
        <Text className={`tab ${when === 'upcoming' ? 'tab--active' : ''}`} onClick={() => setWhen('upcoming')}>
          即将召开
        </Text>
        <Text className={`tab ${when === 'past' ? 'tab--active' : ''}`} onClick={() => setWhen('past')}>
          已召开
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
                <View
                  key={meeting.id}
                  className="row"
                  data-testid="meeting-row"
                  onClick={() => Taro.navigateTo({ url: meetingUrl(meeting.id) })}
                >
                  <Text className="row__label">
                    【{MEETING_TYPE_LABELS[meeting.type]}】{meeting.title}
                  </Text>
                  <Text className="row__value muted">
                    {formatWhen(meeting.startsAt)} {mineLabel(meeting)}
                  </Text>
                </View>
              ))}
            </View>
          )}
        </PageState>
      </View>
    </View>
  )
}

function ComplianceCard({ branchId }: { branchId: string }) {
  const compliance = useAction('meetings', 'compliance', { branchId })
  return (
    <View className="card" data-testid="meetings-compliance">
      <Text className="card__title">三会一课</Text>
      <PageState query={compliance}>
        {(data) => {
          const left = owing(data.branches[0]?.items ?? [])
          return <Text>{left.length ? `本月还需召开：${left.join('、')}` : '本月规定会议均已召开或已安排'}</Text>
        }}
      </PageState>
    </View>
  )
}
