import { addDays, weekOf } from '../time'

/**
 * 连续学习: consecutive days (and weeks, Monday first) with at least one
 * check-in, counted back from today — or from yesterday / last week, so a
 * streak is not lost before the day is over. Days are Asia/Shanghai 'YYYY-MM-DD'.
 */
export function streaks(days: readonly string[], today: string): { days: number; weeks: number } {
  const daySet = new Set(days)
  const weekSet = new Set(days.map(weekOf))
  return {
    days: countBack(daySet, daySet.has(today) ? today : addDays(today, -1), (day) => addDays(day, -1)),
    weeks: countBack(weekSet, weekSet.has(weekOf(today)) ? weekOf(today) : addDays(weekOf(today), -7), (week) =>
      addDays(week, -7),
    ),
  }
}

function countBack(present: Set<string>, from: string, previous: (key: string) => string): number {
  let count = 0
  for (let key = from; present.has(key); key = previous(key)) count++
  return count
}
