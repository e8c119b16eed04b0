/**
 * The WeCom group robot (企业微信群机器人): its webhook URL, how it is shown,
 * the 20-per-minute limit and the retry schedule. The base is WeCom's in
 * production; the emulator and tests point it at a local robot.
 */
export const WECOM_BASE = 'https://qyapi.weixin.qq.com'
export const ROBOT_PER_MINUTE = 20
export const ROBOT_MAX_BYTES = 2048
export const ROBOT_MAX_ATTEMPTS = 5

export function isRobotUrl(url: string, base: string = WECOM_BASE): boolean {
  const prefix = `${base}/cgi-bin/webhook/send?key=`
  return url.startsWith(prefix) && /^[A-Za-z0-9-]{8,64}$/.test(url.slice(prefix.length))
}

/** …send?key=1234****cdef: enough to recognise, not enough to post with. */
export function maskRobotUrl(url: string): string {
  const at = url.indexOf('key=') + 4
  const key = url.slice(at)
  return `${url.slice(0, at)}${key.slice(0, 4)}****${key.slice(-4)}`
}

/** Backoff after a failed post: 30 s, 60 s, 120 s, 240 s. */
export function retryDelayMs(attempts: number): number {
  return 30_000 * 2 ** Math.max(0, attempts - 1)
}

/** How many more the robot may take now, given when it last posted. */
export function robotAllowance(sentAts: readonly number[], now: number): number {
  return Math.max(0, ROBOT_PER_MINUTE - sentAts.filter((at) => at > now - 60_000).length)
}

/** Markdown cut to the robot's byte limit at a character boundary. */
export function fitBytes(text: string, max: number = ROBOT_MAX_BYTES): string {
  if (Buffer.byteLength(text) <= max) return text
  let out = ''
  for (const char of text) {
    if (Buffer.byteLength(out + char) > max - 3) break
    out += char
  }
  return `${out}…`
}
