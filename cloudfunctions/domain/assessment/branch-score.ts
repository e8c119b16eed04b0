import type { BranchScore, Scheme } from '../../../types/assessment'
import { scoreComputed, tenths } from './computed-score'
import { type BranchYearData, figureOf } from './figures'
import { type SelfEntry, scoreSelf } from './self-score'

/** The stars a total earns: the highest line it reaches; none below every line. */
export function starsOf(total: number, lines: Scheme['stars']): number {
  return lines
    .filter((line) => tenths(total) >= tenths(line.minScore))
    .reduce((best, line) => Math.max(best, line.stars), 0)
}

/**
 * A branch's score under a scheme: each indicator (computed from the year's
 * data, or self-assessed), each area's subtotal, the total, the stars. It is
 * provisional while any self-assessed item is not scored by the bureau.
 */
export function branchScore(
  scheme: Scheme,
  data: BranchYearData,
  entries: ReadonlyMap<string, SelfEntry>,
): BranchScore {
  let totalT = 0
  let maxT = 0
  let provisional = false
  const areas = scheme.areas.map((area) => {
    const indicators = area.indicators.map((indicator) =>
      indicator.kind === 'computed'
        ? scoreComputed(indicator, figureOf(indicator.source, data))
        : scoreSelf(indicator, entries.get(indicator.key)),
    )
    const areaT = indicators.reduce((sum, item) => sum + tenths(item.score ?? 0), 0)
    const areaMaxT = indicators.reduce((sum, item) => sum + tenths(item.maxScore), 0)
    totalT += areaT
    maxT += areaMaxT
    if (indicators.some((item) => item.kind === 'self' && item.state !== 'scored')) provisional = true
    return { key: area.key, name: area.name, score: areaT / 10, maxScore: areaMaxT / 10, indicators }
  })
  return { areas, total: totalT / 10, maxScore: maxT / 10, stars: starsOf(totalT / 10, scheme.stars), provisional }
}
