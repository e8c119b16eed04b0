import type { MeetingDoc } from '../../types/meetings'
import type { OrgDoc } from '../../types/roster'
import { type BranchAccess, branchAccess } from '../domain/access/branch-access'
import type { Caller } from '../runtime/caller'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import type { Store } from '../runtime/store'

/** A meeting of the caller's tenant and what the caller may do with it. */
export async function loadMeeting(
  store: Store,
  caller: Caller,
  meetingId: string,
): Promise<{ meeting: MeetingDoc; branch: OrgDoc; access: BranchAccess; attendee: boolean }> {
  const meeting = await store.get(COLLECTIONS.meetings, meetingId)
  if (!meeting || meeting.tenantId !== caller.member.tenantId) throw new DomainError('MEETING.NOT_FOUND')
  const branch = await store.get(COLLECTIONS.orgs, meeting.branchId)
  if (!branch) throw new DomainError('MEETING.NOT_FOUND')
  const access = branchAccess(caller.member, branch)
  const attendee = meeting.attendeeIds.includes(caller.member._id)
  // Someone who neither attends nor reads the branch learns nothing, not even that it exists.
  if (!attendee && access === 'none') throw new DomainError('MEETING.NOT_FOUND')
  return { meeting, branch, access, attendee }
}

/** The same, refusing unless the caller manages the meeting's branch. */
export async function loadManagedMeeting(store: Store, caller: Caller, meetingId: string) {
  const loaded = await loadMeeting(store, caller, meetingId)
  if (loaded.access !== 'manage') throw new DomainError('AUTH.FORBIDDEN')
  return loaded
}

export function requireLive(meeting: MeetingDoc): void {
  if (meeting.status === 'cancelled') throw new DomainError('MEETING.CANCELLED')
}
