import { addMonthsToMonth } from '../time'

export { shareOf } from '../share'

/** Members a study task targets in one branch: the listed members there, or all its active members. */
export function targetedIn(
  task: { branchIds: readonly string[]; memberIds: readonly string[] | null },
  branchId: string,
  activeMembers: number,
  listedHere: number,
): number {
  if (!task.branchIds.includes(branchId)) return 0
  return task.memberIds === null ? activeMembers : listedHere
}

/** The 12 month keys ending with `month` ('2026-04' → '2025-05'…'2026-04'). */
export function lastTwelveMonths(month: string): string[] {
  return Array.from({ length: 12 }, (_, step) => addMonthsToMonth(month, step - 11))
}

/** The month before a month key. */
export function previousMonth(month: string): string {
  return addMonthsToMonth(month, -1)
}
