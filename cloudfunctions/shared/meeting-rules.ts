import type { MeetingRules } from '../../types/meetings'
import { withDefaults } from '../domain/meetings/rules'
import { COLLECTIONS } from '../runtime/collections'
import type { Store } from '../runtime/store'

/**
 * The tenant's 三会一课 rule set (会议规则: minimums, check-in windows, message
 * templates), or the defaults until bureau staff save their own. The meetings
 * function keeps it; the bureau's matrix and the messaging services read it.
 */
export async function loadRules(store: Store, tenantId: string): Promise<MeetingRules> {
  const stored = await store.get(COLLECTIONS.meetingRules, tenantId)
  if (!stored) return withDefaults(null)
  const { _id, ...rules } = stored
  return withDefaults(rules)
}
