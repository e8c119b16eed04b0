import type { api } from '../../types/api'
import { decisionRefusal } from '../domain/yearly-cycle/appraisal-decision'
import { MIN_BALLOTS } from '../domain/yearly-cycle/appraisal-roll'
import { appraisalPhase } from '../domain/yearly-cycle/appraisal-round'
import { gradeCounts, tallyBallots } from '../domain/yearly-cycle/appraisal-tally'
import { excellentCap } from '../domain/yearly-cycle/excellent-cap'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import { recordEvent } from '../runtime/domain-events'
import type { Handler } from '../runtime/router'
import { DuplicateIdError } from '../runtime/store'
import { writeAudit } from '../shared/audit'
import { loadRound, rollPeople } from './appraisal'
import { filledMarks } from './ballot-box'
import { refreshDigest } from './digest'
import { personalId } from './ids'
import { mayManage } from './scope'

/**
 * The 测评 counts per member appraised, after voting closes and only from at
 * least MIN_BALLOTS ballots, so no single ballot can be read off the result:
 * counts, never a voter. With the 党员大会's decision once recorded.
 */
export const appraisalTally: Handler<(typeof api)['yearly-cycle']['appraisalTally']> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const { round, branch } = await loadRound(ctx, input.roundId, 'read')
  const phase = appraisalPhase(round, clock.now())
  if (phase === 'self_review' || phase === 'voting') throw new DomainError('APPRAISAL.NOT_CLOSED')
  const ballots = await filledMarks(store, round.tenantId, [round._id])
  if (ballots.length < MIN_BALLOTS) throw new DomainError('APPRAISAL.TOO_FEW_BALLOTS')
  const tally = tallyBallots(round.appraisees, ballots)
  const [people, results] = await Promise.all([
    rollPeople(store, round),
    round.status === 'decided'
      ? store.findAll(COLLECTIONS.appraisalResults, { tenantId: round.tenantId, roundId: round._id })
      : null,
  ])
  const decided = results && new Map(results.map((result) => [result.memberId, result]))
  return {
    branchName: branch.name,
    phase,
    ballots: tally.ballots,
    voters: round.voters.length,
    rows: tally.rows.map((row) => ({ ...row, ...people.person(row.memberId) })),
    excellentCap: excellentCap(round.appraisees.length, round.excellentCapPercent),
    decisions:
      decided &&
      round.appraisees.flatMap((memberId) => {
        const result = decided.get(memberId)
        return result ? [{ memberId, grade: result.grade, reason: result.reason, outcome: result.outcome }] : []
      }),
    mayDecide: mayManage(caller, branch),
  }
}

/**
 * Records the 等次 the 党员大会 decided — one for every member appraised, 优秀
 * within the cap, 不合格 with its written reason and the 条例's handling as a
 * recorded outcome (nothing is done to the member by code). Never computed
 * from points. Then every voter's taking part becomes one `appraisal.voted`
 * fact, at the decision's time (never the vote's), for the points catalogue
 * to pay if the tenant has a rule for it.
 */
export const decideAppraisal: Handler<(typeof api)['yearly-cycle']['decideAppraisal']> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const { round, branch } = await loadRound(ctx, input.roundId, 'manage')
  const now = clock.now()
  const phase = appraisalPhase(round, now)
  if (phase === 'decided') throw new DomainError('APPRAISAL.DECIDED')
  if (phase !== 'counting') throw new DomainError('APPRAISAL.NOT_CLOSED')
  const refusal = decisionRefusal(round.appraisees, round.excellentCapPercent, input.decisions)
  if (refusal) throw new DomainError(refusal)
  for (const decision of input.decisions) {
    const result = {
      _id: personalId(round._id, decision.memberId),
      tenantId: round.tenantId,
      roundId: round._id,
      branchId: round.branchId,
      memberId: decision.memberId,
      grade: decision.grade,
      reason: decision.grade === 'unqualified' ? decision.reason : null,
      outcome: decision.outcome,
      decidedAt: now,
    }
    try {
      await store.insert(COLLECTIONS.appraisalResults, result)
    } catch (error) {
      // A decision cut off part-way left some results: the whole decision is written again.
      if (!(error instanceof DuplicateIdError)) throw error
      const { _id, ...fields } = result
      await store.update(COLLECTIONS.appraisalResults, _id, fields)
    }
  }
  const decided = await store.updateWhere(
    COLLECTIONS.appraisalRounds,
    { _id: round._id, status: 'open' },
    { status: 'decided', decidedAt: now },
  )
  if (decided === 0) throw new DomainError('APPRAISAL.DECIDED')
  const voters = await store.findAll(
    COLLECTIONS.ballotVoters,
    { tenantId: round.tenantId, boxId: round._id },
    { fields: { memberId: true } },
  )
  for (const voter of voters) {
    await recordEvent(store, {
      tenantId: round.tenantId,
      kind: 'appraisal.voted',
      memberId: voter.memberId,
      sourceId: round._id,
      at: now,
      recordedBy: caller.member._id,
    })
  }
  const counts = gradeCounts(input.decisions.map((decision) => decision.grade))
  await writeAudit(ctx, {
    action: 'yearly-cycle.decideAppraisal',
    targetId: round._id,
    summary: `${branch.name}${round.year}年度民主评议确定等次：优秀${counts.excellent}人，合格${counts.qualified}人，基本合格${counts.basic}人，不合格${counts.unqualified}人`,
    before: { status: 'open' },
    after: { status: 'decided', counts },
  })
  await refreshDigest(store, round.tenantId, round.branchId, round.year, now)
  return { counts }
}
