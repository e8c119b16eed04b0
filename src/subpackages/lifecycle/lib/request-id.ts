/**
 * The idempotency key of one write a form may send more than once (a retry
 * after a lost reply): made once when the form opens, so the server answers a
 * repeat with what the first one did instead of writing twice.
 */
export function newRequestId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
}
