import { BUREAU_MEETING_TYPE_LABELS } from '../../types/bureau'
import { periodKeyOf, shanghaiMinute, shanghaiStamp } from '../domain/time'
import { recordBook } from '../meetings/record-book'
import { loadBranch, requireAccess } from '../roster/branch-access'
import type { HandlerContext } from '../runtime/router'
import { uploadExport } from './export-sheet'
import { table, writePdf } from './pdf'

/** 三会一课记录本 (PDF): the meetings function's record book of a branch for a period, one entry per meeting. */
export async function recordBookPdf(input: { branchId: string; period?: string }, ctx: HandlerContext) {
  const branch = await loadBranch(ctx.store, ctx.caller, input.branchId)
  requireAccess(ctx.caller, branch, 'read')
  const now = ctx.clock.now()
  const period = input.period ?? periodKeyOf(now, 'year')
  const book = await recordBook({ branchId: branch._id, period, export: false }, ctx)
  const content = await writePdf(`${branch.name}三会一课记录本`, (doc) => {
    doc.fontSize(18).text(`${branch.name}`, { align: 'center' })
    doc.fontSize(14).text(`三会一课记录本（${period}）`, { align: 'center' })
    doc
      .fontSize(9)
      .fillColor('#666666')
      .text(`导出时间：${shanghaiMinute(now)}　共 ${book.entries.length} 次会议`, { align: 'center' })
    doc.fillColor('#000000').moveDown()
    table(
      doc,
      ['序号', '类型', '会议名称', '时间', '应到', '实到', '请假', '缺席'],
      book.entries.map((entry, index) => [
        String(index + 1),
        BUREAU_MEETING_TYPE_LABELS[entry.type],
        entry.status === 'cancelled' ? `${entry.title}（已取消）` : entry.title,
        shanghaiMinute(entry.startsAt),
        String(entry.counts.expected),
        String(entry.counts.present + entry.counts.late),
        String(entry.counts.leave),
        String(entry.counts.absent + entry.counts.unmarked),
      ]),
      [30, 70, 150, 110, 36, 36, 36, 31],
    )
    for (const [index, entry] of book.entries.entries()) {
      if (!entry.minutes) continue
      doc.fontSize(11).text(`${index + 1}. ${entry.title}（${shanghaiMinute(entry.startsAt)}，${entry.place}）`)
      doc.fontSize(9).text(`会议记录：${entry.minutes}`, { indent: 12 }).moveDown(0.5)
    }
  })
  return uploadExport(ctx, `三会一课记录本-${branch.name}-${period}-${shanghaiStamp(now)}.pdf`, content)
}
