import { sdk } from './cloud'

/**
 * The cloud-storage port (云存储): uploads, downloads and short-lived links.
 * Handlers see files only through this, so the SDK's result shapes stay here.
 */
export interface Files {
  upload(cloudPath: string, content: Buffer): Promise<string>
  /** null when the file does not exist (or is not this environment's). */
  download(fileID: string): Promise<Buffer | null>
  /** A temporary download link, valid for `maxAgeSeconds`. */
  link(fileID: string, maxAgeSeconds: number): Promise<string>
  /** Deletes files (at most 50 a call); answers those now gone, deleted or already missing. */
  remove(fileIDs: readonly string[]): Promise<string[]>
}

/** STORAGE_FILE_NONEXIST: a file deleted before (by an earlier, interrupted run) is gone all the same. */
const FILE_MISSING = -503003

export function cloudFiles(): Files {
  const cloud = sdk()
  return {
    async upload(cloudPath, content) {
      const res = (await cloud.uploadFile({ cloudPath, fileContent: content })) as { fileID: string }
      return res.fileID
    },
    async download(fileID) {
      try {
        const res = (await cloud.downloadFile({ fileID })) as { fileContent: Buffer }
        return res.fileContent
      } catch {
        return null
      }
    },
    async link(fileID, maxAgeSeconds) {
      const res = (await cloud.getTempFileURL({ fileList: [{ fileID, maxAge: maxAgeSeconds }] })) as {
        fileList: { tempFileURL: string; status: number; errMsg: string }[]
      }
      const [item] = res.fileList
      if (item?.status !== 0) throw new Error(`getTempFileURL ${fileID}: ${item?.errMsg}`)
      return item.tempFileURL
    },
    async remove(fileIDs) {
      if (fileIDs.length === 0) return []
      const res = (await cloud.deleteFile({ fileList: [...fileIDs] })) as {
        fileList: { fileID: string; status: number }[]
      }
      return res.fileList.filter((item) => item.status === 0 || item.status === FILE_MISSING).map((item) => item.fileID)
    },
  }
}

/**
 * Whether a fileID the client sent lies in `folder` (e.g. `imports/<tenant>/<member>/`):
 * the path after `cloud://<env>.<bucket>/` must start with it, so a file
 * elsewhere — another member's, another tenant's — is never read or kept.
 */
export function isInFolder(fileID: string, folder: string): boolean {
  const path = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileID)?.[1]
  return path?.startsWith(folder) === true && !path.split('/').includes('..')
}
