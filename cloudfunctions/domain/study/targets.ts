/** A task reaches a member when their branch is targeted and the task names no members or names them. */
export function isTarget(
  task: { branchIds: readonly string[]; memberIds: readonly string[] | null },
  member: { _id: string; branchId: string | null },
): boolean {
  if (!member.branchId || !task.branchIds.includes(member.branchId)) return false
  return task.memberIds === null || task.memberIds.includes(member._id)
}

/** Where a check-in stands against the task's window (Asia/Shanghai days, due day inclusive). */
export function windowState(
  task: { startsOn: string; dueOn: string },
  today: string,
): 'not started' | 'open' | 'past due' {
  if (today < task.startsOn) return 'not started'
  if (today > task.dueOn) return 'past due'
  return 'open'
}

/** The 心得 is long enough: counted in characters as a reader sees them (an emoji is one). */
export function noteLength(note: string): number {
  return [...note.trim()].length
}
