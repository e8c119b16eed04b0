import type {
  DuesBranchMonthDoc,
  DuesCategory,
  Collection as DuesCollection,
  DuesMonth,
  DuesSchedule,
  DuesStatusDoc,
} from '../../types/lifecycle'
import type { MemberDoc, OrgDoc } from '../../types/roster'
import { unpaidRunFrom } from '../domain/lifecycle/dues-arrears'
import { duesSpans, type MembershipStep, monthBranches } from '../domain/lifecycle/dues-branches'
import { collectionsByMonth } from '../domain/lifecycle/dues-collection'
import { duesMonths, monthsFromTo } from '../domain/lifecycle/dues-months'
import { DEFAULT_DUES_SCHEDULE } from '../domain/lifecycle/dues-schedule'
import { shanghaiDate } from '../domain/time'
import { COLLECTIONS, type Collection } from '../runtime/collections'
import type { HandlerContext } from '../runtime/router'
import { DuplicateIdError, type Store } from '../runtime/store'

/**
 * 党费 ledgers and the rows derived from them, shared by the lifecycle function
 * (dues writes, the monthly timer) and the roster (a move between branches,
 * 停用): each month's dues belong to the branch the member's history puts them
 * in that month (domain/lifecycle/dues-branches.ts), whatever their status today.
 */

type Ctx = Pick<HandlerContext, 'store' | 'clock'>

/** The tenant's 党费标准: what bureau staff set, or the 2008 规定's defaults. */
export async function loadSchedule(store: Store, tenantId: string): Promise<DuesSchedule> {
  const saved = await store.get(COLLECTIONS.duesSchedule, tenantId)
  if (!saved) return DEFAULT_DUES_SCHEDULE
  return {
    employed: saved.employed,
    retired: saved.retired,
    fixedFen: saved.fixedFen,
    recordsFrom: saved.recordsFrom ?? null,
  }
}

/** The running month ('2026-12') in Shanghai. */
export function currentMonth(ctx: Pick<HandlerContext, 'clock'>): string {
  return shanghaiDate(ctx.clock.now()).slice(0, 7)
}

export const yearMonths = (year: number) => monthsFromTo(`${year}-01`, `${year}-12`)

/** The years a ledger is read over so a run of unpaid months ending now is whole: last year and this. */
export const aroundNow = (ctx: Pick<HandlerContext, 'clock'>, ...years: number[]) => {
  const thisYear = Number(currentMonth(ctx).slice(0, 4))
  return [...new Set([thisYear - 1, thisYear, ...years])].sort()
}

/** Reads `_.in` lists in chunks the database takes comfortably. */
async function byMembers<T extends { _id: string }>(ids: readonly string[], read: (chunk: string[]) => Promise<T[]>) {
  const found: T[] = []
  for (let i = 0; i < ids.length; i += 500) found.push(...(await read(ids.slice(i, i + 500))))
  return found
}

export interface MemberLedger {
  member: MemberDoc
  /** The months the member owes within the span read (before joining, after leaving and while away are absent). */
  months: DuesMonth[]
  /** The branch each owed month belongs to (an in-county move splits the year). */
  branchOf: Map<string, string>
  /** The base 核定 for each year read. */
  bases: Map<number, { category: DuesCategory; baseFen: number }>
}

/** The months of a ledger that belong to `branchId`: what that branch's sheet and collection count. */
export const monthsIn = (ledger: MemberLedger, branchId: string) =>
  ledger.months.filter((row) => ledger.branchOf.get(row.month) === branchId)

/**
 * Members' ledgers over whole years: bases, reductions, payments and
 * membership history read by member (a member who moved branch keeps what they
 * paid), priced by the tenant's schedule through the pure rules, owed only in
 * the months their history says they were a member of the county. A few reads
 * per 500 members.
 */
export async function ledgersOf(
  store: Store,
  tenantId: string,
  members: readonly MemberDoc[],
  years: readonly number[],
  schedule: DuesSchedule,
): Promise<MemberLedger[]> {
  const ids = members.map((member) => member._id)
  const _ = store.command
  const [bases, reductions, payments, changes] = await Promise.all([
    byMembers(ids, (chunk) =>
      store.findAll(COLLECTIONS.duesBases, { tenantId, memberId: _.in(chunk), year: _.in([...years]) }),
    ),
    byMembers(ids, (chunk) => store.findAll(COLLECTIONS.duesReductions, { tenantId, memberId: _.in(chunk) })),
    byMembers(ids, (chunk) =>
      store.findAll(COLLECTIONS.duesPayments, { tenantId, memberId: _.in(chunk), years: _.in([...years]) }),
    ),
    byMembers(ids, (chunk) => store.findAll(COLLECTIONS.membershipChanges, { tenantId, memberId: _.in(chunk) })),
  ])
  const sorted = [...years].sort()
  // Months before the app's records began are on paper: not owed here (the schedule's 党费记录起始月份).
  const yearStart = `${sorted[0]}-01`
  const from = schedule.recordsFrom && schedule.recordsFrom > yearStart ? schedule.recordsFrom : yearStart
  const to = `${sorted.at(-1)}-12`
  return members.map((member) => {
    const own = <T extends { memberId: string }>(rows: readonly T[]) =>
      rows.filter((row) => row.memberId === member._id)
    const memberBases = own(bases)
    const history: MembershipStep[] = own(changes).map((change) => ({
      kind: change.kind,
      branchId: change.branchId,
      otherBranchId: change.otherBranchId ?? null,
      on: change.on ?? shanghaiDate(change.at),
      at: change.at,
    }))
    const branchOf = monthBranches(duesSpans(member, history), from, to)
    const months = duesMonths(
      [...branchOf.keys()],
      { bases: memberBases, reductions: own(reductions), payments: own(payments) },
      schedule,
    )
    return {
      member,
      months,
      branchOf,
      bases: new Map(memberBases.map((base) => [base.year, { category: base.category, baseFen: base.baseFen }])),
    }
  })
}

const byName = (a: MemberDoc, b: MemberDoc) => a.name.localeCompare(b.name, 'zh-CN')

/** The active members of a branch, by name: whom its arrears list and reminders are about. */
export async function branchMembers(store: Store, branch: OrgDoc): Promise<MemberDoc[]> {
  const members = await store.findAll(COLLECTIONS.members, {
    tenantId: branch.tenantId,
    branchId: branch._id,
    status: 'active',
  })
  return members.sort(byName)
}

/**
 * Everyone who may owe a branch dues for a month of `years`: its active members
 * and those who left it since those years began (转出 to another branch or out
 * of the county, 停用) — the months they owed while in it stay in its figures.
 */
export async function ledgerMembers(store: Store, branch: OrgDoc, years: readonly number[]): Promise<MemberDoc[]> {
  const since = Date.parse(`${Math.min(...years)}-01-01T00:00:00+08:00`)
  const [current, departures] = await Promise.all([
    branchMembers(store, branch),
    store.findAll(
      COLLECTIONS.membershipChanges,
      {
        tenantId: branch.tenantId,
        branchId: branch._id,
        kind: store.command.in(['transfer_out', 'leave']),
        at: store.command.gte(since),
      },
      { fields: { memberId: true } },
    ),
  ])
  const here = new Set(current.map((member) => member._id))
  const gone = [...new Set(departures.map((change) => change.memberId))].filter((id) => !here.has(id))
  const former = await byMembers(gone, (chunk) =>
    store.findAll(COLLECTIONS.members, { tenantId: branch.tenantId, _id: store.command.in(chunk) }),
  )
  return [...current, ...former].sort(byName)
}

/** One branch's dues_branch_months of `year`, from the ledgers of everyone who owed it that year. */
export function branchMonthRows(
  ledgers: readonly MemberLedger[],
  branch: Pick<OrgDoc, '_id' | 'tenantId'>,
  year: number,
  now: number,
): DuesBranchMonthDoc[] {
  const collections = collectionsByMonth(
    ledgers.map((ledger) => monthsIn(ledger, branch._id)),
    yearMonths(year),
  )
  return [...collections].map(([month, collection]) => ({
    _id: `${branch._id}:${month}`,
    tenantId: branch.tenantId,
    branchId: branch._id,
    month,
    year,
    ...collection,
    updatedAt: now,
  }))
}

/**
 * A member's dues_status from their ledger (read over last year and this):
 * the start of the unpaid run it ends with, in the branch they are in now. A
 * member who left the county or the roster is flagged to nobody (null): the
 * months they owed stay in their branch's figures, not on anyone's list.
 */
export function statusOf(ledger: MemberLedger, now: number): DuesStatusDoc {
  const { member } = ledger
  const here = member.status === 'active' && member.branchId !== null
  return {
    _id: member._id,
    tenantId: member.tenantId,
    branchId: member.branchId ?? '',
    unpaidFrom: here ? unpaidRunFrom(ledger.months) : null,
    updatedAt: now,
  }
}

/** Rewrites one branch's dues_branch_months for `years` from the live ledgers of everyone who owed it. */
export async function refreshBranchMonths(ctx: Ctx, branch: OrgDoc, years: readonly number[]) {
  const { store, clock } = ctx
  const schedule = await loadSchedule(store, branch.tenantId)
  const now = clock.now()
  for (const year of [...new Set(years)]) {
    const members = await ledgerMembers(store, branch, [year])
    const ledgers = await ledgersOf(store, branch.tenantId, members, [year], schedule)
    for (const row of branchMonthRows(ledgers, branch, year, now)) await put(store, COLLECTIONS.duesBranchMonths, row)
  }
}

/** Rewrites a member's dues_status (what the bureau's arrears list reads) from their ledger. */
export async function refreshStatus(ctx: Ctx, member: MemberDoc, years: readonly number[] = []) {
  const schedule = await loadSchedule(ctx.store, member.tenantId)
  const [ledger] = await ledgersOf(ctx.store, member.tenantId, [member], aroundNow(ctx, ...years), schedule)
  await put(ctx.store, COLLECTIONS.duesStatus, statusOf(ledger, ctx.clock.now()))
}

/**
 * After a dues write of `member`: the collection of the branches their months
 * of the years touched belong to (dues_branch_months, what the bureau's figures
 * read) and the member's run of unpaid months (dues_status, what the bureau's
 * arrears list reads) are rewritten from the live ledgers. `branch` is the
 * branch that wrote (the member's now); a month of an earlier branch (paid
 * after a move) rewrites that branch's figures too.
 */
export async function refreshDerived(ctx: Ctx, branch: OrgDoc, member: MemberDoc, years: readonly number[]) {
  const schedule = await loadSchedule(ctx.store, branch.tenantId)
  const [ledger] = await ledgersOf(ctx.store, branch.tenantId, [member], [...new Set(years)], schedule)
  const others = [...new Set(ledger.branchOf.values())].filter((id) => id !== branch._id)
  const earlier = others.length
    ? await ctx.store.findAll(COLLECTIONS.orgs, { _id: ctx.store.command.in(others), tenantId: branch.tenantId })
    : []
  for (const each of [branch, ...earlier]) await refreshBranchMonths(ctx, each, years)
  await refreshStatus(ctx, member, years)
}

/**
 * After a member's membership changed (a move between branches, 停用, 转出县外
 * once the 回执 is back): the running year's figures of the branches it
 * touched, and the member's status — a member who left drops off every arrears
 * list, one who moved is listed by their new branch. Months already owed stay
 * with the branch they were owed to, so past figures do not change.
 */
export async function duesFollowMembership(ctx: Ctx, member: MemberDoc, branchIds: readonly string[]) {
  const year = Number(currentMonth(ctx).slice(0, 4))
  const branches = await ctx.store.findAll(COLLECTIONS.orgs, {
    _id: ctx.store.command.in([...new Set(branchIds)]),
    tenantId: member.tenantId,
  })
  for (const branch of branches) await refreshBranchMonths(ctx, branch, [year])
  await refreshStatus(ctx, member)
}

const sameStatus = (stored: DuesStatusDoc | undefined, next: DuesStatusDoc) =>
  stored !== undefined && stored.unpaidFrom === next.unpaidFrom && stored.branchId === next.branchId

const COLLECTION_FIELDS = ['owedMonths', 'settledMonths', 'owedFen', 'collectedFen', 'extraFen', 'rate'] as const
const sameCollection = (stored: DuesCollection | undefined, next: DuesCollection) =>
  stored !== undefined && COLLECTION_FIELDS.every((field) => stored[field] === next[field])

/**
 * Rewrites one branch's stored figures from the live ledgers: the
 * dues_branch_months of `years` (everyone who owed it in them) and the
 * dues_status of its current members, writing only what changed. The monthly
 * run, the refresh after a new 党费标准 and a roster import go through here.
 * Returns the current members' statuses (whom the monthly run reminds about)
 * and how many documents were written.
 */
export async function rewriteBranch(ctx: Ctx, branch: OrgDoc, schedule: DuesSchedule, years: readonly number[]) {
  const { store, clock } = ctx
  const now = clock.now()
  const members = await ledgerMembers(store, branch, years)
  // One read of the ledgers serves every year asked and the statuses (last year and this, at least).
  const ledgers = await ledgersOf(store, branch.tenantId, members, aroundNow(ctx, ...years), schedule)
  const [statuses, months] = await Promise.all([
    members.length
      ? store.findAll(COLLECTIONS.duesStatus, { _id: store.command.in(members.map((member) => member._id)) })
      : Promise.resolve([]),
    store.findAll(COLLECTIONS.duesBranchMonths, {
      tenantId: branch.tenantId,
      branchId: branch._id,
      year: store.command.in([...years]),
    }),
  ])
  const storedStatus = new Map(statuses.map((status) => [status._id, status]))
  const storedMonth = new Map(months.map((row) => [row.month, row]))
  const writes: Promise<void>[] = []
  const current: { member: MemberDoc; status: DuesStatusDoc }[] = []
  for (const ledger of ledgers) {
    // A member's status is written by the branch they are in now (a mover is read by both branches).
    if (ledger.member.branchId !== branch._id) continue
    const status = statusOf(ledger, now)
    const stored = storedStatus.get(status._id)
    if (!sameStatus(stored, status)) writes.push(put(store, COLLECTIONS.duesStatus, status, stored !== undefined))
    current.push({ member: ledger.member, status })
  }
  for (const row of years.flatMap((year) => branchMonthRows(ledgers, branch, year, now))) {
    const stored = storedMonth.get(row.month)
    if (!sameCollection(stored, row)) writes.push(put(store, COLLECTIONS.duesBranchMonths, row, stored !== undefined))
  }
  await Promise.all(writes)
  return { written: writes.length, current }
}

/**
 * A new 党费标准 (or a roster imported across branches) changes the stored
 * figures of a whole tenant: too many to rewrite in the call, so the call asks
 * the lifecycle function's hourly 'duesRefresh' timer to (lifecycle/dues-refresh.ts).
 */
export const refreshIdOf = (tenantId: string) => `refresh:${tenantId}`

/** Asks the next duesRefresh run to rewrite the tenant's figures; a pass under way starts again from the first branch. */
export async function requestDuesRefresh(store: Store, tenantId: string, now: number) {
  await put(store, COLLECTIONS.duesRuns, {
    _id: refreshIdOf(tenantId),
    kind: 'refresh',
    cursor: null,
    done: false,
    requestedAt: now,
    passFor: null,
    updatedAt: now,
  })
}

/** Whether the tenant's stored figures may still be the old schedule's. */
export async function isRefreshing(store: Store, tenantId: string) {
  const run = await store.get(COLLECTIONS.duesRuns, refreshIdOf(tenantId))
  return run !== null && run.kind === 'refresh' && !run.done
}

/**
 * Writes a derived document whole, whether or not it existed; `exists` when the
 * caller read it already (the monthly run reads a branch's rows at once).
 */
export async function put<T extends { _id: string }>(
  store: Store,
  collection: Collection<T>,
  doc: T,
  exists?: boolean,
) {
  const { _id, ...fields } = doc
  if (exists ?? (await store.get(collection, _id))) {
    await store.update(collection, _id, fields)
    return
  }
  try {
    await store.insert(collection, doc)
  } catch (error) {
    // Another write of the same branch inserted it meanwhile: this one, read later, is the newer.
    if (!(error instanceof DuplicateIdError)) throw error
    await store.update(collection, _id, fields)
  }
}
