/**
 * Where an upload goes in cloud storage: `folder` is the one the server reads
 * it from (imports/, study/, points/ under the caller's tenant and member, or
 * meetings/<tenantId>/<meetingId>/ for minutes photos). The name is the time
 * and a random part, never the user's file name (which may hold a person's or
 * a school's name).
 */
export function uploadPath(
  folder: readonly string[],
  fileName: string,
  now: number,
  fallbackExtension = 'bin',
): string {
  const dot = fileName.lastIndexOf('.')
  const extension = dot < 0 ? fallbackExtension : fileName.slice(dot + 1).toLowerCase()
  const random = Math.random().toString(36).slice(2, 10)
  return `${[...folder, `${now}-${random}.${extension}`].join('/')}`
}

/** An upload for an import (名册, 考核方案, 党费基数): the server reads only imports/<tenantId>/<memberId>/. */
export const importUploadPath = (tenantId: string, memberId: string, fileName: string, now: number) =>
  uploadPath(['imports', tenantId, memberId], fileName, now)
