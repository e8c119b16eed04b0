import type { Result } from '../../types/result'
import { openDownload } from '../services/cloud-files'

/** Where an export's file is and what to call it; null when the export made no file. */
export type MadeFile = { url: string | null; fileName: string }

/**
 * Opens the file an export action made (the document viewer on weapp, a
 * download on H5). The result is the export's own refusal, or the download's,
 * or the export's data once the file is open.
 */
export async function openMade<T>(made: Result<T>, fileOf: (data: T) => MadeFile): Promise<Result<T>> {
  if (!made.ok) return made
  const { url, fileName } = fileOf(made.data)
  if (!url) return made
  const opened = await openDownload(url, fileName)
  return opened.ok ? made : opened
}
