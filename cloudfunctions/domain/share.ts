/**
 * A share in 0–1 rounded to three places (0.091 = 9.1%); null when there is
 * nothing to share. Rates the bureau compares (study participation, dues
 * collection, indicator figures) all round the same way.
 */
export function shareOf(part: number, whole: number): number | null {
  if (whole <= 0) return null
  return Math.round((Math.min(part, whole) / whole) * 1000) / 1000
}
