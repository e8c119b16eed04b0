import type { MeetingDoc, MeetingType, Scope } from '../../types/meetings'
import type { OrgDoc } from '../../types/roster'
import { inviteesOf, resolveScope, scopeFits } from '../domain/meetings/scope'
import type { Caller } from '../runtime/caller'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import type { Store } from '../runtime/store'
import { loadBranch, requireAccess, requireGroupIn } from '../shared/branch-access'

/** 积极分子 and 发展对象: the stages of a development file invited to attend without a vote (列席). */
export const PROSPECT_STAGES = ['activist', 'candidate'] as const

/** The branch's open development files at those stages (the lifecycle domain keeps them). */
export async function prospectsOf(store: Store, tenantId: string, branchId: string) {
  const files = await store.findAll(
    COLLECTIONS.developmentFiles,
    { tenantId, branchId, stage: store.command.in([...PROSPECT_STAGES]) },
    { fields: { _id: true, name: true, stage: true, closed: true } },
  )
  return files.filter((file) => !file.closed)
}

/** The active members of a branch, with what scopes and quorum read. */
export function branchMembers(store: Store, tenantId: string, branchId: string) {
  return store.findAll(
    COLLECTIONS.members,
    { tenantId, branchId, status: 'active' },
    {
      fields: {
        _id: true,
        name: true,
        branchId: true,
        groupId: true,
        committeePosition: true,
        memberType: true,
        status: true,
      },
    },
  )
}

/** Host and note-taker (主持人/记录人) must be active members of the branch. */
export function requireInBranch(people: readonly (string | null)[], members: readonly { _id: string }[]): void {
  const known = new Set(members.map((member) => member._id))
  if (people.some((id) => id !== null && !known.has(id))) throw new DomainError('MEETING.NOT_IN_BRANCH')
}

export interface MeetingPlan {
  branch: OrgDoc
  scope: Scope
  attendeeIds: string[]
  guestIds: string[]
  hostId: string | null
}

/**
 * Who a new meeting is for, checked: a branch the caller manages, a scope
 * that fits every type it counts as (defaulted from the type), a group of
 * the branch, host and note-taker from the branch (a 党小组会's host defaults
 * to the group's 组长), and at least one member invited.
 */
export async function planMeeting(
  store: Store,
  caller: Caller,
  input: {
    branchId: string
    scope?: Scope
    meeting: { type: MeetingType; alsoCounts: MeetingType[]; hostId: string | null; noteTakerId: string | null }
  },
): Promise<MeetingPlan> {
  const branch = await loadBranch(store, caller, input.branchId)
  requireAccess(caller, branch, 'manage')
  const scope = resolveScope(input.meeting.type, input.scope)
  if (!scope || !scopeFits([input.meeting.type, ...input.meeting.alsoCounts], scope))
    throw new DomainError('MEETING.SCOPE_MISMATCH')
  let hostId = input.meeting.hostId
  if (scope.kind === 'group') {
    await requireGroupIn(store, scope.groupId, branch)
    const group = await store.get(COLLECTIONS.orgs, scope.groupId)
    hostId ??= group?.leaderId ?? null
  }
  const members = await branchMembers(store, branch.tenantId, branch._id)
  requireInBranch([hostId, input.meeting.noteTakerId], members)
  const attendeeIds = inviteesOf(scope, branch._id, members)
  if (attendeeIds.length === 0) throw new DomainError('MEETING.NO_ATTENDEES')
  const guestIds =
    scope.kind === 'branch' && scope.prospects
      ? (await prospectsOf(store, branch.tenantId, branch._id)).map((file) => file._id)
      : []
  return { branch, scope, attendeeIds, guestIds, hostId }
}

/** A new meeting document from its plan and fields. */
export function newMeetingDoc(
  plan: MeetingPlan,
  fields: Pick<
    MeetingDoc,
    'type' | 'alsoCounts' | 'title' | 'agenda' | 'startsAt' | 'endsAt' | 'place' | 'location' | 'noteTakerId'
  >,
  extra: Pick<MeetingDoc, '_id' | 'seriesId' | 'makeUpFor' | 'createdBy' | 'createdAt'> & Partial<MeetingDoc>,
): MeetingDoc {
  return {
    tenantId: plan.branch.tenantId,
    branchId: plan.branch._id,
    scope: plan.scope,
    ...fields,
    hostId: plan.hostId,
    attendeeIds: plan.attendeeIds,
    guestIds: plan.guestIds,
    status: 'scheduled',
    cancelReason: null,
    backfilled: null,
    minutes: null,
    activity: null,
    remindersDone: [],
    closedAt: null,
    updatedAt: extra.createdAt,
    ...extra,
  }
}
