/**
 * What the server keeps and for how long (PIPL 个人信息保护法: no longer than
 * the purpose needs). Files are tracked in `expiring_files` because cloud
 * storage cannot be listed from a function: what is not registered here is not
 * swept. The roster function's hourly `retention` timer deletes what is due.
 */

/** An export (.xlsx, PDF) is kept one day after it is made; its download link works 10 minutes. */
export const EXPORT_KEEP_MS = 24 * 60 * 60 * 1000
/** A raw upload for an import (roster, outside scores) is deleted when the import ends, or after this long. */
export const RAW_UPLOAD_KEEP_MS = 7 * 24 * 60 * 60 * 1000

/** 'dropped-upload': evidence a record let go of (replaced before the record was final): deleted at once. */
export type ExpiringFileKind = 'export' | 'import-upload' | 'invitation-code' | 'erased-upload' | 'dropped-upload'

/** expiring_files: one stored file and when it must be gone; removed once the file is deleted. */
export interface ExpiringFileDoc {
  _id: string
  tenantId: string
  fileID: string
  kind: ExpiringFileKind
  deleteAt: number
  createdAt: number
  /** Failed deletions so far; the file is tried again next run. */
  attempts?: number
  lastError?: string
}
