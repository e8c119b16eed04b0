import { MEETING_TYPE_LABELS } from '../../types/labels'
import { periodKeyOf, shanghaiMinute, shanghaiStamp } from '../domain/time'
import { randomCode } from '../runtime/new-id'
import { table, writePdf } from '../runtime/pdf'
import type { HandlerContext } from '../runtime/router'
import { loadBranch, requireAccess } from '../shared/branch-access'
import { recordBook } from './record-book'

/**
 * 三会一课记录本 (PDF) of a branch for a period, one entry per meeting: the
 * printable copy for inspection (调阅). The caller has been checked for the
 * branch; the bureau function's export renders the same document.
 */
export async function renderRecordBookPdf(
  input: { branchId: string; period?: string },
  ctx: HandlerContext,
): Promise<{ branchName: string; period: string; fileName: string; content: Buffer }> {
  const now = ctx.clock.now()
  const period = input.period ?? periodKeyOf(now, 'year')
  const book = await recordBook({ branchId: input.branchId, period, export: false }, ctx)
  const content = await writePdf(`${book.branchName}三会一课记录本`, (doc) => {
    doc.fontSize(18).text(`${book.branchName}`, { align: 'center' })
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
        MEETING_TYPE_LABELS[entry.type],
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
  const fileName = `三会一课记录本-${book.branchName}-${period}-${shanghaiStamp(now)}.pdf`
  return { branchName: book.branchName, period, fileName, content }
}

/** 记录本 PDF for the secretary: those who manage the branch, for 调阅 by the bureau or a printed copy. */
export async function recordBookPdf(input: { branchId: string; period?: string }, ctx: HandlerContext) {
  const { caller, store, files } = ctx
  const branch = await loadBranch(store, caller, input.branchId)
  requireAccess(caller, branch, 'manage')
  const { fileName, content } = await renderRecordBookPdf({ branchId: branch._id, period: input.period }, ctx)
  // Under a random folder, named for the reader: the download keeps this name (as the .xlsx export does).
  const fileID = await files.upload(
    `exports/${branch.tenantId}/${caller.member._id}/${randomCode(8)}/${fileName}`,
    content,
  )
  return { fileUrl: await files.link(fileID, 600), fileName }
}
