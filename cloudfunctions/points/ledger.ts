import type { LedgerEntry, PointsRule } from '../../types/points'
import { applyCaps } from '../domain/points/caps'
import { shanghaiPeriods } from '../domain/time'
import { DomainError } from '../runtime/domain-error'
import { DuplicateIdError, type Store } from '../runtime/store'
import { incrementTotal, TOTALS, totalsTouchedBy, usageId } from './totals'

export const LEDGER = 'points_ledger'

export interface Award {
  /** The idempotency key: derived from the source (event, claim, request), so a retry or race pays once. */
  key: string
  tenantId: string
  member: { _id: string; branchId: string }
  rule: PointsRule
  requested: number
  reason: string
  grantedBy: string
  grantedByName: string
  at: number
  sourceEvent: string | null
  /** 'cut' pays what the caps leave (events); 'refuse' answers POINTS.CAP_REACHED and writes nothing (hand awards). */
  overCap: 'cut' | 'refuse'
}

/**
 * Writes one ledger entry (台账) and then the totals. The insert with the
 * deterministic `_id` is the once-only gate: only the writer whose insert
 * succeeded increments totals, so 200 racing retries make one entry and one
 * increment. A crash between the insert and the increments leaves drift that
 * `reconcile` repairs from the ledger.
 */
export async function recordAward(store: Store, award: Award): Promise<{ entry: LedgerEntry; duplicate: boolean }> {
  const existing = await store.get<LedgerEntry>(LEDGER, award.key)
  if (existing) return { entry: existing, duplicate: true }

  const periods = shanghaiPeriods(award.at)
  const { tenantId, member, rule } = award
  const capped = await cappedValue(store, award, periods)
  if (capped.capped && award.overCap === 'refuse') {
    throw new DomainError(
      'POINTS.CAP_REACHED',
      `超出“${rule.name}”的积分上限，本次最多还能发放${Math.abs(capped.points)}分`,
    )
  }
  const entry: LedgerEntry = {
    _id: award.key,
    tenantId,
    memberId: member._id,
    branchId: member.branchId,
    ruleKey: rule.key,
    ruleName: rule.name,
    points: capped.points,
    requested: award.requested,
    capped: capped.capped,
    reason: award.reason,
    grantedBy: award.grantedBy,
    grantedByName: award.grantedByName,
    at: award.at,
    sourceEvent: award.sourceEvent,
    ...periods,
  }
  try {
    await store.insert(LEDGER, entry)
  } catch (error) {
    if (!(error instanceof DuplicateIdError)) throw error
    return { entry: (await store.get<LedgerEntry>(LEDGER, award.key)) ?? entry, duplicate: true }
  }
  await Promise.all(totalsTouchedBy(entry).map(({ key, points }) => incrementTotal(store, key, points)))
  return { entry, duplicate: false }
}

async function cappedValue(store: Store, award: Award, periods: ReturnType<typeof shanghaiPeriods>) {
  const { caps, key } = award.rule
  if (caps.day === null && caps.month === null && caps.year === null) {
    return { points: award.requested, capped: false }
  }
  const used = async (period: string) =>
    (await store.get<{ _id: string; points: number }>(TOTALS, usageId(award.tenantId, award.member._id, key, period)))
      ?.points ?? 0
  const [day, month, year] = await Promise.all([used(periods.day), used(periods.month), used(periods.year)])
  return applyCaps(award.requested, caps, { day, month, year })
}
