import {
  type ComplianceItem,
  MEETING_TYPES,
  type MeetingRules,
  type MeetingType,
  type Requirement,
} from '../../../types/meetings'
import { periodBounds } from '../time'
import { carries, type JudgedMeeting, recordOf } from './evidence'
import { periodContaining, periodsEndingIn } from './periods'
import { type BranchFacts, inUnit, type Unit, unitsOf } from './units'

/** The parts of the tenant's rule set the compliance rule reads. */
export type ComplianceRules = Pick<MeetingRules, 'minimums' | 'terms' | 'recordWithinDays' | 'backfillWithinDays'>

/**
 * One requirement (at least N of a type) of one period for one unit:
 * - held: N meetings of the period are evidence (attendance and minutes in time);
 * - held_late: with evidenced make-ups (补开) held after the period for it, N
 *   are (a make-up counts there, never for the period it falls in);
 * - while the period runs: awaiting_record when enough took place or are
 *   scheduled and one still owes its record, planned when enough are
 *   scheduled, due when not even that;
 * - once it ended: awaiting_record while a record may still come in time,
 *   no_quorum when a 党员大会 was held below quorum, missing otherwise.
 * Cancelled meetings never count.
 */
export function judgeRequirement(
  type: MeetingType,
  requirement: Requirement,
  period: string,
  unit: Unit,
  meetings: readonly JudgedMeeting[],
  now: number,
  rules: ComplianceRules,
): ComplianceItem {
  const { start, end } = periodBounds(period)
  const ofType = liveOfType(meetings, type).filter((meeting) => inUnit(meeting, unit))
  // A make-up (补开) counts for the period it makes up, not for the one it falls in.
  const inPeriod = ofType.filter(
    (meeting) => meeting.startsAt >= start && meeting.startsAt < end && (meeting.makeUpFor ?? period) === period,
  )
  const records = inPeriod.map((meeting) => ({ meeting, record: recordOf(meeting, type, now, rules) }))
  const withRecord = (...states: string[]) => records.filter((row) => states.includes(row.record))
  const held = withRecord('held')
  const madeUp = ofType.filter(
    (meeting) =>
      meeting.makeUpFor === period && meeting.startsAt >= end && recordOf(meeting, type, now, rules) === 'held',
  )
  const needed = requirement.atLeast
  const item = (status: ComplianceItem['status'], found: readonly { _id: string }[]): ComplianceItem => ({
    type,
    frequency: requirement.every,
    atLeast: needed,
    period,
    groupId: unit.groupId,
    groupName: unit.groupName,
    status,
    held: held.length,
    meetingIds: found.map((meeting) => meeting._id),
  })
  const ids = (rows: { meeting: JudgedMeeting }[]) => rows.map((row) => row.meeting)
  if (held.length >= needed) return item('held', ids(held))
  if (held.length + madeUp.length >= needed) return item('held_late', [...ids(held), ...madeUp])
  const awaiting = withRecord('awaiting_record', 'running')
  if (now < end) {
    const pending = withRecord('awaiting_record', 'running', 'upcoming')
    if (held.length + pending.length < needed) return item('due', ids([...held, ...pending]))
    return item(awaiting.length > 0 ? 'awaiting_record' : 'planned', ids([...held, ...pending]))
  }
  if (awaiting.length > 0 && held.length + awaiting.length >= needed)
    return item('awaiting_record', ids([...held, ...awaiting]))
  const belowQuorum = withRecord('no_quorum')
  if (belowQuorum.length > 0 && held.length + belowQuorum.length >= needed)
    return item('no_quorum', ids([...held, ...belowQuorum]))
  return item('missing', ids(held))
}

/**
 * A branch's live meetings carrying a type, grouped once per list: the matrix
 * asks for the same branch's types in every one of its twelve cells.
 */
const byType = new WeakMap<readonly JudgedMeeting[], Map<MeetingType, JudgedMeeting[]>>()
function liveOfType(meetings: readonly JudgedMeeting[], type: MeetingType): JudgedMeeting[] {
  let grouped = byType.get(meetings)
  if (!grouped) {
    grouped = new Map(MEETING_TYPES.map((each) => [each, [] as JudgedMeeting[]]))
    for (const meeting of meetings) {
      if (meeting.status !== 'scheduled') continue
      for (const each of MEETING_TYPES) if (carries(meeting, each)) grouped.get(each)?.push(meeting)
    }
    byType.set(meetings, grouped)
  }
  return grouped.get(type) ?? []
}

/** Every requirement of the rules, with the periods `periodsOf` picks for it, per unit, in the types' order. */
function judgeAll(
  rules: ComplianceRules,
  facts: BranchFacts,
  meetings: readonly JudgedMeeting[],
  now: number,
  periodsOf: (requirement: Requirement) => string[],
): ComplianceItem[] {
  const items: ComplianceItem[] = []
  for (const type of MEETING_TYPES) {
    const requirement = rules.minimums[type]
    if (!requirement) continue
    for (const period of periodsOf(requirement)) {
      for (const unit of unitsOf(type, facts)) {
        items.push(judgeRequirement(type, requirement, period, unit, meetings, now, rules))
      }
    }
  }
  return items
}

/**
 * 三会一课 of one branch for one cell (a month or a quarter of the matrix):
 * every requirement whose period falls due in it — the month's, and in the
 * last month of a quarter, half-year, year or term also those.
 */
export function complianceOf(
  cell: string,
  rules: ComplianceRules,
  facts: BranchFacts,
  meetings: readonly JudgedMeeting[],
  now: number,
): ComplianceItem[] {
  return judgeAll(rules, facts, meetings, now, (requirement) => periodsEndingIn(cell, requirement.every, rules.terms))
}

/**
 * What a branch owes right now: every requirement in the period running at
 * `now` (this month, this quarter, this half-year, this year, this term) —
 * the secretary's card, "本月还需开展：党小组会（高年级党小组）".
 */
export function runningItems(
  rules: ComplianceRules,
  facts: BranchFacts,
  meetings: readonly JudgedMeeting[],
  now: number,
): ComplianceItem[] {
  return judgeAll(rules, facts, meetings, now, (requirement) => {
    const period = periodContaining(now, requirement.every, rules.terms)
    return period ? [period] : []
  })
}
