import { useCallback, useState } from 'react'

/**
 * The id of one create the user asked for (新建支部、新增账号…). Every retry of
 * that create sends the same id, so the server makes it once; a new create
 * (after the last one succeeded) takes a new id.
 */
export function newRequestId(): string {
  return `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`
}

/** A form's request id, kept across retries and renewed once a create went through. */
export function useRequestId(): [id: string, renew: () => void] {
  const [id, setId] = useState(newRequestId)
  const renew = useCallback(() => setId(newRequestId()), [])
  return [id, renew]
}
