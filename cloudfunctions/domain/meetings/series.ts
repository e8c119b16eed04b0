import { addMonthsLocal } from '../time'

/** The start and end of each meeting of a monthly series: same local day and time each month. */
export function monthlyOccurrences(
  startsAt: number,
  endsAt: number,
  count: number,
): { startsAt: number; endsAt: number }[] {
  const length = endsAt - startsAt
  return Array.from({ length: count }, (_, n) => {
    const start = addMonthsLocal(startsAt, n)
    return { startsAt: start, endsAt: start + length }
  })
}
