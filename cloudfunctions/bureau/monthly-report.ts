import type { api } from '../../types/api'
import type { CellState, StateCounts } from '../../types/compliance'
import { CELL_STATE_LABELS, MEETING_TYPE_LABELS } from '../../types/labels'
import type { ComplianceItem } from '../../types/meetings'
import type { PdfBlock } from '../../types/pdf'
import { shareOf } from '../domain/bureau/rates'
import { countStates, owedItems } from '../domain/meeting-compliance/cells'
import { periodBounds, periodKeyOf, shanghaiMinute, shanghaiStamp } from '../domain/time'
import type { Handler } from '../runtime/router'
import { loadComplianceView } from '../shared/compliance-view'
import { exportPdf } from '../shared/exports'
import { tenantOrgs } from '../shared/tenant-orgs'
import { rankings } from './leaderboard'
import { overview } from './overview'
import { visibleBranches } from './scope'

const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 1000) / 10}%`)

/** '支部党员大会（未达法定人数）、党小组会·低年级党小组（待补记录）': what a branch still owes, as the report lists it. */
const owedText = (items: readonly ComplianceItem[]) =>
  owedItems(items)
    .map(
      (item) =>
        `${MEETING_TYPE_LABELS[item.type]}${item.groupName ? `·${item.groupName}` : ''}（${
          item.status === 'awaiting_record'
            ? '待补记录'
            : item.status === 'no_quorum'
              ? '未达法定人数'
              : item.status === 'due'
                ? '待开展'
                : '未开展'
        }）`,
    )
    .join('、')

/** The states a report sentence lists, in the matrix legend's order, those with none left out. */
function stateSentence(counts: StateCounts, states: readonly CellState[]): string {
  const parts = states
    .filter((state) => counts[state] > 0)
    .map((state) => `${CELL_STATE_LABELS[state]} ${counts[state]} 个`)
  return parts.length ? parts.join('，') : '无'
}

/** States a branch is listed for in the report: everything that is not simply done. */
const LISTED: readonly CellState[] = ['missing', 'no_quorum', 'awaiting', 'open']

/**
 * 月度党建工作简报: one A4 page of the whole bureau for a month, to forward into
 * a WeChat chat. Its 三会一课 figures are the matrix's cells of the month (the
 * same view), so the report, the overview and the matrix say the same: the
 * running month is 进行中, never 滞后.
 */
export const monthlyReport: Handler<typeof api.bureau.monthlyReport> = async (input, ctx) => {
  const { store, caller, clock } = ctx
  const now = clock.now()
  const month = input.month ?? periodKeyOf(now, 'month')
  const tenantId = caller.member.tenantId
  const [summary, orgs, board] = await Promise.all([
    overview({}, ctx),
    tenantOrgs(store, tenantId),
    rankings(ctx, month, 'average'),
  ])
  const branches = visibleBranches(caller, orgs)
  const view = await loadComplianceView(store, tenantId, branches, periodBounds(month), now)
  const cells = branches.map((branch) => ({ branch, ...view.cell(branch._id, month) }))
  const states = countStates(cells.map((cell) => cell.state))
  const running = now < periodBounds(month).end
  const listed = cells.filter((cell) => LISTED.includes(cell.state))
  const trend = summary.trend.find((point) => point.period === month)
  const heading = running
    ? `本月三会一课（进行中）：${stateSentence(states, ['held', 'late', 'open', 'not_required'])}；其中 ${summary.compliance.unscheduled} 个支部尚有规定会议未安排。`
    : `本月三会一课：${stateSentence(states, ['held', 'late', 'awaiting', 'no_quorum', 'missing', 'not_required'])}。`
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
    { kind: 'text', size: 11, text: `全局共有党支部 ${summary.branches} 个、党员 ${summary.members} 名。${heading}` },
    {
      kind: 'text',
      size: 11,
      text: `学习打卡参与率 ${percent(trend?.study ?? shareOf(summary.study.checkedIn, summary.study.targeted))}（${summary.study.tasks} 项任务）；本月获得积分的党员 ${summary.points.activeMembers} 名。`,
    },
    { kind: 'gap', lines: 0.5 },
    {
      kind: 'text',
      size: 12,
      text: running ? `尚未完成的支部（${listed.length} 个）` : `未按期开展或待补记录的支部（${listed.length} 个）`,
    },
    {
      kind: 'table',
      headers: ['支部', '情况', '尚需落实'],
      rows: listed.slice(0, 15).map((cell) => [cell.branch.name, CELL_STATE_LABELS[cell.state], owedText(cell.items)]),
      widths: [150, 70, 279],
    },
    ...(listed.length > 15
      ? [{ kind: 'text' as const, size: 9, text: `……另有 ${listed.length - 15} 个支部，详见三会一课落实情况表。` }]
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
  const download = await exportPdf(
    ctx,
    `党建工作月报-${month}-${shanghaiStamp(now)}.pdf`,
    { title: `党建工作月报 ${month}`, blocks },
    { action: 'bureau.monthlyReport', targetId: ctx.caller.member.tenantId, summary: `导出${month}党建工作月报` },
  )
  return {
    ...download,
    month,
    running,
    states,
    branches: cells.map((cell) => ({ branchId: cell.branch._id, branchName: cell.branch.name, state: cell.state })),
  }
}
