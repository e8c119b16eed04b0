/** The 优秀 share when the bureau sets none ("一般不超过30%"). */
export const DEFAULT_EXCELLENT_CAP_PERCENT = 30

/**
 * How many members may be rated 优秀: the share of those appraised, rounded
 * down so the share is never exceeded — 10 members at 30% → 3, 7 → 2, 3 → 0.
 * Integer arithmetic, so 30% of 10 is 3, not 2.9999.
 */
export function excellentCap(appraised: number, percent: number): number {
  return Math.floor((appraised * percent) / 100)
}
