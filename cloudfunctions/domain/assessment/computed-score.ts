import type { Figure, Indicator, IndicatorScore } from '../../../types/assessment'
import { SOURCE_DEFINITIONS } from './sources'

type Computed = Extract<Indicator, { kind: 'computed' }>

/** Scores are whole tenths: 8.5 分 is 85; arithmetic in tenths keeps sums exact. */
export const tenths = (score: number) => Math.round(score * 10)
/** '8.5', '10' — how a score reads. */
export const showTenths = (value: number) => (value % 10 === 0 ? String(value / 10) : (value / 10).toFixed(1))
const percent = (fraction: number) => `${Math.round(fraction * 1000) / 10}%`
const halfUp = (x: number) => Math.round(x + 1e-9)

/**
 * A computed indicator's score from its figure, to the tenth (half up), never
 * above its maximum nor below 0, with the reason a branch reads:
 * - ratio: in proportion to reaching the target (三会一课达标率 83.3% against
 *   100% → 83.3% of the marks);
 * - per_unit: so many points per unit up to the maximum;
 * - per_miss: the maximum less so much per miss.
 * With nothing owed yet, a source that counts what was missed gives full
 * marks, one that needs the branch's data gives none (SOURCE_DEFINITIONS).
 * A figure the app does not have (its domain absent) scores nothing.
 */
export function scoreComputed(indicator: Computed, figure: Figure | null): IndicatorScore {
  const maxT = tenths(indicator.maxScore)
  const base = { key: indicator.key, name: indicator.name, kind: 'computed' as const, maxScore: indicator.maxScore }
  const result = (scoreT: number, reason: string, state: IndicatorScore['state']): IndicatorScore => ({
    ...base,
    score: scoreT / 10,
    lost: (maxT - scoreT) / 10,
    figure,
    reason,
    state,
  })
  const source = SOURCE_DEFINITIONS[indicator.source]
  if (!figure) return result(0, `没有${source.name}的数据`, 'no_data')
  const { scoring } = indicator
  if (figure.denominator === 0 && scoring.method !== 'per_unit') {
    return source.whenNothingOwed === 'full'
      ? result(maxT, `${figure.text}，本年度尚无应完成的事项，暂按满分计`, 'computed')
      : result(0, `${figure.text}，没有可计算的数据`, 'no_data')
  }
  let scoreT: number
  let how: string
  switch (scoring.method) {
    case 'ratio': {
      const value = figure.denominator === 0 ? 0 : figure.numerator / figure.denominator
      scoreT = Math.min(maxT, halfUp((maxT * value) / scoring.target))
      const target = source.unit === 'hours' ? `人均 ${scoring.target} 小时` : percent(scoring.target)
      const reached = source.unit === 'hours' ? `人均 ${Math.round(value * 10) / 10} 小时` : percent(value)
      how = `${source.name} ${reached}，达到 ${target} 得满分，按比例计分`
      break
    }
    case 'per_unit':
      scoreT = Math.min(maxT, halfUp(tenths(scoring.points) * figure.numerator))
      how = `每项 ${scoring.points} 分，最多 ${indicator.maxScore} 分`
      break
    case 'per_miss': {
      const misses = Math.max(0, figure.denominator - figure.numerator)
      scoreT = Math.max(0, maxT - halfUp(tenths(scoring.points) * misses))
      how = `缺 ${misses} 项，每项扣 ${scoring.points} 分`
      break
    }
  }
  const outcome = scoreT === maxT ? '得满分' : `得 ${showTenths(scoreT)} 分，失 ${showTenths(maxT - scoreT)} 分`
  return result(scoreT, `${figure.text}；${how}，${outcome}`, 'computed')
}
