import { ORG_LIFE_STEPS, type OrgLifeProgress, type OrgLifeStep, type StepStatus } from '../../../types/yearly-cycle'

/** What is known of a branch's 组织生活会, each figure read from its own collection. */
export interface OrgLifeFacts {
  theme: string | null
  opinionsClosed: boolean
  opinions: number
  talks: { required: number; covered: number }
  /** 对照检查 expected from the members taking part, and those in. */
  selfExaminations: { expected: number; submitted: number }
  /** The linked meeting has started, has attendance recorded and minutes written ("held means held"). */
  meetingHeld: boolean
  rectifications: { total: number; closed: number }
  reportSubmitted: boolean
}

/**
 * The seven steps of the 组织生活会 in the order it is run — theme, 征求意见,
 * 谈心谈话 coverage, 对照检查, the meeting, the 整改清单 closed, the 情况报告 —
 * each done / in progress / not started with its figure. Each step is judged
 * on its own facts (a branch may collect 对照检查 while talks go on); the
 * current step is the first not done. A 整改清单 is done when it has items and
 * all are closed: a 组织生活会 that found nothing to rectify has not looked.
 */
export function orgLifeProgress(facts: OrgLifeFacts): OrgLifeProgress {
  const judged: Record<OrgLifeStep, { status: StepStatus; done: number; of: number }> = {
    theme: whole(facts.theme !== null),
    opinions: facts.opinionsClosed
      ? whole(true)
      : { status: facts.opinions > 0 ? 'in_progress' : 'not_started', done: facts.opinions, of: 0 },
    talks: part(facts.talks.covered, facts.talks.required),
    self_examinations: part(facts.selfExaminations.submitted, facts.selfExaminations.expected),
    meeting: whole(facts.meetingHeld),
    rectification: part(facts.rectifications.closed, facts.rectifications.total),
    report: whole(facts.reportSubmitted),
  }
  const steps = ORG_LIFE_STEPS.map((step) => ({ step, ...judged[step] }))
  const done = steps.filter((step) => step.status === 'done').length
  return { steps, done, of: steps.length, current: steps.find((step) => step.status !== 'done')?.step ?? null }
}

const whole = (done: boolean) => ({
  status: done ? ('done' as const) : ('not_started' as const),
  done: done ? 1 : 0,
  of: 1,
})

function part(done: number, of: number): { status: StepStatus; done: number; of: number } {
  if (of > 0 && done >= of) return { status: 'done', done, of }
  return { status: done > 0 ? 'in_progress' : 'not_started', done, of }
}
