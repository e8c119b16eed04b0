import type { InvitationDoc } from '../../types/roster'
import { INVITATION_MAX_WRONG_NAMES } from '../domain/invitation'
import type { Collection } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import type { PublicContext } from '../runtime/router'
import { writeSystemAudit } from './audit'

/** What an invitation with a name to confirm keeps of its wrong guesses (a member's, an applicant's). */
type GuardedInvitation = Pick<InvitationDoc, '_id' | 'tenantId' | 'status' | 'wrongNames' | 'lockedAt'>

/**
 * A wrong name counts against the invitation (an atomic increment); the one that reaches the limit locks
 * it (open → locked, conditionally, so it is locked and audited once) and the secretary sees it among the
 * locked invitations. Answers the error the invitee reads. Every invitation that asks for a name goes
 * through here: the code alone must never let a stranger guess the name.
 */
export async function wrongName<T extends GuardedInvitation>(
  { store, clock }: Pick<PublicContext, 'store' | 'clock'>,
  collection: Collection<T>,
  invitation: T,
  lockAudit: { action: string; targetId: string; summary: (wrong: number) => string },
): Promise<DomainError> {
  await store.updateWhere(collection, { _id: invitation._id, status: 'open' }, { wrongNames: store.command.inc(1) })
  const wrong = (await store.get(collection, invitation._id))?.wrongNames ?? 1
  const left = INVITATION_MAX_WRONG_NAMES - wrong
  if (left > 0) return new DomainError('INVITATION.NAME_MISMATCH', `姓名与邀请不符，还可尝试${left}次`)
  const now = clock.now()
  const locked = await store.updateWhere(
    collection,
    { _id: invitation._id, status: 'open' },
    { status: 'locked', lockedAt: now },
  )
  if (locked === 1) {
    await writeSystemAudit(store, now, invitation.tenantId, {
      action: lockAudit.action,
      targetId: lockAudit.targetId,
      summary: lockAudit.summary(wrong),
      before: { status: 'open' },
      after: { status: 'locked', wrongNames: wrong },
    })
  }
  return new DomainError('INVITATION.LOCKED')
}
