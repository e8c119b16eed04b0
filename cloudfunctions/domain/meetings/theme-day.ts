import type { MeetingRules, MeetingType } from '../../../types/meetings'

/**
 * Whether today (a Shanghai date, 'YYYY-MM-DD') is a day to look for branches
 * without a 主题党日 this month: on or after the tenant's reminder day, while
 * the theme day is required monthly. Answers the month ('YYYY-MM') or null.
 * Every later day of the month answers too, so a missed morning is caught up
 * the next; each branch is told once a month by the caller's keys.
 */
export function themeDayMonthDue(
  today: string,
  rules: Pick<MeetingRules, 'minimums' | 'themeDayReminderDay'>,
): string | null {
  if (rules.themeDayReminderDay === null || rules.minimums.theme_day?.every !== 'month') return null
  return Number(today.slice(8, 10)) >= rules.themeDayReminderDay ? today.slice(0, 7) : null
}

/** Branches among `branchIds` with no scheduled 主题党日 in the month (a make-up for another month does not count). */
export function branchesWithoutThemeDay(
  branchIds: readonly string[],
  meetings: readonly { branchId: string; type: MeetingType; status: string; makeUpFor: string | null }[],
  month: string,
): string[] {
  const held = new Set(
    meetings
      .filter((m) => m.type === 'theme_day' && m.status === 'scheduled' && (m.makeUpFor ?? month) === month)
      .map((m) => m.branchId),
  )
  return branchIds.filter((id) => !held.has(id))
}
