import type { api } from '../../types/api'
import { appraisalPhase, voteRefusal } from '../domain/yearly-cycle/appraisal-round'
import { excellentCap } from '../domain/yearly-cycle/excellent-cap'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import type { Handler } from '../runtime/router'
import { DuplicateIdError } from '../runtime/store'
import { loadRound, rollPeople } from './appraisal'
import { castInto, hasVoted } from './ballot-box'
import { appraisalRoundId, personalId } from './ids'

/** 个人自评: the caller's own, while the round runs (written again, it replaces the first). */
export const submitSelfReview: Handler<(typeof api)['yearly-cycle']['submitSelfReview']> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const { round } = await loadRound(ctx, input.roundId, null)
  const me = caller.member._id
  if (!round.appraisees.includes(me)) throw new DomainError('APPRAISAL.NOT_APPRAISEE')
  const now = clock.now()
  const phase = appraisalPhase(round, now)
  if (phase === 'counting' || phase === 'decided') throw new DomainError('APPRAISAL.CLOSED')
  const id = personalId(round._id, me)
  const review = {
    _id: id,
    tenantId: round.tenantId,
    roundId: round._id,
    memberId: me,
    text: input.text,
    submittedAt: now,
  }
  try {
    await store.insert(COLLECTIONS.selfReviews, review)
  } catch (error) {
    if (!(error instanceof DuplicateIdError)) throw error
    await store.update(COLLECTIONS.selfReviews, id, { text: input.text, submittedAt: now })
  }
  return { submittedAt: now }
}

/**
 * 民主测评: one ballot per voter, final when cast, only while voting is open,
 * rating every member appraised (the voter too). Who voted and what was
 * voted are stored apart (ballot-box.ts); nothing here is logged or audited,
 * and no time is kept with either.
 */
export const castBallot: Handler<(typeof api)['yearly-cycle']['castBallot']> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const { round } = await loadRound(ctx, input.roundId, null)
  const me = caller.member._id
  const refusal = voteRefusal(round, me, await hasVoted(store, round._id, me), input.marks, clock.now())
  if (refusal) throw new DomainError(refusal)
  await castInto(store, { tenantId: round.tenantId, boxId: round._id }, me, input.marks, 'APPRAISAL.ALREADY_VOTED')
  return { voted: true as const }
}

/** The caller's view of their branch's round of a year. */
export const myAppraisal: Handler<(typeof api)['yearly-cycle']['myAppraisal']> = async (
  input,
  { caller, store, clock },
) => {
  const { branchId, _id: me } = caller.member
  if (!branchId) return { round: null }
  const round = await store.get(COLLECTIONS.appraisalRounds, appraisalRoundId(branchId, input.year))
  if (!round) return { round: null }
  const [people, voted, review, result] = await Promise.all([
    rollPeople(store, round),
    hasVoted(store, round._id, me),
    store.get(COLLECTIONS.selfReviews, personalId(round._id, me)),
    round.status === 'decided' ? store.get(COLLECTIONS.appraisalResults, personalId(round._id, me)) : null,
  ])
  return {
    round: {
      id: round._id,
      phase: appraisalPhase(round, clock.now()),
      votingOpensAt: round.votingOpensAt,
      votingClosesAt: round.votingClosesAt,
      mayVote: round.voters.includes(me),
      voted,
      appraisees: round.appraisees.map(people.person),
      selfReview: review?.text ?? null,
      myGrade: result?.grade ?? null,
      excellentCap: excellentCap(round.appraisees.length, round.excellentCapPercent),
    },
  }
}
