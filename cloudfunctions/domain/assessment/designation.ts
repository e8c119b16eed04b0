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
