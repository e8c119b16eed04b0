import { createHmac, timingSafeEqual } from 'node:crypto'

/** The check-in code changes every 30 s; a code is accepted in its slot and the next, so a scan at the turn still works. */
export const SLOT_MS = 30_000
const TOKEN_LENGTH = 12

export function slotOf(now: number): number {
  return Math.floor(now / SLOT_MS)
}

/** HMAC of meeting + slot under the tenant's secret: bound to one meeting and one 30 s slot, unforgeable without the secret. */
export function tokenFor(secret: string, meetingId: string, slot: number): string {
  return createHmac('sha256', secret).update(`${meetingId}:${slot}`).digest('base64url').slice(0, TOKEN_LENGTH)
}

export function tokenIsValid(secret: string, meetingId: string, token: string, now: number): boolean {
  const slot = slotOf(now)
  const given = Buffer.from(token)
  return [slot, slot - 1].some((candidate) => {
    const expected = Buffer.from(tokenFor(secret, meetingId, candidate))
    return expected.length === given.length && timingSafeEqual(expected, given)
  })
}

/** The 小程序码 scene (≤ 32 characters): `meetingId.token`. */
export function sceneOf(meetingId: string, token: string): string {
  return `${meetingId}.${token}`
}

/** The meeting and token of a scanned scene; null for anything else (a broken %-escape included). */
export function parseScene(scene: string): { meetingId: string; token: string } | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(scene)
  } catch {
    return null
  }
  const dot = decoded.lastIndexOf('.')
  if (dot <= 0 || dot === decoded.length - 1) return null
  return { meetingId: decoded.slice(0, dot), token: decoded.slice(dot + 1) }
}

/**
 * The short code (6 digits) a member types when they cannot scan — on the H5
 * build, or with a phone whose camera fails. It changes every minute; a code
 * is accepted in its minute and the next, as long as a person needs to read
 * it off the secretary's screen and type it.
 */
export const SHORT_SLOT_MS = 60_000

export function shortCodeFor(secret: string, meetingId: string, slot: number): string {
  const digest = createHmac('sha256', secret).update(`${meetingId}:short:${slot}`).digest()
  return String(digest.readUInt32BE(0) % 1_000_000).padStart(6, '0')
}

export function shortCodeIsValid(secret: string, meetingId: string, code: string, now: number): boolean {
  const slot = Math.floor(now / SHORT_SLOT_MS)
  const given = Buffer.from(code)
  return [slot, slot - 1].some((candidate) => {
    const expected = Buffer.from(shortCodeFor(secret, meetingId, candidate))
    return expected.length === given.length && timingSafeEqual(expected, given)
  })
}

/** Wrong short codes a member may type for one meeting before typing is refused (scanning and hand marking still work). */
export const MAX_WRONG_SHORT_CODES = 10
