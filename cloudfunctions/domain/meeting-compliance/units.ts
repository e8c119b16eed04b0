import type { MeetingType } from '../../../types/meetings'

/** 支部工作条例: a branch with 7 or more full members (正式党员) elects a committee. */
export const COMMITTEE_MIN_FULL_MEMBERS = 7

/** Whether a branch has a committee, and so owes 支委会: the bureau's setting for it, else its full members. */
export function hasCommittee(fullMembers: number, override: boolean | undefined): boolean {
  return override ?? fullMembers >= COMMITTEE_MIN_FULL_MEMBERS
}

/** What the compliance rule knows of a branch besides its meetings. */
export interface BranchFacts {
  hasCommittee: boolean
  /** Its 党小组 in order: 党小组会 is owed by each. */
  groups: readonly { id: string; name: string }[]
}

export interface Unit {
  groupId: string | null
  groupName: string | null
}

const BRANCH: Unit = { groupId: null, groupName: null }

/**
 * Who owes a type: 党小组会 each 党小组 (none without groups), 支委会 the
 * committee (none without one), everything else the branch.
 */
export function unitsOf(type: MeetingType, facts: BranchFacts): Unit[] {
  if (type === 'group_meeting') return facts.groups.map((group) => ({ groupId: group.id, groupName: group.name }))
  if (type === 'committee_meeting') return facts.hasCommittee ? [BRANCH] : []
  return [BRANCH]
}

/** A meeting counts for a unit: any of the branch's for the branch, its own group's for a group. */
export function inUnit(meeting: { groupId?: string | null }, unit: Unit): boolean {
  return unit.groupId === null || meeting.groupId === unit.groupId
}
