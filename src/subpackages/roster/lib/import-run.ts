import Taro from '@tarojs/taro'
import { IMPORT_EXTENSIONS } from './import-limits'

/**
 * The import a user confirmed, remembered in Taro storage: the write goes on in
 * the cloud function when the page is left, and reopening the import page for
 * the same scope (a branch, or the whole bureau) shows its progress or outcome.
 */
export interface RememberedImport {
  importId: string
  /** When 确认导入 was tapped (epoch ms). */
  confirmedAt: number
}

const keyOf = (branchId: string | null) => `roster.import.${branchId ?? 'bureau'}`

export function rememberImport(branchId: string | null, run: RememberedImport): void {
  Taro.setStorageSync(keyOf(branchId), run)
}

export function rememberedImport(branchId: string | null): RememberedImport | null {
  const value: unknown = Taro.getStorageSync(keyOf(branchId))
  if (typeof value !== 'object' || value === null) return null
  const { importId, confirmedAt } = value as Partial<RememberedImport>
  return typeof importId === 'string' && typeof confirmedAt === 'number' ? { importId, confirmedAt } : null
}

export function forgetImport(branchId: string | null): void {
  Taro.removeStorageSync(keyOf(branchId))
}

/** The file's extension in lower case, or '' when it has none. */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.')
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase()
}

export function isSpreadsheetName(fileName: string): boolean {
  return (IMPORT_EXTENSIONS as readonly string[]).includes(extensionOf(fileName))
}

/**
 * Where an upload for import must go: the server reads only files under
 * imports/<tenantId>/<memberId>/ (anything else is ROSTER.FILE_NOT_FOUND).
 * The name is the time and a random part, never the user's file name (which
 * may hold a school's or a person's name).
 */
export function importCloudPath(tenantId: string, memberId: string, fileName: string, now: number): string {
  const random = Math.random().toString(36).slice(2, 10)
  return `imports/${tenantId}/${memberId}/${now}-${random}.${extensionOf(fileName)}`
}
