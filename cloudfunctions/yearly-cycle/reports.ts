import type { api } from '../../types/api'
import type { OrgDoc } from '../../types/roster'
import type { ReportRoundDoc, SecretaryReportDoc } from '../../types/yearly-cycle'
import { branchAccess } from '../domain/access/branch-access'
import { reportStatus } from '../domain/yearly-cycle/report-rating'
import type { Caller } from '../runtime/caller'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import type { Files } from '../runtime/files'
import type { Handler } from '../runtime/router'
import { DuplicateIdError, type Store } from '../runtime/store'
import { writeAudit } from '../shared/audit'
import { loadBranch, requireAccess } from '../shared/branch-access'
import { hasVoted, openBox } from './ballot-box'
import { refreshDigest } from './digest'
import { attached, requireOwnFiles } from './files'
import { reportBoxId, reportRoundId, secretaryReportId } from './ids'
import { branchMembers, namesOf, secretaryOf } from './people'
import { ownTenant } from './scope'

/** Whether anyone has rated a report (bureau staff by name, or a member through the box): it is then final. */
export async function isRated(store: Store, report: SecretaryReportDoc): Promise<boolean> {
  const [named, anonymous] = await Promise.all([
    store.count(COLLECTIONS.reportRatings, { tenantId: report.tenantId, reportId: report._id }),
    store.count(COLLECTIONS.ballotVoters, { tenantId: report.tenantId, boxId: reportBoxId(report._id) }),
  ])
  return named + anonymous > 0
}

/** A report as pages read it: text, problems, file links, on time or late, rated or not. */
export async function reportView(
  store: Store,
  files: Files,
  report: SecretaryReportDoc,
  round: Pick<ReportRoundDoc, 'deadline'>,
) {
  const [branch, names, rated, linked] = await Promise.all([
    store.get(COLLECTIONS.orgs, report.branchId),
    namesOf(store, [report.secretaryId]),
    isRated(store, report),
    attached(files, report.fileIds),
  ])
  return {
    id: report._id,
    roundId: report.roundId,
    branchId: report.branchId,
    branchName: branch?.name ?? '',
    secretaryName: names.get(report.secretaryId) ?? '',
    text: report.text,
    problems: report.problems,
    files: linked,
    submittedAt: report.submittedAt,
    status: reportStatus(report, round.deadline) === 'late' ? ('late' as const) : ('submitted' as const),
    rated,
  }
}

/** 书记抓党建述职 of a year: one round per tenant; its deadline ahead. */
export const openReportRound: Handler<(typeof api)['yearly-cycle']['openReportRound']> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const now = clock.now()
  if (input.deadline <= now) throw new DomainError('DATE.DEADLINE_PAST')
  const round: ReportRoundDoc = {
    _id: reportRoundId(caller.member.tenantId, input.year),
    tenantId: caller.member.tenantId,
    year: input.year,
    deadline: input.deadline,
    membersRate: input.membersRate,
    status: 'open',
    createdBy: caller.member._id,
    createdAt: now,
  }
  try {
    await store.insert(COLLECTIONS.reportRounds, round)
  } catch (error) {
    if (error instanceof DuplicateIdError) throw new DomainError('REPORT.ROUND_EXISTS')
    throw error
  }
  await writeAudit(ctx, {
    action: 'yearly-cycle.openReportRound',
    targetId: round._id,
    summary: `开展${input.year}年度书记抓党建述职${input.membersRate ? '（党员参与评价）' : ''}`,
    before: null,
    after: { deadline: input.deadline, membersRate: input.membersRate },
  })
  return { roundId: round._id }
}

export const closeReportRound: Handler<(typeof api)['yearly-cycle']['closeReportRound']> = async (input, ctx) => {
  const { caller, store } = ctx
  const round = await ownTenant(store.get(COLLECTIONS.reportRounds, input.roundId), caller, 'REPORT.ROUND_NOT_FOUND')
  const closed = await store.updateWhere(
    COLLECTIONS.reportRounds,
    { _id: round._id, status: 'open' },
    { status: 'closed' },
  )
  if (closed === 0) throw new DomainError('REPORT.ROUND_CLOSED')
  await writeAudit(ctx, {
    action: 'yearly-cycle.closeReportRound',
    targetId: round._id,
    summary: `结束${round.year}年度书记抓党建述职`,
    before: { status: 'open' },
    after: { status: 'closed' },
  })
  return { roundId: round._id, status: 'closed' as const }
}

/**
 * 述职报告: the branch's secretary (or the 总支书记 above it) submits the
 * report text, its file and the problems found; it can be edited until the
 * first rating. Late is judged by the first submission. When members rate,
 * the report's ballot box opens with it: a slot for every active member but
 * the secretary.
 */
export const submitSecretaryReport: Handler<(typeof api)['yearly-cycle']['submitSecretaryReport']> = async (
  input,
  ctx,
) => {
  const { caller, store, clock } = ctx
  const round = await ownTenant(store.get(COLLECTIONS.reportRounds, input.roundId), caller, 'REPORT.ROUND_NOT_FOUND')
  if (round.status === 'closed') throw new DomainError('REPORT.ROUND_CLOSED')
  const branch = await loadBranch(store, caller, input.branchId)
  requireAccess(caller, branch, 'manage')
  requireOwnFiles(caller, input.fileIds, 'REPORT.FILE_NOT_YOURS')
  const id = secretaryReportId(round._id, branch._id)
  const now = clock.now()
  const existing = await store.get(COLLECTIONS.secretaryReports, id)
  const fields = { text: input.text, fileIds: input.fileIds, problems: input.problems }
  if (existing) {
    if (await isRated(store, existing)) throw new DomainError('REPORT.RATED')
    await store.update(COLLECTIONS.secretaryReports, id, {
      text: input.text,
      fileIds: store.command.set(input.fileIds),
      problems: store.command.set(input.problems),
    })
  } else {
    const members = await branchMembers(store, branch.tenantId, branch._id)
    const secretaryId = secretaryOf(members)?._id ?? caller.member._id
    const raters = round.membersRate ? members.map((member) => member._id).filter((id) => id !== secretaryId) : []
    const report: SecretaryReportDoc = {
      _id: id,
      tenantId: branch.tenantId,
      roundId: round._id,
      branchId: branch._id,
      secretaryId,
      ...fields,
      raters,
      submittedAt: now,
    }
    if (raters.length > 0) await openBox(store, branch.tenantId, reportBoxId(id), raters.length)
    try {
      await store.insert(COLLECTIONS.secretaryReports, report)
    } catch (error) {
      if (!(error instanceof DuplicateIdError)) throw error
    }
  }
  await writeAudit(ctx, {
    action: 'yearly-cycle.submitSecretaryReport',
    targetId: id,
    summary: `${branch.name}${existing ? '修改' : '提交'}${round.year}年度书记述职报告`,
    before: null,
    after: { chars: input.text.length, problems: input.problems.length, files: input.fileIds.length },
  })
  await refreshDigest(store, branch.tenantId, branch._id, round.year, now)
  const submittedAt = existing?.submittedAt ?? now
  return { reportId: id, late: reportStatus({ submittedAt }, round.deadline) === 'late' }
}

/**
 * Who may read a report and how: bureau staff and those who follow the branch
 * read it with the bureau's named ratings; its raters (members, when the round
 * lets them rate) read it to rate; anyone else is refused.
 */
export function readerOf(caller: Caller, branch: OrgDoc, report: SecretaryReportDoc): 'follows' | 'rater' | null {
  if (branchAccess(caller.member, branch) !== 'none') return 'follows'
  return report.raters.includes(caller.member._id) ? 'rater' : null
}

/** The caller's year of 述职: the round, their branch's report, what they may do with it. */
export const myReport: Handler<(typeof api)['yearly-cycle']['myReport']> = async (input, { caller, store, files }) => {
  const me = caller.member
  const round = await store.get(COLLECTIONS.reportRounds, reportRoundId(me.tenantId, input.year))
  const branch = me.branchId ? await store.get(COLLECTIONS.orgs, me.branchId) : null
  const none = { report: null, mayWrite: false, mayRate: false, rated: false }
  const roundView = round && {
    id: round._id,
    year: round.year,
    deadline: round.deadline,
    membersRate: round.membersRate,
    status: round.status,
  }
  const branchView = branch && { id: branch._id, name: branch.name }
  if (!round || !branch) return { round: roundView, branch: branchView, ...none }
  const report = await store.get(COLLECTIONS.secretaryReports, secretaryReportId(round._id, branch._id))
  const isSecretary = me.committeePosition === 'secretary'
  if (!report)
    return { round: roundView, branch: branchView, ...none, mayWrite: isSecretary && round.status === 'open' }
  const reader = readerOf(caller, branch, report)
  if (!reader && !isSecretary) return { round: roundView, branch: branchView, ...none }
  const [view, rated] = await Promise.all([
    reportView(store, files, report, round),
    hasVoted(store, reportBoxId(report._id), me._id),
  ])
  const open = round.status === 'open'
  return {
    round: roundView,
    branch: branchView,
    report: view,
    mayWrite: isSecretary && open && !view.rated,
    mayRate: open && round.membersRate && report.raters.includes(me._id) && !rated,
    rated,
  }
}
