import type { PdfDocument } from '../../types/pdf'
import { EXPORT_KEEP_MS } from '../../types/retention'
import type { SheetTable } from '../../types/sheets'
import type { Caller } from '../runtime/caller'
import { randomCode } from '../runtime/new-id'
import type { Ports } from '../runtime/ports'
import { writeAudit } from './audit'
import { keepUntil } from './retention'

/** How long an export's download link works. */
export const EXPORT_LINK_SECONDS = 10 * 60

/** What an export needs: whose it is, storage for the link, the function that writes it, and the audit log. */
export type Exporter = Pick<Ports, 'files' | 'functions' | 'store' | 'clock'> & { caller: Caller }

/** Every export is in the audit log (调阅 and copies of personal data leave a trace): what and of what. */
export interface ExportAudit {
  action: string
  targetId: string
  summary: string
}

/** Where a caller's export goes: a random folder of their own, the file named for the reader (the download keeps it). */
export function exportPath(caller: Caller, fileName: string): string {
  return `exports/${caller.member.tenantId}/${caller.member._id}/${randomCode(8)}/${fileName}`
}

/**
 * Once written: kept a day (then the retention timer deletes it), audited, and answered as a 10-minute link.
 * The record comes before the link, so an export nobody downloads is still deleted.
 */
async function delivered(ctx: Exporter, fileID: string, fileName: string, audit: ExportAudit) {
  await keepUntil(
    ctx,
    { fileID, tenantId: ctx.caller.member.tenantId, kind: 'export' },
    ctx.clock.now() + EXPORT_KEEP_MS,
  )
  await writeAudit(ctx, { ...audit, before: null, after: { fileName } })
  return { url: await ctx.files.link(fileID, EXPORT_LINK_SECONDS), fileName }
}

/** An .xlsx of the tables, written by the sheets function into the caller's exports: a 10-minute link. */
export async function exportXlsx(ctx: Exporter, fileName: string, tables: SheetTable[], audit: ExportAudit) {
  const { fileID } = await ctx.functions.call('sheets', 'write', {
    tables,
    cloudPath: exportPath(ctx.caller, fileName),
  })
  return delivered(ctx, fileID, fileName, audit)
}

/** A PDF of the document, printed by the pdf function into the caller's exports: a 10-minute link. */
export async function exportPdf(ctx: Exporter, fileName: string, document: PdfDocument, audit: ExportAudit) {
  const { fileID } = await ctx.functions.call('pdf', 'render', {
    document,
    cloudPath: exportPath(ctx.caller, fileName),
  })
  return delivered(ctx, fileID, fileName, audit)
}
