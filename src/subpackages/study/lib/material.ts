/**
 * Which study links the app can open itself. A mini-program's web-view opens
 * only articles of the 公众号 linked to it (on mp.weixin.qq.com) and pages on
 * the 业务域名 it registered, over https; anything else is copied for the
 * browser, with a word saying why. A video plays in the page only when the
 * link is the video file itself (mp4, m3u8…), not a page about it.
 */

/** The hosts a web-view may open: the linked 公众号's articles and the registered 业务域名 (build setting). */
export function webViewHosts(registered: string): string[] {
  return ['mp.weixin.qq.com', ...registered.split(',').map((host) => host.trim().toLowerCase())].filter(Boolean)
}

export function linkOpensInApp(link: string, hosts: readonly string[]): boolean {
  let url: URL
  try {
    url = new URL(link)
  } catch {
    return false
  }
  if (url.protocol !== 'https:') return false
  const host = url.hostname.toLowerCase()
  return hosts.some((allowed) => host === allowed || host.endsWith(`.${allowed}`))
}

const VIDEO_FILE = /\.(mp4|m4v|mov|m3u8|webm)$/i

export function isVideoFile(link: string): boolean {
  try {
    return VIDEO_FILE.test(new URL(link).pathname)
  } catch {
    return false
  }
}

/** 阅读时长 as the task page says it: not asked, not started, how far along, or done. */
export function readingLine(minutes: number, since: number | null, now: number): string | null {
  if (minutes <= 0) return null
  if (since === null) return `本任务要求阅读学习材料满${minutes}分钟后打卡：打开学习材料即开始计时`
  const read = Math.max(0, Math.floor((now - since) / 60_000))
  return read >= minutes ? `已阅读${read}分钟，可以打卡了` : `已阅读${read}分钟，满${minutes}分钟后可打卡`
}
