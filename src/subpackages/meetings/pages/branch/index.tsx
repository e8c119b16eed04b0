import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { ListItem } from '../../../../components/list-item'
import { Page } from '../../../../components/page'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { useOnReturn } from '../../../../hooks/use-on-return'
import { meetingHeading } from '../../../../lib/meeting-labels'
import { meetingPageUrl } from '../../../../lib/routes'
import { monthDayTime, periodKey, periodName } from '../../../../lib/time'
import { BRANCH_STATE_LABELS, type BranchMeetingState, branchMeetingState } from '../../lib/branch-state'
import '../../components/meetings.css'

const TAG: Record<BranchMeetingState, string> = {
  cancelled: 'tag--plain',
  upcoming: 'tag--info',
  running: 'tag--ok',
  no_minutes: 'tag--warn',
  done: 'tag--ok',
}

/**
 * 本支部会议: every meeting of a branch in a month (this month first, then
 * back and forth), each with what it still needs — to be held, its minutes —
 * for the secretary and those who read the branch.
 */
export default function BranchMeetingsPage() {
  const params = useRouter().params
  const branchId = params.branchId ?? ''
  const now = Date.now()
  const [offset, setOffset] = useState(0)
  const period = periodKey(now, 'month', offset)
  const list = useAction('meetings', 'listBranch', { branchId, period })
  useOnReturn(() => list.reload())
  return (
    <Page>
      <View className="chips" data-testid="branch-meetings-months">
        <Text className="chip" data-testid="branch-meetings-prev" onClick={() => setOffset((n) => n - 1)}>
          ‹ 上月
        </Text>
        <Text className="chip chip--on" data-testid="branch-meetings-period">
          {periodName(period)}
        </Text>
        {offset < 0 ? (
          <Text className="chip" data-testid="branch-meetings-next" onClick={() => setOffset((n) => n + 1)}>
            下月 ›
          </Text>
        ) : null}
      </View>
      <PageState query={list}>
        {(data) => (
          <View className="card" data-testid="branch-meetings">
            <Text className="card__title">{data.branchName}</Text>
            {data.items.length === 0 ? (
              <Text className="muted">{periodName(period)}没有安排会议</Text>
            ) : (
              data.items.map((meeting) => {
                const state = branchMeetingState(meeting, now)
                return (
                  <ListItem
                    key={meeting.id}
                    testId="branch-meeting"
                    title={meetingHeading(meeting)}
                    badges={
                      <Text className={`tag ${TAG[state]}`} data-testid="branch-meeting-state">
                        {BRANCH_STATE_LABELS[state]}
                      </Text>
                    }
                    meta={[`${monthDayTime(meeting.startsAt)} · ${meeting.place}`]}
                    onClick={() => Taro.navigateTo({ url: meetingPageUrl(meeting.id) })}
                  />
                )
              })
            )}
          </View>
        )}
      </PageState>
    </Page>
  )
}
