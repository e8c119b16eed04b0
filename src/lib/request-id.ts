import { useCallback, useState } from 'react'

/**
 * An idempotency key for one intent of a write the client may retry (a hand
 * award, 新建支部, 新增账号…): made once when the intent starts, sent again by a
 * retry after a network error, so the server acts once. It names nothing about the user.
 */
export function newRequestId(now: number = Date.now()): string {
  const random = Array.from({ length: 3 }, () => Math.random().toString(36).slice(2, 8)).join('')
  return `r${now.toString(36)}${random}`
}

/** A form's request id, kept across retries and renewed once a create went through. */
export function useRequestId(): [id: string, renew: () => void] {
  const [id, setId] = useState(() => newRequestId())
  const renew = useCallback(() => setId(newRequestId()), [])
  return [id, renew]
}
