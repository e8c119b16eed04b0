import { pdfActions } from '../../types/pdf'
import type { Handler } from '../runtime/router'
import { createRouter } from '../runtime/router'
import { renderPdf } from './render'

/** Prints the document and stores the PDF where the calling function said. */
const render: Handler<typeof pdfActions.render> = async (input, { files }) => ({
  fileID: await files.upload(input.cloudPath, await renderPdf(input.document)),
})

/**
 * 打印: the pdf function. Only other functions call it (server-only actions):
 * they decide who may print what and send the pages; it alone carries the
 * PDF writer and the Chinese font.
 */
export const main = createRouter(pdfActions, { render })
