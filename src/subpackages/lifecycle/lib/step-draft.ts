import type { ConversionOutcome, DevelopmentStep, StepInput } from '../../../../types/lifecycle'

/** What the step form holds while it is filled in: text as typed, the chosen people and outcome. */
export interface StepDraft {
  on: string | null
  note: string
  memberIds: string[]
  hours: string
  noticeFrom: string | null
  noticeTo: string | null
  eligible: string
  present: string
  inFavour: string
  outcome: ConversionOutcome
  extensionMonths: string
}

export const emptyStepDraft = (today: string): StepDraft => ({
  on: today,
  note: '',
  memberIds: [],
  hours: '',
  noticeFrom: null,
  noticeTo: null,
  eligible: '',
  present: '',
  inFavour: '',
  outcome: 'convert',
  extensionMonths: '',
})

/** A typed count as a number; '' stays NaN so the server's check names the empty field. */
const count = (text: string) => (text.trim() === '' ? Number.NaN : Number(text))

/** Which extra fields a step's form shows. */
export function stepKind(step: DevelopmentStep): 'people' | 'hours' | 'notice' | 'vote' | 'conversion' | 'plain' {
  if (step === 'contacts_assigned' || step === 'introducers_assigned') return 'people'
  if (step === 'intensive_training') return 'hours'
  if (step === 'pre_approval') return 'notice'
  if (step === 'admission_vote') return 'vote'
  if (step === 'conversion_vote') return 'conversion'
  return 'plain'
}

/** The contract's details of a step from the draft (the server validates and refuses; this only shapes). */
export function stepDetails(step: DevelopmentStep, draft: StepDraft): StepInput {
  const vote = { eligible: count(draft.eligible), present: count(draft.present), inFavour: count(draft.inFavour) }
  switch (step) {
    case 'contacts_assigned':
    case 'introducers_assigned':
      return { step, memberIds: draft.memberIds }
    case 'intensive_training':
      return { step, hours: count(draft.hours) }
    case 'pre_approval':
      return { step, noticeFrom: draft.noticeFrom ?? '', noticeTo: draft.noticeTo ?? '' }
    case 'admission_vote':
      return { step, vote }
    case 'conversion_vote':
      return {
        step,
        vote,
        outcome: draft.outcome,
        extensionMonths: draft.outcome === 'extend' ? count(draft.extensionMonths) : null,
      }
    case 'training_review':
    case 'probation_review':
      throw new Error(`${step} is kept as 考察记录, never recorded as a step`)
    default:
      return { step }
  }
}
