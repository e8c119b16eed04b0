import type { api } from '../../types/api'
import type { AssessmentRoundDoc } from '../../types/assessment'
import { branchAccess } from '../domain/access/branch-access'
import { branchScore as scoreBranch } from '../domain/assessment/branch-score'
import { entryComplete, scoreSelf, selfScoreRefusal } from '../domain/assessment/self-score'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import { isInFolder } from '../runtime/files'
import type { Handler } from '../runtime/router'
import { writeAudit } from '../shared/audit'
import { loadBranch, requireAccess } from '../shared/branch-access'
import { branchYears } from '../shared/branch-year'
import { keepUntil } from '../shared/retention'
import {
  asSelfEntries,
  branchKey,
  entriesByBranch,
  entryId,
  evidenceFolder,
  loadRound,
  loadScheme,
  requireOpen,
  roundIdOf,
  selfIndicator,
} from './store'

/** How long an evidence photo's link works on the page. */
const EVIDENCE_LINK_SECONDS = 30 * 60

/** 开启年度考核: one round a year, only once the year's scheme exists, with a deadline still ahead. */
export const openRound: Handler<typeof api.assessment.openRound> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const tenantId = caller.member.tenantId
  const now = clock.now()
  if (!(await loadScheme(store, tenantId, input.year))) throw new DomainError('ASSESSMENT.NO_SCHEME')
  if (input.deadline <= now) throw new DomainError('DATE.DEADLINE_PAST')
  const round: AssessmentRoundDoc = {
    _id: roundIdOf(tenantId, input.year),
    tenantId,
    year: input.year,
    deadline: input.deadline,
    status: 'open',
    publishedAt: null,
    createdBy: caller.member._id,
    createdAt: now,
  }
  if (await store.get(COLLECTIONS.assessmentRounds, round._id)) throw new DomainError('ASSESSMENT.ROUND_EXISTS')
  await store.insert(COLLECTIONS.assessmentRounds, round)
  await writeAudit(ctx, {
    action: 'assessment.openRound',
    targetId: round._id,
    summary: `开启${input.year}年度支部考核`,
    before: null,
    after: round,
  })
  return { roundId: round._id }
}

export const getRound: Handler<typeof api.assessment.getRound> = async (input, { caller, store }) => {
  const tenantId = caller.member.tenantId
  const round = await store.get(COLLECTIONS.assessmentRounds, roundIdOf(tenantId, input.year))
  // A member's own branch, and every branch they manage or read (a 总支书记's, an instructor's), in tree order.
  const orgs = caller.roles.some((role) => role !== 'member')
    ? await store.findAll(
        COLLECTIONS.orgs,
        { tenantId, kind: 'branch', status: 'active' },
        { fields: { _id: true, tenantId: true, name: true, ancestors: true, order: true } },
      )
    : []
  const branches = orgs
    .filter((org) => branchAccess(caller.member, org) !== 'none' && !caller.roles.includes('bureau_staff'))
    .sort((a, b) => a.order - b.order)
    .map((org) => ({ id: org._id, name: org.name }))
  return {
    round: round
      ? {
          id: round._id,
          year: round.year,
          deadline: round.deadline,
          status: round.status,
          publishedAt: round.publishedAt,
        }
      : null,
    branches,
  }
}

/**
 * 支部得分: the published result once published (frozen), otherwise the
 * provisional score — computed indicators from the year's data as it is now,
 * self-assessed ones as claimed or scored — with what the branch wrote.
 */
export const branchScore: Handler<typeof api.assessment.branchScore> = async (input, ctx) => {
  const { caller, store, clock, files } = ctx
  const { round, scheme } = await loadRound(store, caller, input.roundId)
  const branch = await loadBranch(store, caller, input.branchId)
  const access = requireAccess(caller, branch, 'read')
  const tenantId = caller.member.tenantId
  const key = branchKey(round._id, branch._id)
  const [entries, submission, result] = await Promise.all([
    entriesByBranch(store, tenantId, round._id, branch._id),
    store.get(COLLECTIONS.assessmentSubmissions, key),
    round.status === 'published' ? store.get(COLLECTIONS.assessmentResults, key) : Promise.resolve(null),
  ])
  const mine = entries.get(branch._id)
  let score = result?.score
  if (!score) {
    const data = await branchYears(store, tenantId, [branch], round.year, clock.now())
    score = scoreBranch(scheme, data.get(branch._id) ?? {}, asSelfEntries(mine))
  }
  const listed = [...(mine?.values() ?? [])]
  const links = await Promise.all(
    listed.map((entry) =>
      Promise.all(
        entry.fileIds.map(async (fileID) => ({ fileID, url: await files.link(fileID, EVIDENCE_LINK_SECONDS) })),
      ),
    ),
  )
  return {
    roundId: round._id,
    year: round.year,
    branchId: branch._id,
    branchName: branch.name,
    score,
    status: round.status === 'published' ? 'published' : submission ? 'submitted' : 'open',
    deadline: round.deadline,
    submittedAt: submission?.submittedAt ?? null,
    entries: listed.map((entry, index) => ({
      indicatorKey: entry.indicatorKey,
      text: entry.text,
      files: links[index],
      claimedScore: entry.claimedScore,
      score: entry.score,
      comment: entry.comment,
    })),
    canEdit: access === 'manage' && round.status === 'open' && !submission && clock.now() <= round.deadline,
    canScore:
      caller.roles.includes('bureau_staff') &&
      round.status === 'open' &&
      !!submission &&
      caller.member.branchId !== branch._id,
  }
}

/** Loads the round and branch for a branch's own write: open, before the deadline, not yet submitted. */
async function editableBranch(ctx: Parameters<typeof branchScore>[1], roundId: string, branchId: string) {
  const { caller, store, clock } = ctx
  const { round, scheme } = await loadRound(store, caller, roundId)
  const branch = await loadBranch(store, caller, branchId)
  requireAccess(caller, branch, 'manage')
  requireOpen(round)
  if (await store.get(COLLECTIONS.assessmentSubmissions, branchKey(round._id, branch._id)))
    throw new DomainError('ASSESSMENT.SUBMITTED')
  if (clock.now() > round.deadline) throw new DomainError('ASSESSMENT.PAST_DEADLINE')
  return { round, scheme, branch }
}

/** 自评: what the branch did for one indicator, its evidence and its own score; rewritten freely until submitted. */
export const saveSelfAssessment: Handler<typeof api.assessment.saveSelfAssessment> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const { round, scheme, branch } = await editableBranch(ctx, input.roundId, input.branchId)
  const indicator = selfIndicator(scheme, input.indicatorKey)
  if (input.claimedScore !== null) {
    const refusal = selfScoreRefusal(indicator, input.claimedScore, null)
    if (refusal) throw new DomainError(refusal)
  }
  const folder = evidenceFolder(caller)
  const before = await store.get(COLLECTIONS.assessmentEntries, entryId(round._id, branch._id, indicator.key))
  // Files already attached stay valid whoever uploaded them (a 组织委员 may have); new ones must be the caller's.
  const kept = new Set(before?.fileIds ?? [])
  if (input.fileIds.some((fileID) => !kept.has(fileID) && !isInFolder(fileID, folder)))
    throw new DomainError('ASSESSMENT.FILE_NOT_YOURS')
  const entry = {
    _id: entryId(round._id, branch._id, indicator.key),
    tenantId: caller.member.tenantId,
    roundId: round._id,
    branchId: branch._id,
    indicatorKey: indicator.key,
    text: input.text,
    fileIds: input.fileIds,
    claimedScore: input.claimedScore,
    updatedAt: clock.now(),
    score: null,
    comment: null,
    scoredBy: null,
    scoredAt: null,
  }
  if (before) {
    const { _id, ...patch } = entry
    await store.update(COLLECTIONS.assessmentEntries, entry._id, patch)
  } else await store.insert(COLLECTIONS.assessmentEntries, entry)
  // Evidence taken off the item is nobody's record any more: the retention timer deletes it.
  const dropped = [...kept].filter((fileID) => !input.fileIds.includes(fileID))
  for (const fileID of dropped)
    await keepUntil(ctx, { fileID, tenantId: entry.tenantId, kind: 'dropped-upload' }, clock.now())
  return scoreSelf(indicator, entry)
}

/** 提交: every self-assessed item written, with evidence where the scheme asks; then the branch's items are the bureau's to score. */
export const submitBranch: Handler<typeof api.assessment.submitBranch> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  // A retry of a submit that went through (the reply lost) answers the same submission.
  const done = await store.get(COLLECTIONS.assessmentSubmissions, branchKey(input.roundId, input.branchId))
  if (done?.tenantId === caller.member.tenantId && done.submittedBy === caller.member._id)
    return { submittedAt: done.submittedAt }
  const { round, scheme, branch } = await editableBranch(ctx, input.roundId, input.branchId)
  const entries = (await entriesByBranch(store, caller.member.tenantId, round._id, branch._id)).get(branch._id)
  const incomplete = scheme.areas
    .flatMap((area) => area.indicators)
    .filter((indicator) => indicator.kind === 'self' && !entryComplete(indicator, entries?.get(indicator.key)))
  if (incomplete.length > 0)
    throw new DomainError(
      'ASSESSMENT.EVIDENCE_MISSING',
      `还有自评指标未填写或未上传佐证材料：${incomplete.map((item) => item.name).join('、')}`,
      { indicators: incomplete.map((item) => item.key) },
    )
  const submittedAt = clock.now()
  const submission = {
    _id: branchKey(round._id, branch._id),
    tenantId: caller.member.tenantId,
    roundId: round._id,
    branchId: branch._id,
    submittedBy: caller.member._id,
    submittedAt,
  }
  await store.insert(COLLECTIONS.assessmentSubmissions, submission)
  await writeAudit(ctx, {
    action: 'assessment.submitBranch',
    targetId: submission._id,
    summary: `${branch.name}提交${round.year}年度考核自评`,
    before: null,
    after: submission,
  })
  return { submittedAt }
}
