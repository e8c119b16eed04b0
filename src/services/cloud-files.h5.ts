import { fail, ok, type Result } from '../../types/result'
import type { PickedFile } from './cloud-files'

export type { PickedFile } from './cloud-files'

/** A hidden file input: the browser's picker, resolved with the chosen files, or [] on cancel. */
function chooseWithInput(accept: string, testId: string, multiple: boolean): Promise<PickedFile[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = accept
    input.multiple = multiple
    input.style.display = 'none'
    input.setAttribute('data-testid', testId)
    const done = (picked: PickedFile[]) => {
      input.remove()
      resolve(picked)
    }
    input.addEventListener('change', () =>
      done(Array.from(input.files ?? []).map((file) => ({ name: file.name, size: file.size, source: file }))),
    )
    input.addEventListener('cancel', () => done([]))
    document.body.appendChild(input)
    input.click()
  })
}

export async function pickSpreadsheet(): Promise<PickedFile | null> {
  return (await chooseWithInput('.xlsx,.csv', 'spreadsheet-input', false))[0] ?? null
}

export async function pickDocument(): Promise<PickedFile | null> {
  return (await chooseWithInput('.pdf,.doc,.docx,.ppt,.pptx', 'document-input', false))[0] ?? null
}

export async function pickPhotos(count: number): Promise<PickedFile[]> {
  return (await chooseWithInput('image/*', 'photo-input', true)).slice(0, Math.max(0, count))
}

/** The emulator's upload-target route answers where to PUT, as getUploadMetadata does for the SDK. */
export async function uploadToCloud(cloudPath: string, file: PickedFile): Promise<Result<{ fileID: string }>> {
  try {
    const target = await fetch(`${DEV_GATEWAY_BASE}/api/_emulator/upload-target`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ cloudPath }),
    })
    if (!target.ok) return fail('SYSTEM.UPLOAD_FAILED')
    const { fileID, url, authorization } = (await target.json()) as {
      fileID: string
      url: string
      authorization: string
    }
    const put = await fetch(url, { method: 'PUT', headers: { authorization }, body: file.source as Blob })
    return put.ok ? ok({ fileID }) : fail('SYSTEM.UPLOAD_FAILED')
  } catch {
    return fail('SYSTEM.UPLOAD_FAILED')
  }
}

export async function openDownload(url: string, fileName: string): Promise<Result<null>> {
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  document.body.appendChild(link)
  link.click()
  link.remove()
  return ok(null)
}

export async function openDocumentToRead(url: string, _fileType: string): Promise<Result<null>> {
  // The browser shows a PDF itself; Word and PowerPoint files download.
  window.open(url, '_blank', 'noopener')
  return ok(null)
}
