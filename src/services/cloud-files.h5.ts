import { fail, ok, type Result } from '../../types/result'
import type { PickedFile } from './cloud-files'

export type { PickedFile } from './cloud-files'

/** A hidden file input: the browser's picker, resolved on choice or cancel. */
export function pickSpreadsheet(): Promise<PickedFile | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = '.xlsx,.csv'
    input.style.display = 'none'
    input.setAttribute('data-testid', 'spreadsheet-input')
    const done = (picked: PickedFile | null) => {
      input.remove()
      resolve(picked)
    }
    input.addEventListener('change', () => {
      const file = input.files?.[0]
      done(file ? { name: file.name, size: file.size, source: file } : null)
    })
    input.addEventListener('cancel', () => done(null))
    document.body.appendChild(input)
    input.click()
  })
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

/** A hidden multiple image input, resolved with the chosen photos (at most `count`) or [] on cancel. */
export function pickPhotos(count: number): Promise<PickedFile[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = 'image/*'
    input.multiple = true
    input.style.display = 'none'
    input.setAttribute('data-testid', 'photo-input')
    const done = (picked: PickedFile[]) => {
      input.remove()
      resolve(picked)
    }
    input.addEventListener('change', () => {
      const files = Array.from(input.files ?? []).slice(0, Math.max(0, count))
      done(files.map((file) => ({ name: file.name, size: file.size, source: file })))
    })
    input.addEventListener('cancel', () => done([]))
    document.body.appendChild(input)
    input.click()
  })
}
