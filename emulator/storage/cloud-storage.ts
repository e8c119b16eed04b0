import { join } from 'node:path'
import type { Clock } from '../clock'
import { FileStore } from './file-store'
import { fileIdPrefix, keyOfFileId } from './object-keys'
import { UrlSigner } from './url-signer'

export const DEFAULT_MAX_UPLOAD_BYTES = 50 * 1024 * 1024
// How long the authorization getUploadMetadata hands out stays valid (the SDK uses it at once).
const UPLOAD_WINDOW_S = 600

export interface StorageOptions {
  dataDir: string
  envId: string
  baseUrl: string // the emulator's own URL; upload and download URLs point back at it
  clock: Clock
  maxUploadBytes?: number
}

// Cloud storage as the SDK sees it: fileIDs for this env, presigned upload/download URLs served by the
// emulator's /cos/ routes, files on disk under <dataDir>/storage. Expiries follow the emulator clock.
export class CloudStorage {
  readonly files: FileStore
  readonly signer: UrlSigner

  constructor(private readonly opts: StorageOptions) {
    this.files = new FileStore(
      join(opts.dataDir, 'storage'),
      join(opts.dataDir, '.storage-tmp'),
      opts.maxUploadBytes !== undefined && opts.maxUploadBytes > 0 ? opts.maxUploadBytes : DEFAULT_MAX_UPLOAD_BYTES,
    )
    this.signer = UrlSigner.load(join(opts.dataDir, '.storage-secret'))
  }

  init(): Promise<void> {
    return this.files.init()
  }

  get dir(): string {
    return this.files.root
  }

  nowMs(): number {
    return this.opts.clock.now()
  }

  fileIdOf(cloudPath: string): string {
    return `${fileIdPrefix(this.opts.envId)}${cloudPath}`
  }

  keyOf(fileId: unknown): string | undefined {
    return keyOfFileId(fileId, this.opts.envId)
  }

  // What getUploadMetadata answers: the PUT URL (the SDK uses it verbatim) and an authorization it echoes
  // back in the `authorization` header.
  uploadTarget(cloudPath: string): { url: string; authorization: string } {
    const expiresAt = Math.floor(this.nowMs() / 1000) + UPLOAD_WINDOW_S
    return {
      url: `${this.opts.baseUrl}/cos/${encodeURIComponent(cloudPath)}`,
      authorization: `emulator t=${expiresAt}&sign=${this.signer.sign('put', cloudPath, expiresAt)}`,
    }
  }

  // Like COS temp URLs the path is the raw key (no escaping): the SDK fetches encodeURI(tempFileURL), which
  // would double-escape an already escaped key; plain fetch/URL escape spaces and Chinese on their own.
  tempUrl(key: string, maxAgeS: number): string {
    const expiresAt = Math.floor(this.nowMs() / 1000) + maxAgeS
    return `${this.opts.baseUrl}/cos/${key}?sign=${this.signer.sign('get', key, expiresAt)}&t=${expiresAt}`
  }
}
