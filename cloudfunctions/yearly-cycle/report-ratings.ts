import type { api } from '../../types/api'
import type { OrgDoc } from '../../types/roster'
import { REPORT_RATINGS, type ReportRating, type ReportRoundDoc } from '../../types/yearly-cycle'
import { branchAccess } from '../domain/access/branch-access'
import { MIN_BALLOTS } from '../domain/yearly-cycle/appraisal-roll'
import { ratingSummary, reportStatus } from '../domain/yearly-cycle/report-rating'
import { ratingRefusal } from '../domain/yearly-cycle/report-refusal'
import type { Caller } from '../runtime/caller'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import type { Handler } from '../runtime/router'
import { DuplicateIdError, type Store } from '../runtime/store'
import { writeAudit } from '../shared/audit'
import { loadBranch } from '../shared/branch-access'
import { tenantOrgs } from '../shared/tenant-orgs'
import { castInto, filledMarks, hasVoted } from './ballot-box'
import { refreshDigest } from './digest'
import { personalId, reportBoxId, secretaryReportId } from './ids'
import { namesOf } from './people'
import { readerOf, reportView } from './reports'
import { ownTenant } from './scope'

const isRating = (value: unknown): value is ReportRating => REPORT_RATINGS.includes(value as ReportRating)

/** The members' anonymous ratings of reports, summed per report; withheld (null) below MIN_BALLOTS, so none stands out. */
async function memberSummaries(store: Store, tenantId: string, reportIds: readonly string[]) {
  const ballots = await filledMarks(store, tenantId, reportIds.map(reportBoxId))
  const byBox = new Map<string, ReportRating[]>()
  for (const ballot of ballots) {
    const rating = ballot.marks?.report
    if (isRating(rating)) byBox.set(ballot.boxId, [...(byBox.get(ballot.boxId) ?? []), rating])
  }
  return (reportId: string) => {
    const ratings = byBox.get(reportBoxId(reportId)) ?? []
    return ratings.length >= MIN_BALLOTS ? ratingSummary(ratings) : null
  }
}

/** The bureau's named ratings of reports, per report. */
async function bureauRatings(store: Store, tenantId: string, reportIds: readonly string[]) {
  if (reportIds.length === 0)
    return new Map<string, { raterId: string; rating: ReportRating; comment: string; at: number }[]>()
  const ratings = await store.findAll(COLLECTIONS.reportRatings, {
    tenantId,
    reportId: store.command.in([...reportIds]),
  })
  const byReport = new Map<string, typeof ratings>()
  for (const rating of ratings) byReport.set(rating.reportId, [...(byReport.get(rating.reportId) ?? []), rating])
  return byReport
}

/**
 * Rates a 述职报告 好/较好/一般/差: bureau staff by name, with a comment
 * (their judgement is accountable); a member of the branch, when the round
 * lets members rate, anonymously through the report's ballot box (no
 * comment: words could name their writer). Never one's own; once.
 */
export const rateSecretaryReport: Handler<(typeof api)['yearly-cycle']['rateSecretaryReport']> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const report = await ownTenant(store.get(COLLECTIONS.secretaryReports, input.reportId), caller, 'REPORT.NOT_FOUND')
  const round = await ownTenant(store.get(COLLECTIONS.reportRounds, report.roundId), caller, 'REPORT.ROUND_NOT_FOUND')
  const me = caller.member
  const bureauStaff = caller.roles.includes('bureau_staff')
  const namedId = personalId(report._id, me._id)
  const alreadyRated = bureauStaff
    ? (await store.get(COLLECTIONS.reportRatings, namedId)) !== null
    : await hasVoted(store, reportBoxId(report._id), me._id)
  // A member who joined the branch after the report came in has no slot: they are not among its raters.
  const branchId = report.raters.includes(me._id) ? me.branchId : null
  const refusal = ratingRefusal(report, round, { id: me._id, bureauStaff, branchId }, alreadyRated)
  if (refusal) throw new DomainError(refusal)
  const now = clock.now()
  if (bureauStaff) {
    try {
      await store.insert(COLLECTIONS.reportRatings, {
        _id: namedId,
        tenantId: report.tenantId,
        reportId: report._id,
        raterId: me._id,
        rating: input.rating,
        comment: input.comment,
        at: now,
      })
    } catch (error) {
      if (error instanceof DuplicateIdError) throw new DomainError('REPORT.ALREADY_RATED')
      throw error
    }
    await writeAudit(ctx, {
      action: 'yearly-cycle.rateSecretaryReport',
      targetId: report._id,
      summary: `评价书记述职报告：${input.rating}`,
      before: null,
      after: { rating: input.rating },
    })
    await refreshDigest(store, report.tenantId, report.branchId, round.year, now)
  } else {
    await castInto(
      store,
      { tenantId: report.tenantId, boxId: reportBoxId(report._id) },
      me._id,
      { report: input.rating },
      'REPORT.ALREADY_RATED',
    )
  }
  return { rated: true as const }
}

/** One report for its readers, with what they may see of its ratings. */
export const getSecretaryReport: Handler<(typeof api)['yearly-cycle']['getSecretaryReport']> = async (input, ctx) => {
  const { caller, store, files } = ctx
  const report = await ownTenant(store.get(COLLECTIONS.secretaryReports, input.reportId), caller, 'REPORT.NOT_FOUND')
  const round = await ownTenant(store.get(COLLECTIONS.reportRounds, report.roundId), caller, 'REPORT.NOT_FOUND')
  const branch = await loadBranch(store, caller, report.branchId)
  const reader = readerOf(caller, branch, report)
  if (!reader) throw new DomainError('AUTH.FORBIDDEN')
  const bureauStaff = caller.roles.includes('bureau_staff')
  const me = caller.member._id
  const [view, named, members, votedInBox] = await Promise.all([
    reportView(store, files, report, round),
    bureauRatings(store, report.tenantId, [report._id]),
    round.membersRate ? memberSummaries(store, report.tenantId, [report._id]) : null,
    hasVoted(store, reportBoxId(report._id), me),
  ])
  const ratings = named.get(report._id) ?? []
  const names = await namesOf(
    store,
    ratings.map((rating) => rating.raterId),
  )
  const rated = bureauStaff ? ratings.some((rating) => rating.raterId === me) : votedInBox
  const open = round.status === 'open'
  return {
    ...view,
    bureauRatings:
      reader === 'follows'
        ? ratings.map((rating) => ({
            raterName: names.get(rating.raterId) ?? '',
            rating: rating.rating,
            comment: rating.comment,
            at: rating.at,
          }))
        : null,
    bureau: reader === 'follows' ? ratingSummary(ratings.map((rating) => rating.rating)) : null,
    members: reader === 'follows' && members ? members(report._id) : null,
    mayRate:
      open && !rated && me !== report.secretaryId && (bureauStaff || (round.membersRate && report.raters.includes(me))),
    rated,
    ratesAsBureau: bureauStaff,
  }
}

/** The branches whose 述职 the caller follows, in tree order: every branch for bureau staff, their own for the rest. */
export async function reportBranches(store: Store, caller: Caller): Promise<OrgDoc[]> {
  const orgs = await tenantOrgs(store, caller.member.tenantId)
  return orgs.filter((org) => org.kind === 'branch' && branchAccess(caller.member, org) === 'manage')
}

/** Every branch's 述职 of a round: submitted, late or missing, and the two summaries side by side (never merged). */
export async function roundRows(store: Store, round: ReportRoundDoc, branches: readonly OrgDoc[]) {
  const ids = branches.map((branch) => secretaryReportId(round._id, branch._id))
  const reports = ids.length
    ? await store.findAll(COLLECTIONS.secretaryReports, { tenantId: round.tenantId, _id: store.command.in(ids) })
    : []
  const reportOf = new Map(reports.map((report) => [report.branchId, report]))
  const [named, members] = await Promise.all([
    bureauRatings(
      store,
      round.tenantId,
      reports.map((report) => report._id),
    ),
    round.membersRate
      ? memberSummaries(
          store,
          round.tenantId,
          reports.map((report) => report._id),
        )
      : null,
  ])
  return branches.map((branch) => {
    const report = reportOf.get(branch._id) ?? null
    const ratings = report ? (named.get(report._id) ?? []) : []
    return {
      branchId: branch._id,
      name: branch.name,
      reportId: report?._id ?? null,
      status: reportStatus(report, round.deadline),
      bureau: ratingSummary(ratings.map((rating) => rating.rating)),
      members: report && members ? members(report._id) : null,
      report,
      ratings,
    }
  })
}

export const reportRoundResults: Handler<(typeof api)['yearly-cycle']['reportRoundResults']> = async (input, ctx) => {
  const { caller, store } = ctx
  const round = await ownTenant(store.get(COLLECTIONS.reportRounds, input.roundId), caller, 'REPORT.ROUND_NOT_FOUND')
  const branches = await reportBranches(store, caller)
  const from = (input.page - 1) * input.pageSize
  const rows = await roundRows(store, round, branches.slice(from, from + input.pageSize))
  return {
    items: rows.map(({ report: _report, ratings: _ratings, ...row }) => row),
    total: branches.length,
    page: input.page,
  }
}
