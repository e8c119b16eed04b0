const HOUR = 3_600_000

/** Reminders before a meeting: the day before and an hour before. */
export const REMINDER_SLOTS = [
  { slot: '24h', before: 24 * HOUR },
  { slot: '1h', before: HOUR },
] as const
export type ReminderSlot = (typeof REMINDER_SLOTS)[number]['slot']

/**
 * The reminder slot due at `now`, if any: the latest slot whose moment has
 * come before the start. A meeting scheduled 3 h ahead gets the 24 h slot at
 * once and the 1 h slot later; one already under an hour away gets only the
 * 1 h slot. Slots already done are skipped.
 */
export function dueSlot(startsAt: number, now: number, done: readonly string[]): ReminderSlot | null {
  if (now >= startsAt) return null
  const due = REMINDER_SLOTS.filter(({ before }) => now >= startsAt - before)
  const latest = due[due.length - 1]
  if (!latest || done.includes(latest.slot)) return null
  return latest.slot
}

/** The deterministic id of one reminder to one member: a rerun finds it and sends nothing twice. */
export function reminderSendId(meetingId: string, memberId: string, slot: string): string {
  return `${meetingId}:${memberId}:${slot}`
}
