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
