import { type MeetingType, SCOPES_OF, type Scope, type ScopeKind } from '../../../types/meetings'
import type { MemberDoc } from '../../../types/roster'

export { SCOPES_OF }

/** The scope a form starts from for a type (the secretary picks the group of a 党小组会). */
export function defaultScopeKind(type: MeetingType): ScopeKind {
  return SCOPES_OF[type][0]
}

/** Whether a meeting of these types (its own and those it is combined with) may have this scope. */
export function scopeFits(types: readonly MeetingType[], scope: Pick<Scope, 'kind'>): boolean {
  return types.every((type) => SCOPES_OF[type].includes(scope.kind))
}

/** A scope given or, when none was, the type's own if it needs no choice (a 党小组会 must name its group). */
export function resolveScope(type: MeetingType, given: Scope | undefined): Scope | null {
  if (given) return given
  const kind = defaultScopeKind(type)
  return kind === 'group' ? null : { kind }
}

export type RosterMember = Pick<
  MemberDoc,
  '_id' | 'branchId' | 'groupId' | 'committeePosition' | 'memberType' | 'status'
>

/** Who a scope invites (应到): the branch's active members, its committee, or one group's. */
export function inviteesOf(scope: Scope, branchId: string, members: readonly RosterMember[]): string[] {
  return members
    .filter((member) => member.status === 'active' && member.branchId === branchId)
    .filter((member) =>
      scope.kind === 'committee'
        ? member.committeePosition !== null
        : scope.kind === 'group'
          ? member.groupId === scope.groupId
          : true,
    )
    .map((member) => member._id)
}

/** Members with a vote in a 党员大会: full members (正式党员); 预备党员 attend without one. */
export function isVoting(member: Pick<MemberDoc, 'memberType'>): boolean {
  return member.memberType === 'formal'
}
