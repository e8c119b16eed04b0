/**
 * Where minutes photos must go: the server accepts only fileIDs under
 * meetings/<tenantId>/<meetingId>/ (cloudfunctions/meetings/minutes.ts). The
 * name is the time and a random part, never the user's file name.
 */
export function minutesPhotoPath(tenantId: string, meetingId: string, fileName: string, now: number): string {
  const dot = fileName.lastIndexOf('.')
  const extension = dot < 0 ? 'jpg' : fileName.slice(dot + 1).toLowerCase()
  const random = Math.random().toString(36).slice(2, 10)
  return `meetings/${tenantId}/${meetingId}/${now}-${random}.${extension}`
}
