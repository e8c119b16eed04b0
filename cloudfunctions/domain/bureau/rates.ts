/** A share in 0–1 rounded to three places; null when there is nothing to share. */
export function shareOf(part: number, whole: number): number | null {
  if (whole <= 0) return null
  return Math.round((Math.min(part, whole) / whole) * 1000) / 1000
}

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
  const year = Number(month.slice(0, 4))
  const index = Number(month.slice(5, 7)) - 1
  return Array.from({ length: 12 }, (_, step) => {
    const total = year * 12 + index - (11 - step)
    return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`
  })
}

/** The month before a month key. */
export function previousMonth(month: string): string {
  return lastTwelveMonths(month)[10]
}
