import type { ParsedPdfDocument } from '../../types/pdf'
import { table, writePdf } from './writer'

/** The PDF of a document: each block in order, on as many A4 pages as it takes. */
export function renderPdf({ title, blocks }: ParsedPdfDocument): Promise<Buffer> {
  return writePdf(title, (doc) => {
    for (const block of blocks) {
      if (block.kind === 'text') {
        doc.fontSize(block.size).fillColor(block.color).text(block.text, { align: block.align, indent: block.indent })
      } else if (block.kind === 'gap') doc.moveDown(block.lines)
      else table(doc, block.headers, block.rows, block.widths, block.size)
    }
  })
}
