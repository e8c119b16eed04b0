import type { CycleDigestDoc } from '../../types/yearly-cycle'
import { branchYearOf } from '../domain/yearly-cycle/branch-year'
import { COLLECTIONS } from '../runtime/collections'
import type { Store } from '../runtime/store'
import { heldMeetings } from './meetings-held'

/**
 * The tenant's yearly-cycle year, ready to judge branch by branch as the bureau's year view does: one read of
 * the year's digests and the linked 组织生活会 meetings' records (held by their evidence), then the pure
 * rule (`branchYearOf`) per branch. The year view and the assessment's indicators both judge through it.
 */
export async function loadCycleYears(store: Store, tenantId: string, year: number, now: number) {
  const digests = await store.findAll(COLLECTIONS.cycleDigests, { tenantId, year })
  const digestOf = new Map(digests.map((digest) => [digest.branchId, digest]))
  const held = await heldMeetings(
    store,
    tenantId,
    digests.flatMap((digest) => (digest.orgLife?.meetingId ? [digest.orgLife.meetingId] : [])),
    now,
  )
  return (branch: { _id: string; name: string }, reportDeadline: number | null) => {
    const digest: CycleDigestDoc | null = digestOf.get(branch._id) ?? null
    const meetingId = digest?.orgLife?.meetingId
    const judged = branchYearOf(branch, digest, {
      meetingHeld: !!meetingId && held.has(meetingId),
      reportDeadline,
      now,
    })
    return { digest, judged }
  }
}
