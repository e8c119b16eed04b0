import { SHORT_SLOT_MS, shortCodeFor, shortCodeIsValid } from '../domain/meetings/qr-token'
import type { Collection } from '../runtime/collections'
import type { Store } from '../runtime/store'
import { type SecretDoc, tenantSecret } from './tenant-secrets'

/**
 * The signed 6-digit check-in code the meetings check-in uses (an HMAC of the
 * subject and the minute under the tenant's secret; accepted in its minute and
 * the next), for any other domain that checks people in at a place: 志愿服务
 * activities today. Each domain keeps its own secret collection, so one
 * domain's codes never open another's.
 */
export interface CheckInCodes {
  /** The code to show now and when it turns over. */
  current(subjectId: string, now: number): Promise<{ shortCode: string; refreshAt: number }>
  /** Whether a typed code is this minute's or the last one's. */
  isValid(subjectId: string, code: string, now: number): Promise<boolean>
}

export function checkInCodes(store: Store, secrets: Collection<SecretDoc>, tenantId: string): CheckInCodes {
  const secret = () => tenantSecret(store, secrets, tenantId)
  return {
    async current(subjectId, now) {
      const slot = Math.floor(now / SHORT_SLOT_MS)
      return { shortCode: shortCodeFor(await secret(), subjectId, slot), refreshAt: (slot + 1) * SHORT_SLOT_MS }
    },
    async isValid(subjectId, code, now) {
      return shortCodeIsValid(await secret(), subjectId, code, now)
    },
  }
}
