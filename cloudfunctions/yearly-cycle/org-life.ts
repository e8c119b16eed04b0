import type { api } from '../../types/api'
import type { OrgDoc } from '../../types/roster'
import type { OrgLifeDoc } from '../../types/yearly-cycle'
import { shanghaiPeriods } from '../domain/time'
import { branchYearOf } from '../domain/yearly-cycle/branch-year'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import type { Handler, HandlerContext } from '../runtime/router'
import { DuplicateIdError, type Store } from '../runtime/store'
import { writeAudit } from '../shared/audit'
import { loadBranch, requireAccess } from '../shared/branch-access'
import { countsAs, heldMeetings } from '../shared/meetings-held'
import { readDigest, refreshDigest } from './digest'
import { requireOwnFiles } from './files'
import { appraisalRoundId, orgLifeId, orgLifeThemeId } from './ids'
import { mayManage, ownTenant } from './scope'

type Ctx = Pick<HandlerContext, 'caller' | 'store' | 'clock'>

/** A 组织生活会 of the caller's tenant and its branch, refusing unless the caller has `needed` over the branch. */
export async function loadOrgLife(
  { caller, store }: Ctx,
  id: string,
  needed: 'read' | 'manage',
): Promise<{ orgLife: OrgLifeDoc; branch: OrgDoc }> {
  const orgLife = await ownTenant(store.get(COLLECTIONS.orgLife, id), caller, 'ORG_LIFE.NOT_FOUND')
  const branch = await loadBranch(store, caller, orgLife.branchId)
  requireAccess(caller, branch, needed)
  return { orgLife, branch }
}

/** Whether the 组织生活会's linked meeting is held (attendance and minutes recorded), read from the meetings data. */
export async function meetingHeld(store: Store, orgLife: OrgLifeDoc, now: number): Promise<boolean> {
  if (!orgLife.meetingId) return false
  return (await heldMeetings(store, orgLife.tenantId, [orgLife.meetingId], now)).has(orgLife.meetingId)
}

/** The branch's progress through the seven steps, as the year view reads it (one digest read, the meeting live). */
async function progressOf(store: Store, branch: OrgDoc, year: number, now: number) {
  const digest = await readDigest(store, branch.tenantId, branch._id, year, now)
  const held = digest.orgLife?.meetingId
    ? (await heldMeetings(store, branch.tenantId, [digest.orgLife.meetingId], now)).size > 0
    : false
  return branchYearOf(branch, digest, { meetingHeld: held, reportDeadline: null, now }).orgLife
}

/** 教育局党委发布年度组织生活会主题: one theme and guidance a year, for every branch; published again, it replaces. */
export const publishOrgLifeTheme: Handler<(typeof api)['yearly-cycle']['publishOrgLifeTheme']> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const id = orgLifeThemeId(caller.member.tenantId, input.year)
  const theme = {
    tenantId: caller.member.tenantId,
    year: input.year,
    theme: input.theme,
    guidance: input.guidance,
    publishedBy: caller.member._id,
    publishedAt: clock.now(),
  }
  const before = await store.get(COLLECTIONS.orgLifeThemes, id)
  if (before) await store.update(COLLECTIONS.orgLifeThemes, id, theme)
  else await store.insert(COLLECTIONS.orgLifeThemes, { _id: id, ...theme })
  await writeAudit(ctx, {
    action: 'yearly-cycle.publishOrgLifeTheme',
    targetId: id,
    summary: `发布${input.year}年度组织生活会主题：${input.theme}`,
    before: before && { theme: before.theme },
    after: { theme: input.theme },
  })
  return { year: input.year, theme: input.theme }
}

/** Starts a branch's 组织生活会 of a year (征求意见 opens with it): its own theme, or the bureau's. */
export const openOrgLife: Handler<(typeof api)['yearly-cycle']['openOrgLife']> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const branch = await loadBranch(store, caller, input.branchId)
  requireAccess(caller, branch, 'manage')
  const id = orgLifeId(branch._id, input.year)
  if (await store.get(COLLECTIONS.orgLife, id)) throw new DomainError('ORG_LIFE.EXISTS')
  const bureau = await store.get(COLLECTIONS.orgLifeThemes, orgLifeThemeId(branch.tenantId, input.year))
  const theme = input.theme ?? bureau?.theme
  if (!theme) throw new DomainError('ORG_LIFE.NO_THEME')
  const now = clock.now()
  const orgLife: OrgLifeDoc = {
    _id: id,
    tenantId: branch.tenantId,
    branchId: branch._id,
    year: input.year,
    theme,
    opinionsClosedAt: null,
    meetingId: null,
    report: null,
    createdBy: caller.member._id,
    createdAt: now,
    updatedAt: now,
  }
  try {
    await store.insert(COLLECTIONS.orgLife, orgLife)
  } catch (error) {
    if (error instanceof DuplicateIdError) throw new DomainError('ORG_LIFE.EXISTS')
    throw error
  }
  await writeAudit(ctx, {
    action: 'yearly-cycle.openOrgLife',
    targetId: id,
    summary: `${branch.name}开始${input.year}年度组织生活会：${theme}`,
    before: null,
    after: { theme },
  })
  await refreshDigest(store, branch.tenantId, branch._id, input.year, now)
  return { id, theme }
}

/** 征求意见 closes: the step is done; the opinions stay for the committee. */
export const closeOpinions: Handler<(typeof api)['yearly-cycle']['closeOpinions']> = async (input, ctx) => {
  const { store, clock } = ctx
  const { orgLife, branch } = await loadOrgLife(ctx, input.orgLifeId, 'manage')
  const now = clock.now()
  const closed = await store.updateWhere(
    COLLECTIONS.orgLife,
    { _id: orgLife._id, opinionsClosedAt: null },
    { opinionsClosedAt: now, updatedAt: now },
  )
  if (closed === 0) throw new DomainError('ORG_LIFE.OPINIONS_CLOSED')
  const opinions = await store.count(COLLECTIONS.orgLifeOpinions, {
    tenantId: orgLife.tenantId,
    orgLifeId: orgLife._id,
  })
  await refreshDigest(store, branch.tenantId, branch._id, orgLife.year, now)
  return { opinions }
}

/**
 * Names the meeting (meetings domain, type 组织生活会, possibly also carrying
 * 民主评议党员) that is this year's 组织生活会: of this branch, starting in
 * this year, not cancelled. A 民主评议 held with it points at it too. The
 * step is done once the meeting has attendance and minutes.
 */
export const linkOrgLifeMeeting: Handler<(typeof api)['yearly-cycle']['linkOrgLifeMeeting']> = async (input, ctx) => {
  const { store, clock } = ctx
  const { orgLife, branch } = await loadOrgLife(ctx, input.orgLifeId, 'manage')
  const meeting = await store.get(COLLECTIONS.meetings, input.meetingId)
  if (!meeting || meeting.tenantId !== branch.tenantId) throw new DomainError('MEETING.NOT_FOUND')
  const fits =
    meeting.branchId === branch._id &&
    meeting.status === 'scheduled' &&
    Number(shanghaiPeriods(meeting.startsAt).year) === orgLife.year &&
    countsAs(meeting, 'org_life')
  if (!fits) throw new DomainError('ORG_LIFE.WRONG_MEETING')
  const now = clock.now()
  await store.update(COLLECTIONS.orgLife, orgLife._id, { meetingId: meeting._id, updatedAt: now })
  await store.updateWhere(
    COLLECTIONS.appraisalRounds,
    { _id: appraisalRoundId(branch._id, orgLife.year), orgLifeId: orgLife._id },
    { meetingId: meeting._id },
  )
  await writeAudit(ctx, {
    action: 'yearly-cycle.linkOrgLifeMeeting',
    targetId: orgLife._id,
    summary: `${branch.name}${orgLife.year}年度组织生活会关联会议：${meeting.title}`,
    before: { meetingId: orgLife.meetingId },
    after: { meetingId: meeting._id },
  })
  await refreshDigest(store, branch.tenantId, branch._id, orgLife.year, now)
  return progressOf(store, branch, orgLife.year, now)
}

/** 情况报告 to the bureau, once the meeting is held; sent again, it replaces the first. */
export const submitOrgLifeReport: Handler<(typeof api)['yearly-cycle']['submitOrgLifeReport']> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const { orgLife, branch } = await loadOrgLife(ctx, input.orgLifeId, 'manage')
  const now = clock.now()
  if (!(await meetingHeld(store, orgLife, now))) throw new DomainError('ORG_LIFE.MEETING_NOT_HELD')
  requireOwnFiles(caller, input.fileIds, 'ORG_LIFE.FILE_NOT_YOURS')
  const report = { text: input.text, fileIds: input.fileIds, by: caller.member._id, at: now }
  await store.update(COLLECTIONS.orgLife, orgLife._id, { report: store.command.set(report), updatedAt: now })
  await writeAudit(ctx, {
    action: 'yearly-cycle.submitOrgLifeReport',
    targetId: orgLife._id,
    summary: `${branch.name}报送${orgLife.year}年度组织生活会情况报告`,
    before: null,
    after: { chars: input.text.length, files: input.fileIds.length },
  })
  await refreshDigest(store, branch.tenantId, branch._id, orgLife.year, now)
  return progressOf(store, branch, orgLife.year, now)
}

/** A branch's 组织生活会 of a year for those who follow it, with the bureau's theme to start from. */
export const orgLifeProgress: Handler<(typeof api)['yearly-cycle']['orgLifeProgress']> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const branch = await loadBranch(store, caller, input.branchId)
  requireAccess(caller, branch, 'read')
  const [orgLife, bureau] = await Promise.all([
    store.get(COLLECTIONS.orgLife, orgLifeId(branch._id, input.year)),
    store.get(COLLECTIONS.orgLifeThemes, orgLifeThemeId(branch.tenantId, input.year)),
  ])
  return {
    branchName: branch.name,
    orgLifeId: orgLife?._id ?? null,
    theme: orgLife?.theme ?? null,
    bureauTheme: bureau && { theme: bureau.theme, guidance: bureau.guidance },
    meetingId: orgLife?.meetingId ?? null,
    report: orgLife?.report ? { text: orgLife.report.text, at: orgLife.report.at } : null,
    progress: await progressOf(store, branch, input.year, clock.now()),
    mayManage: mayManage(caller, branch),
  }
}
