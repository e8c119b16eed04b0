import type { api } from '../../types/api'
import type { PdfBlock } from '../../types/pdf'
import type { RatingSummary } from '../../types/yearly-cycle'
import {
  APPRAISAL_PHASE_LABELS,
  ORG_LIFE_STEP_LABELS,
  REPORT_RATING_LABELS,
  REPORT_STATUS_LABELS,
} from '../../types/yearly-cycle-labels'
import { shanghaiDate, shanghaiStamp } from '../domain/time'
import { COLLECTIONS } from '../runtime/collections'
import type { Handler, HandlerContext } from '../runtime/router'
import { type ExportAudit, exportPdf, exportXlsx } from '../shared/exports'
import { namesOf } from './people'
import { reportBranches, roundRows } from './report-ratings'
import { ownTenant } from './scope'
import { allYearRows } from './year'

const safeName = (name: string) => name.replace(/[\\/:*?"<>|]/g, '_')
const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 1000) / 10}%`)
const summaryText = (summary: RatingSummary | null) =>
  summary && summary.total > 0
    ? `${summary.overall ? REPORT_RATING_LABELS[summary.overall] : '—'}（${summary.total}人评价，好和较好${percent(summary.goodShare)}）`
    : '—'

/** Every export leaves an audit entry: who took a copy of what (调阅). */
/** What the shared export writes to the audit log once the file is made. */
const audit = (ctx: HandlerContext, title: string, rows: number): ExportAudit => ({
  action: 'yearly-cycle.export',
  targetId: ctx.caller.member.tenantId,
  summary: `导出${title}（${rows} 行）`,
})

/** 年度工作 as .xlsx: one row per branch the caller oversees, each item's status. */
export const exportYearOverview: Handler<(typeof api)['yearly-cycle']['exportYearOverview']> = async (input, ctx) => {
  const rows = await allYearRows(ctx, input.year, input.orgId)
  const title = `${input.year}年度党建工作完成情况`
  const download = await exportXlsx(
    ctx,
    safeName(`${title}-${shanghaiStamp(ctx.clock.now())}.xlsx`),
    [
      {
        name: '年度工作',
        headers: [
          '支部',
          '谈心谈话覆盖',
          '未谈话',
          '组织生活会',
          '当前步骤',
          '民主评议',
          '优秀',
          '合格',
          '基本合格',
          '不合格',
          '书记述职',
          '述职评价',
          '全年完成',
        ],
        rows: rows.map((row) => [
          row.name,
          percent(row.talks.share),
          row.talks.gaps,
          `${row.orgLife.done}/${row.orgLife.of}`,
          row.orgLife.current ? ORG_LIFE_STEP_LABELS[row.orgLife.current] : '已完成',
          row.appraisal.phase ? APPRAISAL_PHASE_LABELS[row.appraisal.phase] : '未开展',
          row.appraisal.counts?.excellent ?? '',
          row.appraisal.counts?.qualified ?? '',
          row.appraisal.counts?.basic ?? '',
          row.appraisal.counts?.unqualified ?? '',
          REPORT_STATUS_LABELS[row.report.status],
          row.report.overall ? REPORT_RATING_LABELS[row.report.overall] : '',
          row.complete ? '是' : '否',
        ]),
      },
    ],
    audit(ctx, title, rows.length),
  )
  return download
}

/** The 述职 summary: .xlsx with every branch's status and both summaries, or a PDF of every report with its ratings. */
export const exportReportRound: Handler<(typeof api)['yearly-cycle']['exportReportRound']> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const round = await ownTenant(store.get(COLLECTIONS.reportRounds, input.roundId), caller, 'REPORT.ROUND_NOT_FOUND')
  const rows = await roundRows(store, round, await reportBranches(store, caller))
  const title = `${round.year}年度书记抓党建述职汇总`
  const stamp = shanghaiStamp(clock.now())
  if (input.format === 'xlsx') {
    const download = await exportXlsx(
      ctx,
      safeName(`${title}-${stamp}.xlsx`),
      [
        {
          name: '述职汇总',
          headers: ['支部', '提交情况', '提交时间', '教育局评价', '党员评价', '存在问题'],
          rows: rows.map((row) => [
            row.name,
            REPORT_STATUS_LABELS[row.status],
            row.report ? shanghaiDate(row.report.submittedAt) : '',
            summaryText(row.bureau),
            round.membersRate ? summaryText(row.members) : '不参与',
            row.report?.problems.join('\n') ?? '',
          ]),
        },
      ],
      audit(ctx, title, rows.length),
    )
    return download
  }
  const raters = await namesOf(
    store,
    rows.flatMap((row) => row.ratings.map((rating) => rating.raterId)),
  )
  const blocks: PdfBlock[] = [
    { kind: 'text', text: title, size: 18, align: 'center' },
    { kind: 'text', text: `截止时间：${shanghaiDate(round.deadline)}`, size: 9, align: 'center' },
    {
      kind: 'table',
      headers: ['支部', '提交情况', '教育局评价', '党员评价'],
      rows: rows.map((row) => [
        row.name,
        REPORT_STATUS_LABELS[row.status],
        summaryText(row.bureau),
        round.membersRate ? summaryText(row.members) : '不参与',
      ]),
      widths: [150, 70, 140, 139],
    },
  ]
  for (const row of rows) {
    if (!row.report) continue
    blocks.push(
      { kind: 'gap', lines: 2 },
      { kind: 'text', text: `${row.name}　${REPORT_STATUS_LABELS[row.status]}`, size: 14 },
      { kind: 'text', text: row.report.text, size: 11 },
      { kind: 'text', text: '存在的问题', size: 12 },
      ...row.report.problems.map((problem, i): PdfBlock => ({ kind: 'text', text: `${i + 1}. ${problem}`, size: 11 })),
    )
    if (row.ratings.length > 0) {
      blocks.push({
        kind: 'table',
        headers: ['评价人', '评价', '意见'],
        rows: row.ratings.map((rating) => [
          raters.get(rating.raterId) ?? '',
          REPORT_RATING_LABELS[rating.rating],
          rating.comment,
        ]),
        widths: [90, 60, 349],
      })
    }
  }
  const download = await exportPdf(
    ctx,
    safeName(`${title}-${stamp}.pdf`),
    { title, blocks },
    audit(ctx, title, rows.length),
  )
  return download
}
