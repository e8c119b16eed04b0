import type { DevelopmentStage, DevelopmentStep, StepInput, StepRecord } from '../../../types/lifecycle'
import { addMonthsToDay } from '../time'
import { CONVERSION_STEPS } from './development-steps'

/**
 * The time limits of the 《中国共产党发展党员工作细则》 (2014) the pipeline
 * checks, and the two the 细则 leaves to local practice (marked).
 */
export const DEVELOPMENT_TIMING = {
  /** 第八条: a talk with the applicant within a month of the application. */
  talkWithinMonths: 1,
  /** 第十五条: 发展对象 only after more than a year of training (一年以上, the anniversary included). */
  trainingMonths: 12,
  /** 第十八条: 集中培训 of at least 3 days or 24 学时. */
  trainingHoursMin: 24,
  /** 公示 of at least five days before the 预审 (local practice: 5–7 days). */
  noticeDaysMin: 5,
  /** 第二十八条、第三十六条: the 上级党委 approves within 3 months of the 支部大会. */
  approvalWithinMonths: 3,
  /** 第三十条: a year's probation from the day the 支部大会 accepted. */
  probationMonths: 12,
  /** Local practice: the 转正申请 is handed in during the last month of probation. */
  conversionApplicationDaysBefore: 30,
  /** The 细则 says 及时; the branch is reminded, then overdue, 30 days after the probation ends. */
  conversionVoteWithinDays: 30,
  /** What the secretary's list looks ahead. */
  dueHorizonDays: 30,
} as const

export interface FileFacts {
  _id: string
  name: string
  steps: readonly StepRecord[]
  reviews: readonly { on: string }[]
  closed: { on: string; reason: string } | null
}

export interface FileState {
  /** The steps recorded, the 转正 ones counting only in the current round. */
  done: ReadonlyMap<DevelopmentStep, StepRecord>
  /** The approved 延长预备期, if any (it can happen once). */
  extension: { months: number; approvedOn: string } | null
  /** The day the probation ends (预备期满), once the 支部大会 accepted; later by an approved extension. */
  probationEndsOn: string | null
  stage: DevelopmentStage
}

type ConversionVote = Extract<StepInput, { step: 'conversion_vote' }>

/** The 支部大会's 转正 decision of a record, if it is one. */
export function conversionVoteOf(record: StepRecord | undefined): ConversionVote | null {
  return record?.details.step === 'conversion_vote' ? record.details : null
}

/**
 * Where a file stands. The 转正 steps (22–24) go round a second time when an
 * approved vote extended the probation: the extension ends the first round
 * and the same three steps are recorded again for the extended end.
 */
export function stateOf(file: FileFacts): FileState {
  const done = new Map<DevelopmentStep, StepRecord>()
  let extension: FileState['extension'] = null
  for (const record of file.steps) {
    done.set(record.step, record)
    const vote = conversionVoteOf(done.get('conversion_vote'))
    if (record.step === 'conversion_approval' && vote?.outcome === 'extend' && vote.extensionMonths !== null) {
      extension = { months: vote.extensionMonths, approvedOn: record.on }
      for (const step of CONVERSION_STEPS) done.delete(step)
    }
  }
  const accepted = done.get('admission_vote')
  const probationEndsOn = accepted
    ? addMonthsToDay(accepted.on, DEVELOPMENT_TIMING.probationMonths + (extension?.months ?? 0))
    : null
  return { done, extension, probationEndsOn, stage: stageFrom(done, file.closed !== null) }
}

function stageFrom(done: ReadonlyMap<DevelopmentStep, StepRecord>, closed: boolean): DevelopmentStage {
  const decided = done.has('conversion_approval') ? conversionVoteOf(done.get('conversion_vote'))?.outcome : undefined
  if (decided === 'convert') return 'formal'
  if (decided === 'cancel') return 'cancelled'
  if (closed) return 'closed'
  if (done.has('admission_approval')) return 'probationary'
  if (done.has('candidate_decision')) return 'candidate'
  if (done.has('activist_decision')) return 'activist'
  return 'applicant'
}

/** A file that takes no more steps: converted and archived, cancelled, or closed. */
export function isFinished(state: FileState): boolean {
  return state.stage === 'cancelled' || state.stage === 'closed' || state.done.has('archiving')
}
