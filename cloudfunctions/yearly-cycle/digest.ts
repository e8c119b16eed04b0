import type { CycleDigestDoc } from '../../types/yearly-cycle'
import { cycleDigest } from '../domain/yearly-cycle/cycle-digest'
import { COLLECTIONS } from '../runtime/collections'
import { DuplicateIdError, type Store } from '../runtime/store'
import { orgLifeId, reportRoundId, secretaryReportId } from './ids'
import { branchMembers, peopleOf } from './people'

/**
 * Rewrites one branch's year digest (cycle_digests) from what its collections
 * hold now: every yearly-cycle write for the branch calls this after its own
 * write, and the daily timer for branches whose roster changed. The digest is
 * whole each time, so a missed refresh is repaired by the next.
 */
export async function refreshDigest(
  store: Store,
  tenantId: string,
  branchId: string,
  year: number,
  now: number,
): Promise<CycleDigestDoc> {
  const digest = await readDigest(store, tenantId, branchId, year, now)
  await writeDigest(store, digest)
  return digest
}

/** One branch's year as its collections hold it now (what refreshDigest writes), one read per input. */
export async function readDigest(
  store: Store,
  tenantId: string,
  branchId: string,
  year: number,
  now: number,
): Promise<CycleDigestDoc> {
  const lifeId = orgLifeId(branchId, year)
  const roundId = reportRoundId(tenantId, year)
  const [members, talks, orgLife, rounds, reportRound] = await Promise.all([
    branchMembers(store, tenantId, branchId),
    store.findAll(COLLECTIONS.talks, { tenantId, branchId, year }, { fields: { _id: true, pair: true } }),
    store.get(COLLECTIONS.orgLife, lifeId),
    store.find(COLLECTIONS.appraisalRounds, { tenantId, branchId, year }, { limit: 1 }),
    store.get(COLLECTIONS.reportRounds, roundId),
  ])
  const [round] = rounds
  const reportId = secretaryReportId(roundId, branchId)
  const [opinions, selfExams, rectifications, results, report, ratings] = await Promise.all([
    orgLife ? store.count(COLLECTIONS.orgLifeOpinions, { tenantId, orgLifeId: lifeId }) : 0,
    orgLife
      ? store.findAll(COLLECTIONS.selfExaminations, { tenantId, orgLifeId: lifeId }, { fields: { memberId: true } })
      : [],
    orgLife
      ? store.countBy(COLLECTIONS.rectifications, { tenantId, orgLifeId: lifeId }, 'status')
      : new Map<string | null, number>(),
    round?.status === 'decided'
      ? store.findAll(COLLECTIONS.appraisalResults, { tenantId, roundId: round._id }, { fields: { grade: true } })
      : [],
    reportRound ? store.get(COLLECTIONS.secretaryReports, reportId) : null,
    reportRound ? store.findAll(COLLECTIONS.reportRatings, { tenantId, reportId }, { fields: { rating: true } }) : [],
  ])
  const open = rectifications.get('open') ?? 0
  const closed = rectifications.get('closed') ?? 0
  return cycleDigest({
    tenantId,
    branchId,
    year,
    people: peopleOf(members),
    talks,
    orgLife,
    opinions,
    selfExaminedIds: selfExams.map((exam) => exam.memberId),
    rectifications: { total: open + closed, closed },
    round: round ?? null,
    grades: results.map((result) => result.grade),
    report: report && {
      roundId,
      reportId,
      submittedAt: report.submittedAt,
      bureau: ratings.map((rating) => rating.rating),
    },
    now,
  })
}

/** Replaces the digest whole (insert, or update when it exists: two refreshes racing both land a whole digest). */
async function writeDigest(store: Store, digest: CycleDigestDoc): Promise<void> {
  const { _id, ...fields } = digest
  const whole = Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, store.command.set(value)]))
  if ((await store.get(COLLECTIONS.cycleDigests, _id)) === null) {
    try {
      await store.insert(COLLECTIONS.cycleDigests, digest)
      return
    } catch (error) {
      if (!(error instanceof DuplicateIdError)) throw error
    }
  }
  await store.update(COLLECTIONS.cycleDigests, _id, whole)
}
