import type { api } from '../../types/api'
import { MEETING_TYPE_LABELS } from '../../types/labels'
import type { PdfBlock } from '../../types/pdf'
import { owedTypes } from '../domain/bureau/cells'
import { shareOf } from '../domain/bureau/rates'
import { complianceOf, MAKE_UP_HORIZON } from '../domain/meeting-compliance'
import { periodBounds, periodKeyOf, shanghaiMinute, shanghaiStamp } from '../domain/time'
import type { Handler } from '../runtime/router'
import { exportPdf } from '../shared/exports'
import { meetingsByBranch } from '../shared/meeting-digests'
import { loadRules } from '../shared/meeting-rules'
import { rankings } from './leaderboard'
import { overview } from './overview'
import { tenantOrgs, visibleBranches } from './scope'

const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 1000) / 10}%`)

/** 月度党建工作简报: one A4 page of the whole bureau for a month, to forward into a WeChat chat. */
export const monthlyReport: Handler<typeof api.bureau.monthlyReport> = async (input, ctx) => {
  const { store, caller, clock } = ctx
  const now = clock.now()
  const month = input.month ?? periodKeyOf(now, 'month')
  const tenantId = caller.member.tenantId
  const { start, end } = periodBounds(month)
  const [summary, orgs, rules, board] = await Promise.all([
    overview({}, ctx),
    tenantOrgs(store, tenantId),
    loadRules(store, tenantId),
    rankings(ctx, month, 'average'),
  ])
  const branches = visibleBranches(caller, orgs)
  const { byBranch: meetings } = await meetingsByBranch(
    store,
    tenantId,
    start,
    Math.min(end + MAKE_UP_HORIZON, Math.max(end, now + 1)),
    new Set(branches.map((branch) => branch._id)),
  )
  const behind = branches
    .map((branch) => ({
      branch,
      owed: owedTypes(complianceOf(month, rules.minimums, meetings.get(branch._id) ?? [], now)),
    }))
    .filter((row) => row.owed.length > 0)
  const trend = summary.trend.find((point) => point.period === month)
  const blocks: PdfBlock[] = [
    { kind: 'text', text: `党建工作月报（${month}）`, size: 18, align: 'center' },
    {
      kind: 'text',
      text: `教育局党委组织科　生成于 ${shanghaiMinute(now)}`,
      size: 9,
      align: 'center',
      color: '#666666',
    },
    { kind: 'gap', lines: 1 },
    {
      kind: 'text',
      size: 11,
      text: `全局共有党支部 ${summary.branches} 个、党员 ${summary.members} 名。本月三会一课：按进度 ${summary.compliance.onTrack} 个支部，滞后 ${summary.compliance.behind} 个；上月有 ${summary.compliance.missedLastMonth} 个支部缺开。`,
    },
    {
      kind: 'text',
      size: 11,
      text: `学习打卡参与率 ${percent(trend?.study ?? shareOf(summary.study.checkedIn, summary.study.targeted))}（${summary.study.tasks} 项任务）；本月获得积分的党员 ${summary.points.activeMembers} 名。`,
    },
    { kind: 'gap', lines: 0.5 },
    { kind: 'text', size: 12, text: `三会一课未按时召开的支部（${behind.length} 个）` },
    {
      kind: 'table',
      headers: ['支部', '尚未召开'],
      rows: behind
        .slice(0, 15)
        .map((row) => [row.branch.name, row.owed.map((type) => MEETING_TYPE_LABELS[type]).join('、')]),
      widths: [200, 299],
    },
    ...(behind.length > 15
      ? [{ kind: 'text' as const, size: 9, text: `……另有 ${behind.length - 15} 个支部，详见三会一课落实情况表。` }]
      : []),
    { kind: 'gap', lines: 0.5 },
    { kind: 'text', size: 12, text: '支部积分人均前五' },
    {
      kind: 'table',
      headers: ['名次', '支部', '人均积分', '参与率'],
      rows: board.branches
        .slice(0, 5)
        .map((row) => [String(row.rank), row.name, String(row.average), percent(row.participation)]),
      widths: [40, 260, 100, 99],
    },
  ]
  return exportPdf(
    ctx,
    `党建工作月报-${month}-${shanghaiStamp(now)}.pdf`,
    { title: `党建工作月报 ${month}`, blocks },
    { action: 'bureau.monthlyReport', targetId: ctx.caller.member.tenantId, summary: `导出${month}党建工作月报` },
  )
}
