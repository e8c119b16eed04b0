import { randomBytes } from 'node:crypto'
import type { CloudStorage } from '../storage/cloud-storage'
import { keyProblem } from '../storage/object-keys'
import { invalidParam, TcbFailure } from './errors'
import { type Body, optNum, str } from './params'

// storage.* actions of /tcb, shaped as wx-server-sdk 4.0.2 sends and reads them (cloudbase-protocol.md §3,
// re-captured with emulator/dev/capture-storage-shapes.ts).

type StorageHandler = (storage: CloudStorage, body: Body) => Promise<Record<string, unknown>>

// getTempFileURL without maxAge; CloudBase's default is one day. downloadFile always sends 600.
const DEFAULT_MAX_AGE_S = 86400
// wx.cloud documents at most 50 files per getTempFileURL / deleteFile call.
const MAX_FILES_PER_CALL = 50

const notExist = (fileID: unknown) => ({
  fileID,
  code: 'STORAGE_FILE_NONEXIST',
  message: `storage file not exists: ${String(fileID)}`,
})

function list(body: Body, name: string): unknown[] {
  const value = body[name]
  if (!Array.isArray(value)) throw invalidParam(`${name} must be an array`)
  if (value.length > MAX_FILES_PER_CALL)
    throw invalidParam(`${name} has ${value.length} files; at most ${MAX_FILES_PER_CALL} per call`)
  return value
}

// {path, method:'put'} → {data:{url, token, authorization, fileId, cosFileId}}. Unsafe paths are refused
// here already: "..", "." would be folded out of the PUT URL by the HTTP client before the /cos/ route could
// refuse them. The message matches what the PUT's XML refusal turns into: "uploadFile:fail [Code]: Message".
const getUploadMetadata: StorageHandler = async (storage, body) => {
  const cloudPath = str(body, 'path')
  const problem = keyProblem(cloudPath)
  if (problem) throw new TcbFailure('STORAGE_REQUEST_FAIL', `[InvalidObjectName]: emulator: ${problem}`)
  const { url, authorization } = storage.uploadTarget(cloudPath)
  return {
    data: {
      url,
      token: `emulator-${randomBytes(8).toString('hex')}`,
      authorization,
      fileId: storage.fileIdOf(cloudPath),
      cosFileId: randomBytes(16).toString('hex'),
    },
  }
}

// {file_list:[{fileid, max_age?}]} → {data:{download_list:[{fileID, tempFileURL, code:'SUCCESS', maxAge}]}},
// missing files and other envs' fileIDs as {fileID, code:'STORAGE_FILE_NONEXIST', message}.
const batchGetDownloadUrl: StorageHandler = async (storage, body) => {
  const items = list(body, 'file_list')
  const download_list = await Promise.all(
    items.map(async (item) => {
      const entry = typeof item === 'object' && item !== null ? (item as Body) : {}
      const fileID = entry.fileid
      const key = storage.keyOf(fileID)
      if (key === undefined || !(await storage.files.stat(key))) return notExist(fileID)
      const asked = optNum(entry, 'max_age')
      const maxAge = asked !== undefined && asked > 0 ? Math.floor(asked) : DEFAULT_MAX_AGE_S
      return { fileID, tempFileURL: storage.tempUrl(key, maxAge), code: 'SUCCESS', maxAge }
    }),
  )
  return { data: { download_list } }
}

// {fileid_list:[...]} → {data:{delete_list:[{fileID, code:'SUCCESS'}]}}; the SDK turns a not-exist item
// into {status:-503003, errMsg:'storage file not exists'} without failing the call.
const batchDeleteFile: StorageHandler = async (storage, body) => {
  const ids = list(body, 'fileid_list')
  const delete_list = []
  for (const fileID of ids) {
    const key = storage.keyOf(fileID)
    delete_list.push(
      key !== undefined && (await storage.files.remove(key)) ? { fileID, code: 'SUCCESS' } : notExist(fileID),
    )
  }
  return { data: { delete_list } }
}

export const storageHandlers: Record<string, StorageHandler> = {
  'storage.getUploadMetadata': getUploadMetadata,
  'storage.batchGetDownloadUrl': batchGetDownloadUrl,
  'storage.batchDeleteFile': batchDeleteFile,
}
