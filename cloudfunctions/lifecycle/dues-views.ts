import type { api } from '../../types/api'
import type { Arrears, Collection, DuesCategory, DuesMonth } from '../../types/lifecycle'
import type { MemberDoc, OrgDoc } from '../../types/roster'
import { rolesOf } from '../domain/access/roles'
import { monthlyDues } from '../domain/lifecycle/dues-amount'
import { ARREARS_THRESHOLDS, arrearsOf, arrearsSince } from '../domain/lifecycle/dues-arrears'
import { collectionOf } from '../domain/lifecycle/dues-collection'
import { shareOf } from '../domain/share'
import { addMonthsToMonth, shanghaiStamp } from '../domain/time'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import type { Handler, HandlerContext } from '../runtime/router'
import { MAX_READ } from '../runtime/store'
import { loadBranch, loadMember, requireAccess } from '../shared/branch-access'
import { exportXlsx } from '../shared/exports'
import { tenantOrgs } from '../shared/tenant-orgs'
import {
  aroundNow,
  branchMembers,
  currentMonth,
  isRefreshing,
  ledgerMembers,
  ledgersOf,
  loadSchedule,
  type MemberLedger,
  yearMonths,
} from './dues-ledger'

const CATEGORY_NAMES: Record<DuesCategory, string> = {
  employed: '在职',
  retired: '离退休',
  student: '学生',
  unemployed: '失业',
  subsistence: '低保',
}
const yuan = (fen: number) => (fen / 100).toFixed(2)
/** A month's state in the words of the 党费证, as the app's pages show it. */
const stateOf = (row: DuesMonth) =>
  !row.baseSet ? '未核定' : row.owedFen === 0 ? '免交' : row.settled ? '已交' : '未交'

/** A member's year (with last year read too: a run of unpaid months reaches back across January). */
async function duesYear(ctx: HandlerContext, member: MemberDoc, year: number) {
  const schedule = await loadSchedule(ctx.store, member.tenantId)
  const running = currentMonth(ctx)
  const [ledger] = await ledgersOf(ctx.store, member.tenantId, [member], aroundNow(ctx, year), schedule)
  const months = ledger.months.filter((row) => row.month.startsWith(`${year}-`))
  const base = ledger.bases.get(year)
  return {
    year,
    category: base?.category ?? null,
    baseFen: base?.baseFen ?? null,
    monthlyFen: base ? monthlyDues(base.category, base.baseFen, schedule).amountFen : null,
    months,
    arrears: arrearsOf(ledger.months, running),
  }
}

/** 我的党费: the caller's own year, month by month; nobody reads another member's here. */
export const myDues: Handler<typeof api.lifecycle.myDues> = async (input, ctx) =>
  duesYear(ctx, ctx.caller.member, input.year)

/** A member's year for their branch's readers: the page where the secretary records a payment. */
export const memberDues: Handler<typeof api.lifecycle.memberDues> = async (input, ctx) => {
  const member = await loadMember(ctx.store, ctx.caller, input.memberId)
  if (!member.branchId) throw new DomainError('ROSTER.NOT_FOUND', '该党员未编入支部')
  const branch = await loadBranch(ctx.store, ctx.caller, member.branchId)
  const access = requireAccess(ctx.caller, branch, 'read')
  return {
    ...(await duesYear(ctx, member, input.year)),
    memberId: member._id,
    name: member.name,
    branchId: branch._id,
    // One's own dues are another manager's to record (separation of duties): read-only here.
    canManage: access === 'manage' && member._id !== ctx.caller.member._id,
  }
}

const NO_ARREARS: Arrears = { months: 0, since: null, flag: 'none' }

/**
 * A branch's ledgers with last year's read too, and each one's arrears now:
 * `owed` — everyone who owed it dues in `year` (members who left or moved
 * since keep their months here, with no arrears: they are nobody's to chase
 * here), for its sheet; `current` — its active members, for its arrears list.
 */
async function branchLedgers(ctx: HandlerContext, branch: OrgDoc, year: number, who: 'owed' | 'current') {
  const running = currentMonth(ctx)
  const schedule = await loadSchedule(ctx.store, branch.tenantId)
  const members =
    who === 'owed' ? await ledgerMembers(ctx.store, branch, [year]) : await branchMembers(ctx.store, branch)
  const ledgers = await ledgersOf(ctx.store, branch.tenantId, members, aroundNow(ctx, year), schedule)
  return ledgers.map((ledger) => {
    const here = ledger.member.status === 'active' && ledger.member.branchId === branch._id
    return { ...ledger, arrears: here ? arrearsOf(ledger.months, running) : NO_ARREARS }
  })
}

/** A ledger's row for `month` when that month's dues belong to `branchId`. */
const monthOf = (ledger: MemberLedger, branchId: string, month: string) =>
  ledger.branchOf.get(month) === branchId ? ledger.months.find((row) => row.month === month) : undefined

/** 党费收缴: the branch's month, member by member, paged, with the month's rate over the whole branch. */
export const branchDuesSheet: Handler<typeof api.lifecycle.branchDuesSheet> = async (input, ctx) => {
  const branch = await loadBranch(ctx.store, ctx.caller, input.branchId)
  const access = requireAccess(ctx.caller, branch, 'read')
  const ledgers = await branchLedgers(ctx, branch, Number(input.month.slice(0, 4)), 'owed')
  const rows = ledgers.flatMap((ledger) => {
    const row = monthOf(ledger, branch._id, input.month)
    return row ? [{ ledger, row }] : []
  })
  const start = (input.page - 1) * input.pageSize
  return {
    month: input.month,
    items: rows.slice(start, start + input.pageSize).map(({ ledger, row }) => ({
      memberId: ledger.member._id,
      name: ledger.member.name,
      category: ledger.bases.get(Number(input.month.slice(0, 4)))?.category ?? null,
      owedFen: row.owedFen,
      paidFen: row.paidFen,
      settled: row.settled,
      arrears: ledger.arrears,
    })),
    total: rows.length,
    page: input.page,
    collection: collectionOf(rows.map(({ row }) => row)),
    canManage: access === 'manage',
  }
}

/**
 * 欠缴党费: a secretary sees their branch's members at 3 months or more, from
 * the live ledgers; bureau staff see the tenant's members at 6 or more, from
 * dues_status (no ledger read). A flag to look at, never a status change.
 */
export const duesArrears: Handler<typeof api.lifecycle.duesArrears> = async (input, ctx) => {
  const { store, caller } = ctx
  const bureau = rolesOf(caller.member).includes('bureau_staff')
  if (bureau && !input.branchId) return { items: await tenantArrears(ctx) }
  const branchId = input.branchId ?? caller.member.branchId
  if (!branchId) throw new DomainError('ROSTER.NOT_FOUND', '未找到该支部')
  const branch = await loadBranch(store, caller, branchId)
  requireAccess(caller, branch, 'manage')
  const threshold = bureau ? ARREARS_THRESHOLDS.bureau : ARREARS_THRESHOLDS.secretary
  const ledgers = await branchLedgers(ctx, branch, Number(currentMonth(ctx).slice(0, 4)), 'current')
  return {
    items: ledgers
      .filter((ledger) => ledger.arrears.months >= threshold)
      .sort((a, b) => b.arrears.months - a.arrears.months)
      .map((ledger) => ({
        memberId: ledger.member._id,
        name: ledger.member.name,
        branchName: branch.name,
        arrears: ledger.arrears,
      })),
  }
}

async function tenantArrears(ctx: HandlerContext) {
  const { store, caller } = ctx
  const tenantId = caller.member.tenantId
  const running = currentMonth(ctx)
  const latestStart = addMonthsToMonth(running, -ARREARS_THRESHOLDS.bureau)
  const [statuses, orgs] = await Promise.all([
    store.findAll(COLLECTIONS.duesStatus, { tenantId, unpaidFrom: store.command.lte(latestStart) }),
    tenantOrgs(store, tenantId),
  ])
  const names = new Map(orgs.map((org) => [org._id, org.name]))
  const members = new Map(
    (
      await Promise.all(
        chunks(statuses.map((status) => status._id)).map((ids) =>
          store.find(COLLECTIONS.members, { _id: store.command.in(ids), status: 'active' }),
        ),
      )
    )
      .flat()
      .map((member) => [member._id, member]),
  )
  return statuses
    .flatMap((status) => {
      const member = members.get(status._id)
      if (!member) return []
      const arrears: Arrears = arrearsSince(status.unpaidFrom, running)
      return [{ memberId: member._id, name: member.name, branchName: names.get(status.branchId) ?? '', arrears }]
    })
    .sort((a, b) => b.arrears.months - a.arrears.months)
}

const chunks = (ids: string[]) =>
  Array.from({ length: Math.ceil(ids.length / 500) }, (_, i) => ids.slice(i * 500, i * 500 + 500))

/**
 * 党费收缴率 for the bureau: each branch's month and year for a page of
 * branches, and the county's year — from dues_branch_months alone (a row per
 * branch and month, written on every dues write), never the member-months:
 * the page's rows in one read (≤ 50 branches × 12), the county's sums as
 * five aggregations over the year's rows, run in the database.
 */
export const duesCollection: Handler<typeof api.lifecycle.duesCollection> = async (input, ctx) => {
  const { store, caller } = ctx
  const tenantId = caller.member.tenantId
  const where = { tenantId, year: input.year }
  // The year's figures count closed months: this month is still being collected, later ones are not due.
  const running = currentMonth(ctx)
  const months = yearMonths(input.year)
  const closed = months.filter((month) => month < running)
  const closedWhere = { ...where, month: store.command.in(closed) }
  const orgs = await tenantOrgs(store, tenantId)
  const branches = orgs.filter((org) => org.kind === 'branch')
  const start = (input.page - 1) * input.pageSize
  const shown = branches.slice(start, start + input.pageSize)
  const [rows, ...sums] = await Promise.all([
    shown.length === 0
      ? Promise.resolve([])
      : store.find(
          COLLECTIONS.duesBranchMonths,
          { ...where, branchId: store.command.in(shown.map((branch) => branch._id)) },
          { limit: MAX_READ },
        ),
    ...TOTALS.map((field) => store.sumBy(COLLECTIONS.duesBranchMonths, closedWhere, 'tenantId', field)),
  ])
  const byBranch = new Map<string, Map<string, Collection>>()
  for (const row of rows) {
    const branchMonths = byBranch.get(row.branchId) ?? new Map<string, Collection>()
    branchMonths.set(row.month, row)
    byBranch.set(row.branchId, branchMonths)
  }
  const empty: Collection = collectionOf([])
  const total = Object.fromEntries(TOTALS.map((field, i) => [field, sums[i].get(tenantId) ?? 0])) as Record<
    (typeof TOTALS)[number],
    number
  >
  return {
    months,
    branches: shown.map((branch) => {
      const own = months.map((month) => pick(byBranch.get(branch._id)?.get(month) ?? empty))
      return { branchId: branch._id, name: branch.name, months: own, year: sum(own.slice(0, closed.length)) }
    }),
    closedThrough: closed.at(-1) ?? null,
    refreshing: await isRefreshing(store, tenantId),
    total: branches.length,
    page: input.page,
    tenant: { ...total, rate: shareOf(total.settledMonths, total.owedMonths) },
  }
}

/** The county's sums, each one aggregation over the year's branch-months. */
const TOTALS = ['owedMonths', 'settledMonths', 'owedFen', 'collectedFen', 'extraFen'] as const

const pick = (row: Collection): Collection => ({
  owedMonths: row.owedMonths,
  settledMonths: row.settledMonths,
  owedFen: row.owedFen,
  collectedFen: row.collectedFen,
  extraFen: row.extraFen,
  rate: row.rate,
})

function sum(rows: readonly Collection[]): Collection {
  const total = rows.reduce(
    (acc, row) => ({
      owedMonths: acc.owedMonths + row.owedMonths,
      settledMonths: acc.settledMonths + row.settledMonths,
      owedFen: acc.owedFen + row.owedFen,
      collectedFen: acc.collectedFen + row.collectedFen,
      extraFen: acc.extraFen + row.extraFen,
    }),
    { owedMonths: 0, settledMonths: 0, owedFen: 0, collectedFen: 0, extraFen: 0 },
  )
  return { ...total, rate: shareOf(total.settledMonths, total.owedMonths) }
}

/** The branch's monthly collection sheet, or a member's 党费证-style yearly statement, as .xlsx. */
export const exportDuesSheet: Handler<typeof api.lifecycle.exportDuesSheet> = async (input, ctx) => {
  const { store, caller, clock } = ctx
  const stamp = shanghaiStamp(clock.now())
  if (input.of === 'branch_month') {
    const branch = await loadBranch(store, caller, input.branchId)
    requireAccess(caller, branch, 'read')
    const ledgers = await branchLedgers(ctx, branch, Number(input.month.slice(0, 4)), 'owed')
    const rows = ledgers.flatMap((ledger) => {
      const row = monthOf(ledger, branch._id, input.month)
      if (!row) return []
      const category = ledger.bases.get(Number(input.month.slice(0, 4)))?.category
      return [
        [
          ledger.member.name,
          category ? CATEGORY_NAMES[category] : '未核定',
          row.baseSet ? yuan(row.owedFen) : '',
          yuan(row.paidFen),
          stateOf(row),
          ledger.arrears.months,
        ],
      ]
    })
    return exportXlsx(
      ctx,
      `党费收缴表-${branch.name}-${input.month}-${stamp}.xlsx`,
      [
        {
          name: `${input.month}党费收缴`,
          headers: ['姓名', '类别', '应交(元)', '已交(元)', '状态', '连续未交(月)'],
          rows,
        },
      ],
      {
        action: 'lifecycle.exportDuesSheet',
        targetId: branch._id,
        summary: `导出${branch.name}${input.month}党费收缴表`,
      },
    )
  }
  // A member's own statement, or one of a branch the caller reads.
  const member = await loadMember(store, caller, input.memberId)
  if (member._id !== caller.member._id) {
    if (!member.branchId) throw new DomainError('AUTH.FORBIDDEN')
    requireAccess(caller, await loadBranch(store, caller, member.branchId), 'read')
  }
  const schedule = await loadSchedule(store, member.tenantId)
  const [ledger] = await ledgersOf(store, member.tenantId, [member], [input.year], schedule)
  const base = ledger.bases.get(input.year)
  const rows = ledger.months.map((row) => [
    row.month,
    row.baseSet ? yuan(row.scheduledFen) : '未核定',
    row.reduced ? yuan(row.owedFen) : '',
    yuan(row.paidFen),
    row.extraFen ? yuan(row.extraFen) : '',
    stateOf(row),
  ])
  return exportXlsx(
    ctx,
    `党费交纳明细-${member.name}-${input.year}-${stamp}.xlsx`,
    [
      {
        name: `${input.year}年党费`,
        headers: [
          `月份（${base ? `${CATEGORY_NAMES[base.category]}，基数${yuan(base.baseFen)}元` : '基数未核定'}）`,
          '应交(元)',
          '减免后(元)',
          '已交(元)',
          '自愿多交(元)',
          '状态',
        ],
        rows,
      },
    ],
    {
      action: 'lifecycle.exportDuesSheet',
      targetId: member._id,
      summary: `导出${member.name}${input.year}年党费交纳明细`,
    },
  )
}
