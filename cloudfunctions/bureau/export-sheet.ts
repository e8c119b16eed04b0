import type { api } from '../../types/api'
import { SCHOOL_KIND_LABELS } from '../../types/bureau'
import { CELL_STATES } from '../../types/compliance'
import { CELL_STATE_LABELS, ITEM_STATUS_LABELS, MEETING_TYPE_LABELS } from '../../types/labels'
import type { SheetTable } from '../../types/sheets'
import { shanghaiStamp } from '../domain/time'
import type { Handler, HandlerContext, HandlerInput } from '../runtime/router'
import { exportXlsx } from '../shared/exports'
import { rankings } from './leaderboard'
import { buildMatrix } from './matrix'
import { studyByBranch } from './study'

type ExportInput = HandlerInput<typeof api.bureau.exportSheet>

async function matrixTables(input: Extract<ExportInput, { view: 'matrix' }>, ctx: HandlerContext) {
  const matrix = await buildMatrix(input, ctx)
  const summary: SheetTable = {
    name: '汇总',
    headers: ['支部', '党总支', '学校类型', ...matrix.periods, '未按期开展次数'],
    rows: matrix.rows.map((row) => [
      row.branchName,
      row.generalBranchName ?? '',
      SCHOOL_KIND_LABELS[row.schoolKind],
      ...row.cells.map((cell) => CELL_STATE_LABELS[cell.state]),
      row.missing,
    ]),
  }
  const detail: SheetTable = {
    name: '明细',
    headers: ['支部', '月份', '会议类型', '党小组', '考核期间', '情况'],
    rows: matrix.rows.flatMap((row) =>
      row.cells.flatMap((cell) =>
        cell.items.map((item) => [
          row.branchName,
          cell.period,
          MEETING_TYPE_LABELS[item.type],
          item.groupName ?? '',
          item.period,
          ITEM_STATUS_LABELS[item.status],
        ]),
      ),
    ),
  }
  const totals: SheetTable = {
    name: '统计',
    headers: ['期间', ...CELL_STATES.map((state) => CELL_STATE_LABELS[state])],
    rows: matrix.totals.perPeriod.map((row) => [row.period, ...CELL_STATES.map((state) => row[state])]),
  }
  return { tables: [summary, detail, totals], title: `三会一课落实情况-${matrix.year}`, count: matrix.rows.length }
}

async function leaderboardTables(input: Extract<ExportInput, { view: 'leaderboard' }>, ctx: HandlerContext) {
  const board = await rankings(ctx, input.period, input.sort)
  const tables: SheetTable[] = [
    {
      name: '支部排名',
      headers: ['名次', '支部', '党员数', '计分党员数', '总积分', '人均积分', '参与率'],
      rows: board.branches.map((row) => [
        row.rank,
        row.name,
        row.members,
        row.activeMembers,
        row.total,
        row.average,
        row.participation,
      ]),
    },
    {
      name: '党员排名',
      headers: ['名次', '姓名', '支部', '积分'],
      rows: board.members.map((row) => [row.rank, row.name, row.branchName, row.points]),
    },
  ]
  return { tables, title: `积分排行-${board.period}`, count: board.branches.length }
}

async function studyTables(input: Extract<ExportInput, { view: 'study' }>, ctx: HandlerContext) {
  const { task, branches } = await studyByBranch(input, ctx)
  const tables: SheetTable[] = [
    {
      name: '学习参与情况',
      headers: ['支部', '应学人数', '已学人数', '参与率'],
      rows: branches.map((row) => [row.branchName, row.targeted, row.checkedIn, row.rate]),
    },
  ]
  return { tables, title: `学习参与-${task.title.slice(0, 20)}`, count: branches.length }
}

/** 导出: an .xlsx of the view as the caller sees it (their branches), with an audit entry. */
export const exportSheet: Handler<typeof api.bureau.exportSheet> = async (input, ctx) => {
  const built =
    input.view === 'matrix'
      ? await matrixTables(input, ctx)
      : input.view === 'leaderboard'
        ? await leaderboardTables(input, ctx)
        : await studyTables(input, ctx)
  const fileName = `${built.title}-${shanghaiStamp(ctx.clock.now())}.xlsx`.replace(/[\\/:*?"<>|]/g, '_')
  return exportXlsx(ctx, fileName, built.tables, {
    action: 'bureau.exportSheet',
    targetId: ctx.caller.member.tenantId,
    summary: `导出${built.title}（${built.count} 行）`,
  })
}
