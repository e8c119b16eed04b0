import { createHmac } from 'node:crypto'

/**
 * The once-only key of the member an import creates for one of its rows: an HMAC under the tenant's secret
 * of the import and the row's key (`phone:…`, `name:…`). A re-run of the import (after a cut-off) finds the
 * members its earlier run created; the key itself says nothing of the phone or name without the secret,
 * and the member's id is random.
 */
export function memberKeyId(secret: string, importId: string, rowKey: string): string {
  return `k_${createHmac('sha256', secret).update(`${importId}\n${rowKey}`).digest('hex').slice(0, 40)}`
}

/** The ids imports made before ids were random: `m_` + 16 hex of sha256(tenant + phone or name). */
export function isPhoneDerivedId(id: string): boolean {
  return /^m_[0-9a-f]{16}$/.test(id)
}
