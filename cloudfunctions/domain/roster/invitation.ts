import type { ErrorCode } from '../../../types/errors'
import type { InvitationDoc } from '../../../types/roster'

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000
/** Wrong names an invitation takes before it locks: the code alone must not let a stranger guess the name. */
export const INVITATION_MAX_WRONG_NAMES = 5

/** Whether an invitation can still be used at `now`; the code of the refusal when not. */
export function invitationRefusal(invitation: InvitationDoc | null, now: number): ErrorCode | null {
  if (!invitation) return 'INVITATION.NOT_FOUND'
  if (invitation.status === 'used') return 'INVITATION.USED'
  if (invitation.status === 'revoked') return 'INVITATION.REVOKED'
  if (invitation.status === 'locked') return 'INVITATION.LOCKED'
  if (now >= invitation.expiresAt) return 'INVITATION.EXPIRED'
  return null
}

/** The confirmation an invitee types must be the roster's name, ignoring spaces (incl. full-width). */
export function sameName(typed: string, onRoster: string): boolean {
  const plain = (text: string) => text.replace(/[\s\u3000]/g, '')
  return plain(typed) === plain(onRoster)
}
