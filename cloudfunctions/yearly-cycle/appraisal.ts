import type { api } from '../../types/api'
import type { OrgDoc } from '../../types/roster'
import type { AppraisalRoundDoc } from '../../types/yearly-cycle'
import { appraisalRoll, MIN_BALLOTS } from '../domain/yearly-cycle/appraisal-roll'
import { appraisalPhase } from '../domain/yearly-cycle/appraisal-round'
import { gradeCounts } from '../domain/yearly-cycle/appraisal-tally'
import { DEFAULT_EXCELLENT_CAP_PERCENT, excellentCap } from '../domain/yearly-cycle/excellent-cap'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import type { Handler, HandlerContext } from '../runtime/router'
import { DuplicateIdError, type Store } from '../runtime/store'
import { writeAudit } from '../shared/audit'
import { loadBranch, requireAccess } from '../shared/branch-access'
import { openBox } from './ballot-box'
import { refreshDigest } from './digest'
import { appraisalRoundId, orgLifeId } from './ids'
import { branchMembers, namesOf } from './people'
import { mayManage, ownTenant } from './scope'

/** The bureau's 优秀 share (appraisal_policy), or the default 30%. */
export async function capPercentOf(store: Store, tenantId: string): Promise<number> {
  return (await store.get(COLLECTIONS.appraisalPolicy, tenantId))?.excellentCapPercent ?? DEFAULT_EXCELLENT_CAP_PERCENT
}

/** A round of the caller's tenant with its branch, refusing unless the caller has `needed` over the branch. */
export async function loadRound(
  { caller, store }: Pick<HandlerContext, 'caller' | 'store'>,
  roundId: string,
  needed: 'read' | 'manage' | null,
): Promise<{ round: AppraisalRoundDoc; branch: OrgDoc }> {
  const round = await ownTenant(store.get(COLLECTIONS.appraisalRounds, roundId), caller, 'APPRAISAL.NOT_FOUND')
  const branch = await loadBranch(store, caller, round.branchId)
  if (needed) requireAccess(caller, branch, needed)
  return { round, branch }
}

export const getAppraisalPolicy: Handler<(typeof api)['yearly-cycle']['getAppraisalPolicy']> = async (
  _input,
  { caller, store },
) => ({ excellentCapPercent: await capPercentOf(store, caller.member.tenantId) })

/** Bureau staff set the 优秀 share; rounds opened after this take it (an open round keeps the one it opened with). */
export const setAppraisalPolicy: Handler<(typeof api)['yearly-cycle']['setAppraisalPolicy']> = async (input, ctx) => {
  const { caller, store } = ctx
  const tenantId = caller.member.tenantId
  const before = await capPercentOf(store, tenantId)
  if (await store.get(COLLECTIONS.appraisalPolicy, tenantId)) {
    await store.update(COLLECTIONS.appraisalPolicy, tenantId, { excellentCapPercent: input.excellentCapPercent })
  } else {
    await store.insert(COLLECTIONS.appraisalPolicy, { _id: tenantId, excellentCapPercent: input.excellentCapPercent })
  }
  await writeAudit(ctx, {
    action: 'yearly-cycle.setAppraisalPolicy',
    targetId: tenantId,
    summary: `民主评议优秀比例由${before}%改为${input.excellentCapPercent}%`,
    before: { excellentCapPercent: before },
    after: { excellentCapPercent: input.excellentCapPercent },
  })
  return { excellentCapPercent: input.excellentCapPercent }
}

/**
 * Opens a branch's 民主评议 of a year: the rolls are frozen now (every active
 * member appraised, 预备党员 too; active 正式党员 vote; the exempted neither,
 * each recorded with the reason), the bureau's 优秀 share is copied on, and
 * the ballot box opens with one empty slot per voter before anyone votes.
 */
export const openAppraisal: Handler<(typeof api)['yearly-cycle']['openAppraisal']> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const branch = await loadBranch(store, caller, input.branchId)
  requireAccess(caller, branch, 'manage')
  const now = clock.now()
  if (input.votingClosesAt <= now) throw new DomainError('DATE.DEADLINE_PAST', '测评截止时间已过，请重新选择')
  const id = appraisalRoundId(branch._id, input.year)
  if (await store.get(COLLECTIONS.appraisalRounds, id)) throw new DomainError('APPRAISAL.EXISTS')
  const members = await branchMembers(store, branch.tenantId, branch._id)
  const inBranch = new Set(members.map((member) => member._id))
  const unknown = input.exemptions.find((exemption) => !inBranch.has(exemption.memberId))
  if (unknown) throw new DomainError('ROSTER.NOT_FOUND', '免于评议的党员须为本支部党员')
  const exempt = new Set(input.exemptions.map((exemption) => exemption.memberId))
  const roll = appraisalRoll(
    members.map((member) => ({ id: member._id, memberType: member.memberType, status: member.status })),
    exempt,
  )
  if (roll.voters.length < MIN_BALLOTS) throw new DomainError('APPRAISAL.TOO_FEW_VOTERS')
  const capPercent = await capPercentOf(store, branch.tenantId)
  const lifeId = orgLifeId(branch._id, input.year)
  const orgLife = input.withOrgLife ? await store.get(COLLECTIONS.orgLife, lifeId) : null
  const round: AppraisalRoundDoc = {
    _id: id,
    tenantId: branch.tenantId,
    branchId: branch._id,
    year: input.year,
    orgLifeId: input.withOrgLife ? lifeId : null,
    meetingId: orgLife?.meetingId ?? null,
    votingOpensAt: input.votingOpensAt,
    votingClosesAt: input.votingClosesAt,
    appraisees: roll.appraisees,
    voters: roll.voters,
    exemptions: input.exemptions.map(({ memberId, reason, note }) => ({ memberId, reason, note })),
    excellentCapPercent: capPercent,
    status: 'open',
    decidedAt: null,
    createdBy: caller.member._id,
    createdAt: now,
  }
  // The slots first: a round that exists always has its box (a retry after a cut-off run adds empty slots, which count for nothing).
  await openBox(store, branch.tenantId, id, roll.voters.length)
  try {
    await store.insert(COLLECTIONS.appraisalRounds, round)
  } catch (error) {
    if (error instanceof DuplicateIdError) throw new DomainError('APPRAISAL.EXISTS')
    throw error
  }
  await writeAudit(ctx, {
    action: 'yearly-cycle.openAppraisal',
    targetId: id,
    summary: `${branch.name}开展${input.year}年度民主评议：参评${roll.appraisees.length}人，投票${roll.voters.length}人，免于评议${input.exemptions.length}人`,
    before: null,
    after: { appraisees: roll.appraisees.length, voters: roll.voters.length, exemptions: round.exemptions },
  })
  await refreshDigest(store, branch.tenantId, branch._id, input.year, now)
  return {
    roundId: id,
    appraisees: roll.appraisees.length,
    voters: roll.voters.length,
    excellentCap: excellentCap(roll.appraisees.length, capPercent),
  }
}

/** A branch's round of a year for those who follow it: how far it is, never what anyone voted. */
export const appraisalRound: Handler<(typeof api)['yearly-cycle']['appraisalRound']> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const branch = await loadBranch(store, caller, input.branchId)
  requireAccess(caller, branch, 'read')
  const round = await store.get(COLLECTIONS.appraisalRounds, appraisalRoundId(branch._id, input.year))
  if (!round) return { branchName: branch.name, round: null, mayManage: mayManage(caller, branch) }
  const [members, voted, results] = await Promise.all([
    rollPeople(store, round),
    store.count(COLLECTIONS.ballotVoters, { tenantId: round.tenantId, boxId: round._id }),
    round.status === 'decided'
      ? store.findAll(COLLECTIONS.appraisalResults, { tenantId: round.tenantId, roundId: round._id })
      : [],
  ])
  return {
    branchName: branch.name,
    round: {
      id: round._id,
      phase: appraisalPhase(round, clock.now()),
      votingOpensAt: round.votingOpensAt,
      votingClosesAt: round.votingClosesAt,
      appraisees: round.appraisees.map((memberId) => members.person(memberId)),
      voters: round.voters.length,
      voted,
      exemptions: round.exemptions.map((exemption) => ({
        ...exemption,
        name: members.person(exemption.memberId).name,
      })),
      excellentCap: excellentCap(round.appraisees.length, round.excellentCapPercent),
      excellentCapPercent: round.excellentCapPercent,
      withOrgLife: round.orgLifeId !== null,
      decided: round.status === 'decided' ? gradeCounts(results.map((result) => result.grade)) : null,
    },
    mayManage: mayManage(caller, branch),
  }
}

/** Who has voted and who not yet (names only), and how many wrote a 自评: for reminders while the round runs. */
export const appraisalParticipation: Handler<(typeof api)['yearly-cycle']['appraisalParticipation']> = async (
  input,
  ctx,
) => {
  const { round } = await loadRound(ctx, input.roundId, 'read')
  const [voterDocs, selfReviews, members] = await Promise.all([
    ctx.store.findAll(
      COLLECTIONS.ballotVoters,
      { tenantId: round.tenantId, boxId: round._id },
      { fields: { _id: true, memberId: true } },
    ),
    ctx.store.count(COLLECTIONS.selfReviews, { tenantId: round.tenantId, roundId: round._id }),
    rollPeople(ctx.store, round),
  ])
  const voted = new Set(voterDocs.map((doc) => doc.memberId))
  const named = (memberId: string) => ({ memberId, name: members.person(memberId).name })
  return {
    voted: round.voters.filter((id) => voted.has(id)).map(named),
    notVoted: round.voters.filter((id) => !voted.has(id)).map(named),
    selfReviews,
  }
}

/**
 * The people of a round's frozen rolls by id (one read; a member since
 * transferred keeps their name). Appraised without a vote is what 预备党员
 * means on a roll: the exempted are on neither.
 */
export async function rollPeople(store: Store, round: Pick<AppraisalRoundDoc, 'appraisees' | 'voters' | 'exemptions'>) {
  const names = await namesOf(store, [...round.appraisees, ...round.exemptions.map((exemption) => exemption.memberId)])
  const voters = new Set(round.voters)
  const appraised = new Set(round.appraisees)
  return {
    person: (memberId: string) => ({
      memberId,
      name: names.get(memberId) ?? '已离开的党员',
      probationary: appraised.has(memberId) && !voters.has(memberId),
    }),
  }
}
