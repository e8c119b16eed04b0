import type { OutputOf } from '../../../../types/api'

export type Invitation = OutputOf<'roster', 'createInvitation'>

/**
 * Hands the invitation just created on the member page to the invite page,
 * without putting it into the page URL (the link would then sit in history).
 * Lives as long as the mini-program's JS context, which is all it needs.
 */
const invitations = new Map<string, Invitation>()

export function keepInvitation(invitation: Invitation): void {
  invitations.set(invitation.code, invitation)
}

export function takeInvitation(code: string): Invitation | null {
  return invitations.get(code) ?? null
}

export function forgetInvitation(code: string): void {
  invitations.delete(code)
}
