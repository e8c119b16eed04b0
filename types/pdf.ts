import { defineAction } from './action'
import * as z from './zod'

/**
 * 打印件: what the pdf function prints — a title and blocks laid out top to
 * bottom on A4 in the Chinese font. The functions that export PDFs (the record
 * book, the monthly report) describe their pages with these; only the pdf
 * function loads the PDF writer and the font.
 */
const Color = z.string().regex(/^#[0-9a-fA-F]{6}$/)

export const PdfText = z.object({
  kind: z.literal('text'),
  text: z.string().max(20_000),
  /** Points: 18 a title, 11 body text, 9 small print. */
  size: z.number().min(6).max(36),
  align: z.enum(['left', 'center']).default('left'),
  color: Color.default('#000000'),
  indent: z.number().min(0).max(120).default(0),
})

/** Vertical space, in lines of the current font size. */
export const PdfGap = z.object({ kind: z.literal('gap'), lines: z.number().min(0).max(10) })

/** A ruled table: header row shaded, cells wrapped within their column widths (points; A4 holds 499). */
export const PdfTable = z.object({
  kind: z.literal('table'),
  headers: z.array(z.string().max(100)).min(1).max(20),
  rows: z.array(z.array(z.string().max(5_000))).max(5_000),
  widths: z.array(z.number().positive().max(499)).min(1).max(20),
  size: z.number().min(6).max(20).default(9),
})

export const PdfBlock = z.discriminatedUnion('kind', [PdfText, PdfGap, PdfTable])
export type PdfBlock = z.input<typeof PdfBlock>

export const PdfDocument = z.object({
  /** The PDF's own title (its Title metadata). */
  title: z.string().min(1).max(200),
  blocks: z.array(PdfBlock).max(5_000),
})
/** A document as callers write it (defaults may be left out)… */
export type PdfDocument = z.input<typeof PdfDocument>
/** …and as the pdf function reads it, every default filled in. */
export type ParsedPdfDocument = z.output<typeof PdfDocument>

/** Where rendered files go: under exports/, never over the caller's uploads. */
export const ExportPath = z
  .string()
  .max(500)
  .regex(/^exports\/[^\\]+\.[a-z]+$/, '导出文件须存放在 exports/ 下')
  .refine((path) => !path.split('/').includes('..'), '导出路径不能包含 ..')

export const pdfActions = {
  render: defineAction({
    summary:
      'Prints a document (text, gaps, ruled tables) as an A4 PDF in the Chinese font, stores it at cloudPath and answers its fileID.',
    input: z.object({ document: PdfDocument, cloudPath: ExportPath }),
    output: z.object({ fileID: z.string() }),
    roles: 'server',
    serverOnly:
      'The PDF writer and its Chinese font load only in this function, so meetings and bureau stay small and start fast; they send what to print, having checked who may print it.',
    errors: [],
  }),
}
