import type { api } from '../../types/api'
import type { OpinionDoc } from '../../types/yearly-cycle'
import { branchAccess } from '../domain/access/branch-access'
import { shanghaiDate } from '../domain/time'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import { readPage } from '../runtime/read-page'
import type { Handler } from '../runtime/router'
import { DuplicateIdError } from '../runtime/store'
import { loadBranch } from '../shared/branch-access'
import { refreshDigest } from './digest'
import { attached, requireOwnFiles } from './files'
import { appraisalRoundId, orgLifeId, orgLifeThemeId, personalId } from './ids'
import { loadOrgLife, meetingHeld } from './org-life'
import { namesOf } from './people'
import { ownTenant } from './scope'

/**
 * 会前征求意见: a member of the branch gives an opinion — anonymously by
 * default, when it keeps no author and only the day (no time of day to match
 * against who was online) — or a manager writes down one from the public
 * (群众). Its id is the client's requestId, so a retry records it once.
 */
export const submitOpinion: Handler<(typeof api)['yearly-cycle']['submitOpinion']> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const orgLife = await ownTenant(store.get(COLLECTIONS.orgLife, input.orgLifeId), caller, 'ORG_LIFE.NOT_FOUND')
  const branch = await loadBranch(store, caller, orgLife.branchId)
  const inBranch = caller.member.branchId === branch._id
  if (input.fromPublic ? branchAccess(caller.member, branch) !== 'manage' : !inBranch) {
    throw new DomainError('AUTH.FORBIDDEN')
  }
  if (orgLife.opinionsClosedAt !== null) throw new DomainError('ORG_LIFE.OPINIONS_CLOSED')
  const now = clock.now()
  const opinion: OpinionDoc = {
    _id: input.requestId,
    tenantId: orgLife.tenantId,
    orgLifeId: orgLife._id,
    branchId: branch._id,
    source: input.fromPublic ? 'public' : 'member',
    authorId: input.fromPublic || input.anonymous ? null : caller.member._id,
    text: input.text,
    day: shanghaiDate(now),
  }
  try {
    await store.insert(COLLECTIONS.orgLifeOpinions, opinion)
  } catch (error) {
    if (!(error instanceof DuplicateIdError)) throw error
    return { id: opinion._id }
  }
  await refreshDigest(store, orgLife.tenantId, branch._id, orgLife.year, now)
  return { id: opinion._id }
}

/** The opinions, newest day first, for the committee and those who follow the branch; a name only where one was signed. */
export const listOpinions: Handler<(typeof api)['yearly-cycle']['listOpinions']> = async (input, ctx) => {
  const { orgLife } = await loadOrgLife(ctx, input.orgLifeId, 'read')
  const page = await readPage(
    ctx.store,
    COLLECTIONS.orgLifeOpinions,
    { tenantId: orgLife.tenantId, orgLifeId: orgLife._id },
    [
      ['day', 'desc'],
      ['_id', 'asc'],
    ],
    input,
  )
  const names = await namesOf(
    ctx.store,
    page.items.flatMap((opinion) => (opinion.authorId ? [opinion.authorId] : [])),
  )
  return {
    ...page,
    items: page.items.map((opinion) => ({
      id: opinion._id,
      source: opinion.source,
      author: opinion.authorId ? (names.get(opinion.authorId) ?? null) : null,
      text: opinion.text,
      day: opinion.day,
    })),
  }
}

/**
 * 对照检查: the caller's self-examination for their branch's 组织生活会, as text,
 * an uploaded document, or both; written again it replaces the first, until
 * the meeting is held.
 */
export const submitSelfExamination: Handler<(typeof api)['yearly-cycle']['submitSelfExamination']> = async (
  input,
  ctx,
) => {
  const { caller, store, clock } = ctx
  const orgLife = await ownTenant(store.get(COLLECTIONS.orgLife, input.orgLifeId), caller, 'ORG_LIFE.NOT_FOUND')
  if (caller.member.branchId !== orgLife.branchId) throw new DomainError('AUTH.FORBIDDEN')
  const now = clock.now()
  if (await meetingHeld(store, orgLife, now)) throw new DomainError('ORG_LIFE.MEETING_HELD')
  requireOwnFiles(caller, input.fileIds, 'ORG_LIFE.FILE_NOT_YOURS')
  const id = personalId(orgLife._id, caller.member._id)
  const fields = { text: input.text, fileIds: input.fileIds, submittedAt: now }
  if (await store.get(COLLECTIONS.selfExaminations, id)) {
    await store.update(COLLECTIONS.selfExaminations, id, { ...fields, fileIds: store.command.set(input.fileIds) })
  } else {
    try {
      await store.insert(COLLECTIONS.selfExaminations, {
        _id: id,
        tenantId: orgLife.tenantId,
        orgLifeId: orgLife._id,
        memberId: caller.member._id,
        ...fields,
      })
    } catch (error) {
      if (!(error instanceof DuplicateIdError)) throw error
      await store.update(COLLECTIONS.selfExaminations, id, { ...fields, fileIds: store.command.set(input.fileIds) })
    }
  }
  await refreshDigest(store, orgLife.tenantId, orgLife.branchId, orgLife.year, now)
  return { submittedAt: now }
}

/** The caller's own part in their branch's 组织生活会 of a year. */
export const myOrgLife: Handler<(typeof api)['yearly-cycle']['myOrgLife']> = async (
  input,
  { caller, store, files, clock },
) => {
  const { branchId, tenantId, _id: memberId } = caller.member
  if (!branchId) return { orgLife: null }
  const orgLife = await store.get(COLLECTIONS.orgLife, orgLifeId(branchId, input.year))
  if (!orgLife) return { orgLife: null }
  const [theme, exam, round, held] = await Promise.all([
    store.get(COLLECTIONS.orgLifeThemes, orgLifeThemeId(tenantId, input.year)),
    store.get(COLLECTIONS.selfExaminations, personalId(orgLife._id, memberId)),
    store.get(COLLECTIONS.appraisalRounds, appraisalRoundId(branchId, input.year)),
    meetingHeld(store, orgLife, clock.now()),
  ])
  return {
    orgLife: {
      id: orgLife._id,
      theme: orgLife.theme,
      guidance: theme?.theme === orgLife.theme ? theme.guidance : '',
      opinionsOpen: orgLife.opinionsClosedAt === null,
      meetingHeld: held,
      takesPart: !round?.exemptions.some((exemption) => exemption.memberId === memberId),
      selfExamination: exam && {
        text: exam.text,
        files: await attached(files, exam.fileIds),
        submittedAt: exam.submittedAt,
      },
    },
  }
}
