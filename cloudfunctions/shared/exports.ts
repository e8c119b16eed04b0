import type { PdfDocument } from '../../types/pdf'
import type { SheetTable } from '../../types/sheets'
import type { Caller } from '../runtime/caller'
import { randomCode } from '../runtime/new-id'
import type { Ports } from '../runtime/ports'

/** How long an export's download link works. */
export const EXPORT_LINK_SECONDS = 10 * 60

/** What an export needs: whose it is, storage for the link, and the function that writes it. */
export type Exporter = Pick<Ports, 'files' | 'functions'> & { caller: Caller }

/** Where a caller's export goes: a random folder of their own, the file named for the reader (the download keeps it). */
export function exportPath(caller: Caller, fileName: string): string {
  return `exports/${caller.member.tenantId}/${caller.member._id}/${randomCode(8)}/${fileName}`
}

/** An .xlsx of the tables, written by the sheets function into the caller's exports: a 10-minute link. */
export async function exportXlsx(ctx: Exporter, fileName: string, tables: SheetTable[]) {
  const { fileID } = await ctx.functions.call('sheets', 'write', {
    tables,
    cloudPath: exportPath(ctx.caller, fileName),
  })
  return { url: await ctx.files.link(fileID, EXPORT_LINK_SECONDS), fileName }
}

/** A PDF of the document, printed by the pdf function into the caller's exports: a 10-minute link. */
export async function exportPdf(ctx: Exporter, fileName: string, document: PdfDocument) {
  const { fileID } = await ctx.functions.call('pdf', 'render', {
    document,
    cloudPath: exportPath(ctx.caller, fileName),
  })
  return { url: await ctx.files.link(fileID, EXPORT_LINK_SECONDS), fileName }
}
