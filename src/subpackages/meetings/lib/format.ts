const pad = (n: number) => String(n).padStart(2, '0')

/** '09:58' in the phone's zone (Asia/Shanghai for this app's users). */
export function clockTime(ms: number): string {
  const d = new Date(ms)
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** '2026年5月12日 15:00', as a 记录本 writes it. */
export function fullDate(ms: number): string {
  const d = new Date(ms)
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${clockTime(ms)}`
}

/** The file's name in a cloud fileID (cloud://env.bucket/meetings/…/name.jpg). */
export function fileName(fileID: string): string {
  return fileID.slice(fileID.lastIndexOf('/') + 1)
}
