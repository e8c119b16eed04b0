import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { Me } from '../../../types/roster'
import { LinkRow } from '../../components/link-row'
import { ComplianceRows, OverviewCard } from '../../components/oversight'
import { Page } from '../../components/page'
import { PageState } from '../../components/page-state'
import { useAction } from '../../hooks/use-action'
import { useOnReturn } from '../../hooks/use-on-return'
import {
  BACKFILL_PAGE,
  branchMeetingsPageUrl,
  MATRIX_PAGE,
  MEETING_RULES_PAGE,
  meetingPageUrl,
  recordBookPageUrl,
  robotPageUrl,
  SCHEDULE_PAGE,
} from '../../lib/routes'
import { tabViewFor } from '../../lib/tab-view'
import { ComplianceCard } from './components/compliance-card'
import { MeetingRow } from './components/meeting-row'
import './index.css'

const MANAGERS = ['branch_secretary', 'general_branch_secretary', 'bureau_staff']

const open = (url: string) => Taro.navigateTo({ url })

/**
 * 会议: my upcoming and past meetings; secretaries also see what their branch
 * still owes and their tools. Those who look across branches (教育局党委,
 * 党建指导员) see the branches' 三会一课 instead — and their own meetings too
 * when they belong to a branch.
 */
export default function MeetingsPage() {
  const me = useAction('roster', 'me', {})
  // Who is calling decides the view: read it again when the tab shows again (bound since, or another account).
  useOnReturn(() => me.reload())
  return (
    <Page>
      <PageState query={me}>
        {(caller) => {
          const view = tabViewFor(caller)
          return (
            <View data-testid="meetings-tab" data-view={view.name}>
              {view.oversight ? <MeetingsOversight bureau={caller.roles.includes('bureau_staff')} /> : null}
              {view.own ? <MyMeetings caller={caller} /> : null}
            </View>
          )
        }}
      </PageState>
    </Page>
  )
}

/** 三会一课 across the branches: this month's gaps, last month's to remind, the matrix and (bureau) the rules. */
function MeetingsOversight({ bureau }: { bureau: boolean }) {
  return (
    <View data-testid="meetings-oversight">
      <OverviewCard>{(data) => <ComplianceRows data={data} idPrefix="meetings-oversight" />}</OverviewCard>
      <View className="card">
        <LinkRow
          testId="meetings-matrix-entry"
          title="三会一课落实情况表"
          hint="各支部逐月开展情况，调阅会议、提醒书记"
          onClick={() => open(MATRIX_PAGE)}
        />
        {bureau ? (
          <LinkRow
            testId="meetings-rules-entry"
            title="会议规则"
            hint="三会一课要求、签到与提醒、订阅消息模板"
            onClick={() => open(MEETING_RULES_PAGE)}
          />
        ) : null}
      </View>
    </View>
  )
}

/** Mounted afresh whenever the tab shows again (the page reloads the caller), so its reads are current. */
function MyMeetings({ caller }: { caller: Me }) {
  const [when, setWhen] = useState<'upcoming' | 'past'>('upcoming')
  const list = useAction('meetings', 'listMine', { when, page: 1, pageSize: 20 })
  const branchId = caller.branch?.id ?? null
  // The tools act on the caller's own branch: without one there is nothing to schedule.
  const manager = branchId !== null && caller.roles.some((role) => MANAGERS.includes(role))
  return (
    <View>
      {manager && branchId ? <BranchCompliance branchId={branchId} /> : null}
      {manager && branchId ? (
        <View className="btn-row meetings-tools">
          <Button
            className="btn btn--primary"
            data-testid="meetings-schedule-entry"
            onClick={() => open(SCHEDULE_PAGE)}
          >
            安排会议
          </Button>
          <Button
            className="btn btn--ghost"
            data-testid="meetings-branch-entry"
            onClick={() => open(branchMeetingsPageUrl(branchId))}
          >
            本支部会议
          </Button>
          <Button className="btn btn--ghost" data-testid="meetings-backfill-entry" onClick={() => open(BACKFILL_PAGE)}>
            补录已开会议
          </Button>
          <Button
            className="btn btn--ghost"
            data-testid="meetings-record-book-entry"
            onClick={() => open(recordBookPageUrl(branchId))}
          >
            三会一课记录本
          </Button>
          <Button
            className="btn btn--ghost"
            data-testid="meetings-robot-entry"
            onClick={() => open(robotPageUrl(branchId))}
          >
            群里提醒
          </Button>
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
    </View>
  )
}

function BranchCompliance({ branchId }: { branchId: string }) {
  const compliance = useAction('meetings', 'compliance', { branchId })
  return <PageState query={compliance}>{(data) => <ComplianceCard items={data.branches[0]?.items ?? []} />}</PageState>
}
