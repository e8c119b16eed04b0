import { COLLECTIONS } from '../runtime/collections'
import { newId } from '../runtime/new-id'
import type { HandlerContext } from '../runtime/router'

/** A membership change (转入/转出/离开) kept with its date and who did it. */
export async function writeMembershipChange(
  { caller, store, clock }: Pick<HandlerContext, 'caller' | 'store' | 'clock'>,
  change: {
    memberId: string
    kind: 'join' | 'transfer_in' | 'transfer_out' | 'leave'
    branchId: string
    otherBranchId?: string
    reason?: string
  },
): Promise<void> {
  await store.insert(COLLECTIONS.membershipChanges, {
    _id: newId('mc'),
    tenantId: caller.member.tenantId,
    at: clock.now(),
    by: caller.member._id,
    ...change,
  })
}
