/**
 * Demo 党费, dated from the seed's day: every branch member has a base for last year and this year
 * (在职 3,000–8,500 元; one 离退休 pension; 实验小学's member persona 4,500 元 → 45.00 元 a month),
 * last year paid in one payment and this year paid quarter by quarter through last month, so this
 * month is open. Two members are in arrears: 实验小学's 8th member for the last 4 months (the
 * secretary's list) and 城关小学's 5th for the last 7 (the bureau's too). 山区学校's 4th pays a
 * reduced 5.00 元 by the branch's decision. The derived branch-months and unpaid runs are computed
 * by the same pure rules the lifecycle function uses.
 */
import { unpaidRunFrom } from '../../cloudfunctions/domain/lifecycle/dues-arrears'
import { collectionsByMonth } from '../../cloudfunctions/domain/lifecycle/dues-collection'
import { duesMonths, monthsFromTo, owedMonths } from '../../cloudfunctions/domain/lifecycle/dues-months'
import { DEFAULT_DUES_SCHEDULE } from '../../cloudfunctions/domain/lifecycle/dues-schedule'
import { addMonthsToMonth, shanghaiDate } from '../../cloudfunctions/domain/time'
import type {
  DuesBaseDoc,
  DuesBranchMonthDoc,
  DuesCategory,
  DuesPaymentDoc,
  DuesReductionDoc,
  DuesStatusDoc,
} from '../../types/lifecycle'
import type { DemoBureau } from './demo-bureau'
import type { SeedBatch } from './demo-parts'

/** Consecutive months before this one each member has not paid. */
const UNPAID: Record<string, number> = { m_shiyan_08: 4, m_chengguan_05: 7 }
const SPECIAL_BASES: Record<string, [DuesCategory, number]> = {
  m_shiyan_06: ['employed', 450_000],
  m_yz_high_11: ['retired', 520_000],
}
const REDUCED = 'm_shanqu_04'

export function demoDues(bureau: DemoBureau, now: number): SeedBatch[] {
  const today = shanghaiDate(now)
  const running = today.slice(0, 7)
  const year = Number(running.slice(0, 4))
  const years = [year - 1, year]
  const secretaryOf = new Map(
    bureau.members.filter((m) => m.committeePosition === 'secretary').map((m) => [m.branchId, m._id]),
  )
  const bases: DuesBaseDoc[] = []
  const reductions: DuesReductionDoc[] = []
  const payments: DuesPaymentDoc[] = []
  const statuses: DuesStatusDoc[] = []
  const ledgers = new Map<string, ReturnType<typeof duesMonths>[]>()
  const members = bureau.members.filter((m) => m.branchId && m.status === 'active')
  members.forEach((member, index) => {
    const branchId = member.branchId as string
    const recordedBy = secretaryOf.get(branchId) ?? member._id
    const [category, baseFen] = SPECIAL_BASES[member._id] ?? ['employed', 300_000 + ((index * 7) % 12) * 50_000]
    for (const y of years) {
      bases.push({
        _id: `${member._id}:${y}`,
        tenantId: member.tenantId,
        memberId: member._id,
        branchId,
        year: y,
        category,
        baseFen,
        source: 'import',
        updatedBy: recordedBy,
        updatedAt: now,
      })
    }
    if (member._id === REDUCED) {
      reductions.push({
        _id: `dr_demo_${member._id}`,
        tenantId: member.tenantId,
        memberId: member._id,
        branchId,
        fromMonth: `${year}-01`,
        toMonth: `${year}-12`,
        monthlyFen: 500,
        decision: `${year}年1月支委会研究决定（家庭困难）`,
        decidedOn: `${year}-01-10`,
        recordedBy,
        recordedAt: now,
      })
    }
    const owed = owedMonths({ joinedOn: member.joinedOn, leftOn: null }, `${year - 1}-01`, `${year}-12`)
    const lastPaid = addMonthsToMonth(running, -1 - (UNPAID[member._id] ?? 0))
    const paid = owed.filter((month) => month <= lastPaid)
    const facts = {
      bases: bases.filter((base) => base.memberId === member._id),
      reductions: reductions.filter((reduction) => reduction.memberId === member._id),
      payments: [] as DuesPaymentDoc[],
    }
    // Priced as the function prices them: what each month owes.
    const priced = duesMonths(paid, facts, DEFAULT_DUES_SCHEDULE)
    const groups = [
      priced.filter((row) => row.month < `${year}-01`),
      ...[1, 4, 7, 10].map((q) =>
        priced.filter(
          (row) => row.month >= `${year}-${String(q).padStart(2, '0')}` && row.month < monthAfterQuarter(year, q),
        ),
      ),
    ]
    groups.forEach((group, g) => {
      if (group.length === 0) return
      const last = group[group.length - 1].month
      payments.push({
        _id: `dp_demo_${member._id}_${g}`,
        tenantId: member.tenantId,
        memberId: member._id,
        branchId,
        months: group.map((row) => ({ month: row.month, amountFen: row.owedFen })),
        years: [...new Set(group.map((row) => Number(row.month.slice(0, 4))))],
        extraFen: member._id === 'm_shiyan_01' && g === 0 ? 10_000 : 0,
        method: g % 2 === 0 ? 'transfer' : 'cash',
        reference: g % 2 === 0 ? `ZZ${year}${String(index).padStart(3, '0')}${g}` : '',
        paidOn: `${last}-15` < today ? `${last}-15` : today,
        recordedBy,
        recordedAt: now,
      })
    })
    facts.payments = payments.filter((payment) => payment.memberId === member._id)
    const ledger = duesMonths(owed, facts, DEFAULT_DUES_SCHEDULE)
    ledgers.set(branchId, [...(ledgers.get(branchId) ?? []), ledger])
    statuses.push({
      _id: member._id,
      tenantId: member.tenantId,
      branchId,
      unpaidFrom: unpaidRunFrom(ledger),
      updatedAt: now,
    })
  })
  const branchMonths: DuesBranchMonthDoc[] = []
  for (const [branchId, branchLedgers] of ledgers) {
    for (const y of years) {
      for (const [month, collection] of collectionsByMonth(branchLedgers, monthsFromTo(`${y}-01`, `${y}-12`))) {
        branchMonths.push({
          _id: `${branchId}:${month}`,
          tenantId: bureau.tenants[0]._id,
          branchId,
          month,
          year: y,
          ...collection,
          updatedAt: now,
        })
      }
    }
  }
  return [
    ['dues_bases', bases],
    ['dues_reductions', reductions],
    ['dues_payments', payments],
    ['dues_status', statuses],
    ['dues_branch_months', branchMonths],
  ]
}

const monthAfterQuarter = (year: number, q: number) =>
  q === 10 ? `${year + 1}-01` : `${year}-${String(q + 3).padStart(2, '0')}`
