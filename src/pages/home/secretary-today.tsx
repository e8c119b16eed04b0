import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { MeetingSummary } from '../../../types/meetings'
import { LinkRow } from '../../components/link-row'
import { PageState } from '../../components/page-state'
import { useAction } from '../../hooks/use-action'
import { useOnReturn } from '../../hooks/use-on-return'
import { owingLines } from '../../lib/compliance-lines'
import { meetingHeading } from '../../lib/meeting-labels'
import { branchMeetingsPageUrl, leavesPageUrl, minutesPageUrl, REVIEW_PAGE, SCHEDULE_PAGE } from '../../lib/routes'
import { monthDayTime, periodKey } from '../../lib/time'
import { branchAgenda } from './today'

const open = (url: string) => () => Taro.navigateTo({ url })

/**
 * 支部今日待办: what the secretary's branch is waiting on — leave requests to
 * decide, claims to review, minutes not yet written, this month's meetings
 * still to hold — each a tap from the page that deals with it.
 */
export function SecretaryToday({ branchId }: { branchId: string }) {
  const meetings = useAction('meetings', 'listBranch', { branchId })
  // Last month's meetings still 待补记录 in the first days of this one (the 会后记录 window reaches over).
  const lastMonth = useAction('meetings', 'listBranch', { branchId, period: periodKey(Date.now(), 'month', -1) })
  // Next month's meetings may already have leave requests waiting (next week's 党课 at a month's end).
  const nextMonth = useAction('meetings', 'listBranch', { branchId, period: periodKey(Date.now(), 'month', 1) })
  const claims = useAction('points', 'listClaims', { branchId, status: 'pending', page: 1, pageSize: 1 })
  useOnReturn(() => {
    meetings.reload()
    lastMonth.reload()
    nextMonth.reload()
    claims.reload()
  })
  return (
    <View className="card" data-testid="home-secretary">
      <Text className="card__title">支部待办</Text>
      <PageState query={meetings}>
        {(month) => {
          // A failed read of last month only leaves its records out; this month's card still shows.
          const agenda = branchAgenda(
            month.items,
            Date.now(),
            lastMonth.state === 'ok' ? lastMonth.data.items : [],
            nextMonth.state === 'ok' ? nextMonth.data.items : [],
          )
          const next = agenda.toHold[0]
          return (
            <View>
              {agenda.leaveOpen.map((meeting) => (
                <LeaveRow key={meeting.id} meeting={meeting} />
              ))}
              <PageState query={claims}>
                {(pending) => (
                  <LinkRow
                    testId="home-todo-claims"
                    title={pending.total > 0 ? `积分申报待审核 ${pending.total} 条` : '积分申报已全部审核'}
                    hint="党员自行申报的积分，审核通过后计入"
                    onClick={open(REVIEW_PAGE)}
                  />
                )}
              </PageState>
              {agenda.minutesOwed.map((meeting) => (
                <LinkRow
                  key={meeting.id}
                  testId="home-todo-minutes"
                  title={`会议记录未填写：${meetingHeading(meeting)}`}
                  hint={`${monthDayTime(meeting.startsAt)} 已召开，填写记录后才算完成`}
                  onClick={open(minutesPageUrl(meeting.id))}
                />
              ))}
              <Unscheduled branchId={branchId} />
              <LinkRow
                testId="home-todo-to-hold"
                title={
                  agenda.toHold.length > 0
                    ? `本月还有 ${agenda.toHold.length} 场会议待召开`
                    : '本月已安排的会议均已召开'
                }
                hint={
                  next
                    ? `下一场：${meetingHeading(next)}，${monthDayTime(next.startsAt)}`
                    : '查看本支部会议，安排新的会议'
                }
                onClick={open(branchMeetingsPageUrl(branchId))}
              />
            </View>
          )
        }}
      </PageState>
    </View>
  )
}

/** A meeting still ahead with leave requests waiting: shown only when there are some. */
function LeaveRow({ meeting }: { meeting: MeetingSummary }) {
  const leaves = useAction('meetings', 'listLeaves', { meetingId: meeting.id })
  const pending = leaves.state === 'ok' ? leaves.data.items.filter((leave) => leave.status === 'pending').length : 0
  if (pending === 0) return null
  return (
    <LinkRow
      testId="home-todo-leave"
      title={`请假待审批 ${pending} 人：${meetingHeading(meeting)}`}
      hint={monthDayTime(meeting.startsAt)}
      onClick={open(leavesPageUrl(meeting.id))}
    />
  )
}

/**
 * Required meetings (三会一课) not yet arranged in the running periods — 本月还需：召开党小组会… — by the
 * rule the bureau's matrix uses; a tap opens 安排会议. Shown only when something is owed.
 */
function Unscheduled({ branchId }: { branchId: string }) {
  const compliance = useAction('meetings', 'compliance', { branchId })
  useOnReturn(() => compliance.reload())
  const lines = compliance.state === 'ok' ? owingLines(compliance.data.branches[0]?.items ?? []) : []
  if (lines.length === 0) return null
  return (
    <LinkRow
      testId="home-todo-unscheduled"
      title="尚未安排的规定会议"
      hint={lines.join('；')}
      onClick={open(SCHEDULE_PAGE)}
    />
  )
}
