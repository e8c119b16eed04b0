/**
 * Writes a big tenant's points straight into the emulator's data files (one
 * nedb file per collection under <dataDir>/db/, one JSON document per line),
 * before the emulator starts: a million ledger entries through the SDK would
 * take far longer than the bench may. The totals are the ones the points
 * function would have kept for those entries (member and branch, per month,
 * quarter, year and all time); per-rule cap usage is not needed by leaderboards
 * and is left out.
 */

import { join } from 'node:path'
import { DEFAULT_CATALOGUE } from '../../cloudfunctions/domain/points/default-rules'
import { addToTotals, withMembers } from '../../cloudfunctions/points/totals'
import type { LedgerEntry, PointsRulesDoc, TotalsDoc } from '../../types/points'
import type { MemberDoc } from '../../types/roster'
import { BIG_TENANT } from './big-tenant'
import { bigTenantDocs, collectionNames, writeLines } from './data-files'

const SHANGHAI_OFFSET = 8 * 3_600_000 // Asia/Shanghai has no daylight saving time
const pad = (n: number) => String(n).padStart(2, '0')

/** The Asia/Shanghai day, month, quarter and year of an instant, without dayjs (a million times). */
function periodsOf(at: number) {
  const d = new Date(at + SHANGHAI_OFFSET)
  const year = String(d.getUTCFullYear())
  const month = `${year}-${pad(d.getUTCMonth() + 1)}`
  return {
    day: `${month}-${pad(d.getUTCDate())}`,
    month,
    quarter: `${year}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`,
    year,
  }
}

export interface PointsDataSummary {
  members: number
  entries: number
  totals: number
  ms: number
}

/** Writes every collection of the tenant, with `entries` ledger entries spread over this year up to `now`. */
export async function writeBigPointsData(dataDir: string, entries: number, now: number): Promise<PointsDataSummary> {
  const started = performance.now()
  const dbDir = join(dataDir, 'db')
  const tenant = await bigTenantDocs()
  const members = (tenant.get('members') as MemberDoc[]).filter((m) => m.branchId)
  const rulesDoc: PointsRulesDoc = {
    _id: BIG_TENANT,
    tenantId: BIG_TENANT,
    ...DEFAULT_CATALOGUE,
    // Members see the county-wide list, so one call answers "top 50 of 10,000 + my rank".
    membersSeeBureau: true,
    updatedAt: now,
    updatedBy: 'bench',
  }
  for (const name of collectionNames()) {
    if (name === 'points_ledger' || name === 'points_totals') continue
    const docs = name === 'points_rules' ? [rulesDoc] : (tenant.get(name) ?? [])
    await writeLines(join(dbDir, `${name}.db`), docs)
  }

  const yearStart = Date.parse(`${periodsOf(now).year}-01-01T00:00:00+08:00`)
  const span = now - yearStart
  const rules = ['study_checkin', 'meeting_present', 'volunteer', 'meeting_absent'].map(
    (key) => DEFAULT_CATALOGUE.rules.find((rule) => rule.key === key) ?? DEFAULT_CATALOGUE.rules[0],
  )
  // The totals the ledger's increments would have kept — all but cap usage, which only awards
  // read (a million one-day usage documents would crowd out what the bench measures).
  const totals = new Map<string, TotalsDoc>()
  // mulberry32: a small seeded generator, so every run writes the same ledger.
  let seed = 20_260_101
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0
    let r = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r
    return ((r ^ (r >>> 14)) >>> 0) / 4_294_967_296
  }
  function* ledger(): Generator<LedgerEntry> {
    for (let i = 0; i < entries; i++) {
      // Uneven activity: some members study far more than others, so ranks spread and tie.
      const member = members[Math.floor(random() ** 2 * members.length)]
      const rule = rules[i % 10 < 6 ? 0 : i % 10 < 8 ? 1 : i % 10 < 9 ? 2 : 3]
      const at = yearStart + Math.floor(random() * span)
      const periods = periodsOf(at)
      const branchId = member.branchId as string
      const entry: LedgerEntry = {
        _id: `bench:${i}`,
        tenantId: BIG_TENANT,
        memberId: member._id,
        branchId,
        ruleKey: rule.key,
        ruleName: rule.name,
        points: rule.points,
        requested: rule.points,
        capped: false,
        reason: '',
        grantedBy: 'bench',
        grantedByName: '系统',
        at,
        sourceEvent: null,
        ...periods,
      }
      addToTotals(totals, entry, (scope) => scope !== 'usage')
      yield entry
    }
  }
  const written = await writeLines(join(dbDir, 'points_ledger.db'), ledger())
  await writeLines(join(dbDir, 'points_totals.db'), withMembers(totals).values())
  return { members: members.length, entries: written, totals: totals.size, ms: performance.now() - started }
}
