import { DEVELOPMENT_STAGES, type StageCounts, type YearTotals } from '../../../types/lifecycle'
import { conversionVoteOf, type FileFacts, stateOf } from './development-state'

/** People per stage. */
export function stageCounts(files: readonly FileFacts[]): StageCounts {
  const counts = Object.fromEntries(DEVELOPMENT_STAGES.map((stage) => [stage, 0])) as StageCounts
  for (const file of files) counts[stateOf(file).stage] += 1
  return counts
}

/**
 * The year's pipeline as a bureau reports it: people who applied, became
 * 积极分子, 发展对象, were admitted (approved) and converted (approved) in the
 * calendar year. A day belongs to the year its 'YYYY' says.
 */
export function yearTotals(files: readonly FileFacts[], year: number): YearTotals {
  const totals: YearTotals = { applications: 0, activists: 0, candidates: 0, admitted: 0, converted: 0 }
  const inYear = (day: string | undefined) => day?.startsWith(`${year}-`) ?? false
  for (const file of files) {
    const dayOf = (step: string) => file.steps.find((record) => record.step === step)?.on
    if (inYear(dayOf('application'))) totals.applications += 1
    if (inYear(dayOf('activist_decision'))) totals.activists += 1
    if (inYear(dayOf('candidate_decision'))) totals.candidates += 1
    if (inYear(dayOf('admission_approval'))) totals.admitted += 1
    const state = stateOf(file)
    const converted = conversionVoteOf(state.done.get('conversion_vote'))?.outcome === 'convert'
    if (converted && inYear(state.done.get('conversion_approval')?.on)) totals.converted += 1
  }
  return totals
}
