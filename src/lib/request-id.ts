/**
 * An idempotency key for one intent of a write the client may retry (a hand
 * award): made once when the intent starts, sent again by a retry after a
 * network error, so the server acts once. It names nothing about the user.
 */
export function newRequestId(now: number = Date.now()): string {
  const random = Array.from({ length: 3 }, () => Math.random().toString(36).slice(2, 8)).join('')
  return `r${now.toString(36)}${random}`
}
