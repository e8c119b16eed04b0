import type { ErrorCode } from '../../../types/errors'
import type { StepInput } from '../../../types/lifecycle'
import { addDays, daysBetween } from '../time'
import { voteVerdict } from './branch-vote'
import { DEVELOPMENT_TIMING, type FileFacts, isFinished, stateOf } from './development-state'
import { STEPS } from './development-steps'
import { prerequisitesDoneOn, windowOf } from './development-timeline'

export interface StepRequest {
  on: string
  details: StepInput
}

/**
 * Why a step may not be recorded on a file, or null when it may. Checked in
 * the order a secretary would fix them: the file is still open, the step is
 * next, the date is not in the future nor before the step it follows, the
 * 细则's waiting time has passed, and what the step carries holds (a vote
 * that carried, a long enough 公示, formal members as 培养联系人 and 入党介绍人,
 * one extension at most).
 */
export function stepRefusal(
  file: FileFacts,
  request: StepRequest,
  today: string,
  formalMemberIds: ReadonlySet<string>,
): ErrorCode | null {
  const state = stateOf(file)
  const { step } = request.details
  if (isFinished(state)) return 'DEVELOPMENT.CLOSED'
  if (state.done.has(step)) return 'DEVELOPMENT.STEP_DONE'
  if (state.done.has('conversion_approval') && step !== 'archiving') return 'DEVELOPMENT.STEP_DONE'
  if (!STEPS[step].after.every((before) => state.done.has(before))) return 'DEVELOPMENT.STEP_OUT_OF_ORDER'
  if (request.on > today) return 'DATE.IN_FUTURE'
  if (request.on < prerequisitesDoneOn(step, state)) return 'DATE.BEFORE_PREVIOUS'
  if (request.on < windowOf(step, state).earliestOn) return 'DEVELOPMENT.STEP_TOO_EARLY'
  const details = request.details
  switch (details.step) {
    case 'contacts_assigned':
    case 'introducers_assigned':
      return details.memberIds.every((id) => formalMemberIds.has(id)) ? null : 'DEVELOPMENT.NOT_FORMAL_MEMBER'
    case 'pre_approval': {
      const committee = state.done.get('committee_review')?.on ?? ''
      if (details.noticeFrom < committee) return 'DATE.BEFORE_PREVIOUS'
      const noticeDays = daysBetween(details.noticeFrom, details.noticeTo) + 1
      return noticeDays < DEVELOPMENT_TIMING.noticeDaysMin || request.on < addDays(details.noticeTo, 1)
        ? 'DEVELOPMENT.NOTICE_TOO_SHORT'
        : null
    }
    case 'admission_vote':
      return voteVerdict(details.vote) === 'carried' ? null : 'DEVELOPMENT.VOTE_FAILED'
    case 'conversion_vote':
      if (details.outcome === 'extend' && state.extension) return 'DEVELOPMENT.EXTENSION_USED'
      return voteVerdict(details.vote) === 'carried' ? null : 'DEVELOPMENT.VOTE_FAILED'
    default:
      return null
  }
}
