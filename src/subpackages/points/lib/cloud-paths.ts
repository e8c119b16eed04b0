/**
 * Where a claim's evidence or an import file must go: the server accepts them
 * only from the caller's own folder points/<tenantId>/<memberId>/. The name is
 * the time and a random part, never the user's file name.
 */
export function pointsCloudPath(tenantId: string, memberId: string, fileName: string, now: number): string {
  const dot = fileName.lastIndexOf('.')
  const extension = dot < 0 ? 'bin' : fileName.slice(dot + 1).toLowerCase()
  const random = Math.random().toString(36).slice(2, 10)
  return `points/${tenantId}/${memberId}/${now}-${random}.${extension}`
}
