import {
  DEVELOPMENT_STEPS,
  type DevelopmentStep,
  type Material,
  type NextStep,
  REVIEW_STEPS,
  type StepRecord,
} from '../../../types/lifecycle'
import { addDays, addMonthsToDay } from '../time'
import { DEVELOPMENT_TIMING, type FileFacts, type FileState, isFinished, stateOf } from './development-state'
import { STEPS } from './development-steps'

const T = DEVELOPMENT_TIMING
const later = (a: string, b: string) => (a > b ? a : b)

/**
 * The window the 细则 sets for a step whose prerequisites are recorded:
 * never before the latest of them, plus the step's own limits (a year of
 * training before 发展对象, the end of probation before 转正…), and the day
 * after which it is overdue, if the 细则 sets one.
 */
export function windowOf(step: DevelopmentStep, state: FileState): { earliestOn: string; latestOn: string | null } {
  const on = (s: DevelopmentStep) => state.done.get(s)?.on ?? '0000-01-01'
  let earliestOn = prerequisitesDoneOn(step, state)
  let latestOn: string | null = null
  const probationEnd = state.probationEndsOn ?? '9999-12-31'
  switch (step) {
    case 'application_talk':
      latestOn = addMonthsToDay(on('application'), T.talkWithinMonths)
      break
    case 'candidate_decision':
      earliestOn = later(earliestOn, addMonthsToDay(on('activist_decision'), T.trainingMonths))
      break
    case 'admission_approval':
      latestOn = addMonthsToDay(on('admission_vote'), T.approvalWithinMonths)
      break
    case 'conversion_application':
      earliestOn = later(earliestOn, addDays(probationEnd, -T.conversionApplicationDaysBefore))
      break
    case 'conversion_vote':
      earliestOn = later(earliestOn, probationEnd)
      latestOn = addDays(probationEnd, T.conversionVoteWithinDays)
      break
    case 'conversion_approval':
      latestOn = addMonthsToDay(on('conversion_vote'), T.approvalWithinMonths)
      break
  }
  return { earliestOn, latestOn }
}

/** The day the last of a step's prerequisites was done ('0000-01-01' for the first step). */
export function prerequisitesDoneOn(step: DevelopmentStep, state: FileState): string {
  return STEPS[step].after.map((before) => state.done.get(before)?.on ?? '0000-01-01').reduce(later, '0000-01-01')
}

/** Steps not yet recorded whose prerequisites are, with their windows; none once the file is finished. */
export function nextSteps(file: FileFacts): NextStep[] {
  const state = stateOf(file)
  if (isFinished(state)) return []
  const decided = state.done.has('conversion_approval')
  return DEVELOPMENT_STEPS.filter(
    (step) =>
      !state.done.has(step) &&
      !(REVIEW_STEPS as readonly DevelopmentStep[]).includes(step) &&
      (step === 'archiving' || !decided) &&
      STEPS[step].after.every((before) => state.done.has(before)),
  ).map((step) => ({ step, ...windowOf(step, state) }))
}

/** Checklist materials of recorded steps that have no file yet, in step order. */
export function missingMaterials(steps: readonly StepRecord[]): { step: DevelopmentStep; material: Material }[] {
  const missing: { step: DevelopmentStep; material: Material }[] = []
  for (const record of steps) {
    for (const material of STEPS[record.step].materials) {
      const attached = record.materials.some((item) => item.material === material && item.fileIds.length > 0)
      if (!attached) missing.push({ step: record.step, material })
    }
  }
  return missing
}

/** 'YYYY-Qn' of a 'YYYY-MM-DD' day. */
export function quarterOf(day: string): string {
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`
}

/** First and last day of a quarter key ('2026-Q2' → 2026-04-01 … 2026-06-30). */
export function quarterDays(quarter: string): { first: string; last: string } {
  const first = `${quarter.slice(0, 4)}-${String(Number(quarter.slice(6)) * 3 - 2).padStart(2, '0')}-01`
  return { first, last: addDays(addMonthsToDay(first, 3), -1) }
}

function nextQuarter(quarter: string): string {
  const year = Number(quarter.slice(0, 4))
  const q = Number(quarter.slice(6))
  return q === 4 ? `${year + 1}-Q1` : `${year}-Q${q + 1}`
}

/**
 * The stretches a file is watched over (考察): training from the 积极分子
 * decision to the 发展对象 decision, probation from acceptance to the 转正
 * decision; open stretches run to today.
 */
export function reviewPeriods(file: FileFacts, today: string): { from: string; to: string }[] {
  const state = stateOf(file)
  const on = (step: DevelopmentStep) => state.done.get(step)?.on
  const stopped = file.closed?.on
  const periods: { from: string; to: string }[] = []
  const activist = on('activist_decision')
  if (activist) periods.push({ from: activist, to: on('candidate_decision') ?? stopped ?? today })
  const accepted = on('admission_approval') ? on('admission_vote') : undefined
  if (accepted) {
    const final = state.stage === 'formal' || state.stage === 'cancelled' ? on('conversion_approval') : undefined
    periods.push({ from: accepted, to: final ?? stopped ?? today })
  }
  return periods
}

/**
 * Quarters lying wholly inside a watched stretch that have no 考察记录: one
 * note a quarter is expected (the practice; the 细则 asks at least
 * one every half year). A quarter the stretch only touches, and the
 * running quarter, are never gaps.
 */
export function reviewGaps(file: FileFacts, today: string): string[] {
  const noted = new Set(file.reviews.map((review) => quarterOf(review.on)))
  const gaps: string[] = []
  for (const { from, to } of reviewPeriods(file, today)) {
    for (let quarter = quarterOf(from); quarterDays(quarter).first <= to; quarter = nextQuarter(quarter)) {
      const { first, last } = quarterDays(quarter)
      if (first >= from && last <= to && last < today && !noted.has(quarter)) gaps.push(quarter)
    }
  }
  return gaps
}

/** 集中培训 recorded with fewer than 24 学时. */
export function trainingShort(file: FileFacts): boolean {
  const training = stateOf(file).done.get('intensive_training')?.details
  return training?.step === 'intensive_training' && training.hours < T.trainingHoursMin
}
