/**
 * Where a study upload must go: the server accepts photos and documents only
 * from the caller's own folder study/<tenantId>/<memberId>/. The name is the
 * time and a random part, never the user's file name.
 */
export function studyCloudPath(tenantId: string, memberId: string, fileName: string, now: number): string {
  const dot = fileName.lastIndexOf('.')
  const extension = dot < 0 ? 'bin' : fileName.slice(dot + 1).toLowerCase()
  const random = Math.random().toString(36).slice(2, 10)
  return `study/${tenantId}/${memberId}/${now}-${random}.${extension}`
}
