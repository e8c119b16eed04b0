/**
 * An idempotency key for a write the client may retry: made once per form (keep it in state) so a
 * second tap or a retried call after a lost reply is recognised by the server as the same write.
 * Not a secret; 24 hex characters fit the contracts' Id.
 */
export function newRequestId(): string {
  let id = ''
  for (let i = 0; i < 24; i++) id += Math.floor(Math.random() * 16).toString(16)
  return id
}
