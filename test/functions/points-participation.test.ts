// Members with any points in a branch and period (participation, the bureau's "points activity"):
// kept on the branch's total as `members` by the ledger's increments, through presence totals that
// the first entry of a member in a branch and period creates; rebuilt by reconcile; read by the
// bureau overview and the fair branch ranking. Real SDK against the emulator and the demo seed.
import { previousMonth } from '../../cloudfunctions/domain/bureau/rates'
import { periodKeyOf } from '../../cloudfunctions/domain/time'
import type { LedgerEntry, TotalsDoc } from '../../types/points'
import { allDocs, as, type DemoEmulator, startDemoEmulator } from './helpers/demo'

let t: DemoEmulator
let month: string
const SHIYAN = 'org_b_shiyan'

beforeAll(async () => {
  t = await startDemoEmulator()
  month = periodKeyOf(t.emu.clock.now(), 'month')
}, 60_000)
afterAll(() => t.stop())

const all = <T>(collection: string, where: Record<string, unknown>) => allDocs<T>(t, collection, where)

/** Distinct members with entries, per branch, in a month (default: this month), counted from the ledger itself. */
async function fromLedger(period = month): Promise<Map<string, number>> {
  const entries = await all<LedgerEntry>('points_ledger', { tenantId: 't_demo', month: period })
  const seen = new Map<string, Set<string>>()
  for (const entry of entries) seen.set(entry.branchId, (seen.get(entry.branchId) ?? new Set()).add(entry.memberId))
  return new Map([...seen].map(([branchId, members]) => [branchId, members.size]))
}

const branchTotal = async (branchId: string, period = month) =>
  (await all<TotalsDoc>('points_totals', { _id: `t_demo:b:${branchId}:${period}` }))[0]

test('each branch total counts the distinct members with entries there this month, as the ledger says', async () => {
  // This month and last: the seed's entries are days old, so early in a month they are all last month's.
  const months = [month, previousMonth(month)]
  const counted = await Promise.all(months.map((period) => fromLedger(period)))
  expect(counted.some((branches) => branches.size > 0)).toBe(true)
  for (const [index, branches] of counted.entries()) {
    for (const [branchId, members] of branches)
      expect((await branchTotal(branchId, months[index]))?.members).toBe(members)
  }
  const expected = counted[0]
  const overview = await t.callOk(as.bureau, 'bureau', 'overview')
  expect(overview.points.activeMembers).toBe([...expected.values()].reduce((a, b) => a + b, 0))
})

test('a member’s first award of the month adds one member; a second adds none', async () => {
  const entries = await all<LedgerEntry>('points_ledger', { tenantId: 't_demo', month, branchId: SHIYAN })
  const active = new Set(entries.map((entry) => entry.memberId))
  const roster = await all<{ _id: string }>('members', { tenantId: 't_demo', branchId: SHIYAN, status: 'active' })
  const exempt = new Set((await all<{ _id: string }>('points_exempt', { tenantId: 't_demo' })).map((doc) => doc._id))
  // Not the secretary who awards: nobody awards themself.
  const quiet = roster.find(
    (member) => !active.has(member._id) && !exempt.has(member._id) && member._id !== 'm_shiyan_01',
  )
  if (!quiet) throw new Error('the seed leaves someone in 实验小学 without points this month')
  const before = (await branchTotal(SHIYAN))?.members ?? 0
  const award = { memberId: quiet._id, ruleKey: 'volunteer', points: 1, reason: '协助组织主题党日' }
  await t.callOk(as.secretary, 'points', 'award', { ...award, requestId: 'first-of-month' })
  expect((await branchTotal(SHIYAN))?.members).toBe(before + 1)
  await t.callOk(as.secretary, 'points', 'award', { ...award, reason: '整理支部档案', requestId: 'second-of-month' })
  expect((await branchTotal(SHIYAN))?.members).toBe(before + 1)
  const board = await t.callOk(as.bureau, 'points', 'leaderboard', {
    of: 'branches',
    period: 'month',
    sort: 'participation',
  })
  // Participation is the share of active non-exempt members with points: the new member is one more of them.
  const row = board.branches.find((branch) => branch.branchId === SHIYAN)
  const exemptHere = roster.filter((member) => exempt.has(member._id)).length
  const exemptActive = new Set(entries.map((entry) => entry.memberId).filter((id) => exempt.has(id))).size
  expect(Math.round((row?.participation ?? 0) * (row?.activeMembers ?? 0))).toBe(before + 1 - exemptActive)
  expect(row?.activeMembers).toBe(roster.length - exemptHere)
})

test('reconcile puts a damaged member count back and reports it', async () => {
  const id = `t_demo:b:${SHIYAN}:${month}`
  const right = (await branchTotal(SHIYAN))?.members
  await t.db
    .collection('points_totals')
    .where({ _id: id })
    .update({ data: { members: 99 } })
  const report = await t.callOk(as.bureau, 'points', 'reconcile')
  expect(report.done).toBe(true)
  expect(report.drift.map((row) => row.id)).toContain(id)
  expect((await branchTotal(SHIYAN))?.members).toBe(right)
  const again = await t.callOk(as.bureau, 'points', 'reconcile')
  expect(again.drift).toEqual([])
})
