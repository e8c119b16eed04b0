import type { DevelopmentStep, StepRecord } from '../../../types/lifecycle'
import { addDays, addMonthsToDay } from '../time'
import { conversionVoteOf, DEVELOPMENT_TIMING as T } from './development-state'

interface Deadline {
  step: DevelopmentStep
  latestOn: string
  doneOn: string | null
}

/**
 * Every step of a file the 细则 sets a deadline for, with the day it was done:
 * the talk a month after the application, the approval three months after
 * each 支部大会, the 转正 discussion 30 days after each end of probation (the
 * first end, and the extended one if any).
 */
export function deadlinesOf(steps: readonly StepRecord[]): Deadline[] {
  const first = (step: DevelopmentStep) => steps.find((record) => record.step === step)
  const deadlines: Deadline[] = []
  const application = first('application')
  if (application)
    deadlines.push({
      step: 'application_talk',
      latestOn: addMonthsToDay(application.on, T.talkWithinMonths),
      doneOn: first('application_talk')?.on ?? null,
    })
  const accepted = first('admission_vote')
  if (!accepted) return deadlines
  deadlines.push({
    step: 'admission_approval',
    latestOn: addMonthsToDay(accepted.on, T.approvalWithinMonths),
    doneOn: first('admission_approval')?.on ?? null,
  })
  if (!first('admission_approval')) return deadlines
  const votes = steps.filter((record) => record.step === 'conversion_vote')
  const approvals = steps.filter((record) => record.step === 'conversion_approval')
  let end = addMonthsToDay(accepted.on, T.probationMonths)
  for (let round = 0; round < 2; round++) {
    const vote = votes[round]
    deadlines.push({
      step: 'conversion_vote',
      latestOn: addDays(end, T.conversionVoteWithinDays),
      doneOn: vote?.on ?? null,
    })
    if (!vote) break
    deadlines.push({
      step: 'conversion_approval',
      latestOn: addMonthsToDay(vote.on, T.approvalWithinMonths),
      doneOn: approvals[round]?.on ?? null,
    })
    const extension = conversionVoteOf(vote)
    if (extension?.outcome !== 'extend' || extension.extensionMonths === null || !approvals[round]) break
    end = addMonthsToDay(end, extension.extensionMonths)
  }
  return deadlines
}

/**
 * 发展党员 steps on time in a year, for the assessment: the deadlines that
 * fall in the year, each judged once the step is done or the deadline has
 * passed (one still ahead and undone is not judged yet), and how many were
 * met. A file closed before a deadline owes nothing after.
 */
export function onTimeInYear(
  files: readonly { steps: readonly StepRecord[]; closed: { on: string } | null }[],
  year: number,
  today: string,
): { due: number; onTime: number } {
  let due = 0
  let onTime = 0
  for (const file of files) {
    for (const { latestOn, doneOn } of deadlinesOf(file.steps)) {
      if (!latestOn.startsWith(`${year}-`)) continue
      if (doneOn === null && (latestOn >= today || (file.closed !== null && file.closed.on <= latestOn))) continue
      due += 1
      if (doneOn !== null && doneOn <= latestOn) onTime += 1
    }
  }
  return { due, onTime }
}
