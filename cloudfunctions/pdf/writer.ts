import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { woffToSfnt } from './woff-to-sfnt'

/**
 * PDF exports with pdfkit: a maintained (0.20, monthly releases), pure-JS
 * writer that runs in a Node cloud function without native parts, and that
 * embeds TrueType/WOFF fonts *subset* to the glyphs used — so a page of
 * Chinese costs tens of KB, not the 1.5 MB of the font. pdf-lib needs a
 * separate fontkit fork and has not been released since 2021; jsPDF
 * embeds the whole font. The glyphs come from the Noto Sans SC
 * "chinese-simplified" WOFF of @fontsource/noto-sans-sc (OFL-1.1; it also
 * covers Latin, digits and full-width punctuation).
 */
// required, not imported: the bundler then takes pdfkit's CommonJS build, whose
// ESM build reads `import.meta.url`, which a CommonJS bundle does not have.
const PDFDocument = require('pdfkit') as typeof import('pdfkit')

const FONT_FILE = 'noto-sans-sc-chinese-simplified-400-normal.woff'

let font: Buffer | undefined
export function cjkFont(): Buffer {
  font ??= woffToSfnt(readFileSync(fontPath()))
  return font
}

/** Beside the bundle: scripts/build-functions.ts copies it there (this function's files.json), so tests read what deploys. */
function fontPath(): string {
  return join(__dirname, 'fonts', FONT_FILE)
}

export type Pdf = InstanceType<typeof PDFDocument>

/** An A4 document in the CJK font; `draw` writes the pages, the bytes come back when it ends. */
export function writePdf(title: string, draw: (doc: Pdf) => void): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 48, font: cjkFont() as unknown as string, info: { Title: title } })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  draw(doc)
  doc.end()
  return done
}

/** A simple ruled table: header row shaded, rows wrapped within their column widths, new page when full. */
export function table(doc: Pdf, headers: string[], rows: string[][], widths: number[], fontSize = 9) {
  const x0 = doc.page.margins.left
  const pad = 3
  const drawRow = (cells: string[], shaded: boolean) => {
    doc.fontSize(fontSize)
    const height =
      Math.max(...cells.map((cell, index) => doc.heightOfString(cell, { width: widths[index] - 2 * pad }))) + 2 * pad
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage()
    const y = doc.y
    let x = x0
    cells.forEach((cell, index) => {
      if (shaded) doc.rect(x, y, widths[index], height).fillAndStroke('#f3e3e3', '#999999')
      else doc.rect(x, y, widths[index], height).stroke('#999999')
      doc.fillColor('#000000').text(cell, x + pad, y + pad, { width: widths[index] - 2 * pad })
      x += widths[index]
    })
    doc.x = x0
    doc.y = y + height
  }
  drawRow(headers, true)
  for (const row of rows) drawRow(row, false)
  doc.moveDown(0.5)
}
