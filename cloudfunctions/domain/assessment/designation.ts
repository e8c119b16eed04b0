import type { DesignationDoc } from '../../../types/assessment'

type Designation = Pick<DesignationDoc, 'memberId' | 'kind' | 'from' | 'to' | 'endedOn'>

/** The last day a designation is in force: its end, or the day it was ended early. */
export const lastDayOf = (designation: Pick<Designation, 'to' | 'endedOn'>) =>
  designation.endedOn && designation.endedOn < designation.to ? designation.endedOn : designation.to

/** Whether a designation is in force on a day (both ends included). */
export function inForce(designation: Designation, day: string): boolean {
  return designation.from <= day && day <= lastDayOf(designation)
}

/**
 * A member holds one post of a kind at a time: a new 示范岗 overlapping one
 * they already hold is refused (POST.OVERLAP); a 先锋岗 beside a 示范岗 is fine.
 */
export function overlapsExisting(existing: readonly Designation[], next: Designation): boolean {
  return existing.some(
    (held) =>
      held.memberId === next.memberId &&
      held.kind === next.kind &&
      held.from <= next.to &&
      next.from <= lastDayOf(held),
  )
}

/**
 * Members holding a post some day of `year`, per branch (the 示范岗 indicator's numerator): a post that
 * ended before the year began, or begins after it, does not count; a member with two posts counts once.
 */
export function designatedInYear(
  designations: readonly (Pick<DesignationDoc, 'branchId'> & Designation)[],
  year: number,
): Map<string, number> {
  const first = `${year}-01-01`
  const last = `${year}-12-31`
  const members = new Map<string, Set<string>>()
  for (const designation of designations) {
    if (designation.from > last || lastDayOf(designation) < first) continue
    const held = members.get(designation.branchId) ?? new Set<string>()
    held.add(designation.memberId)
    members.set(designation.branchId, held)
  }
  return new Map([...members].map(([branchId, held]) => [branchId, held.size]))
}
