import type { DuesCategory, DuesMonth, DuesSchedule } from '../../types/lifecycle'
import type { MemberDoc, OrgDoc } from '../../types/roster'
import { unpaidRunFrom } from '../domain/lifecycle/dues-arrears'
import { collectionsByMonth } from '../domain/lifecycle/dues-collection'
import { duesMonths, monthsFromTo, owedMonths } from '../domain/lifecycle/dues-months'
import { DEFAULT_DUES_SCHEDULE } from '../domain/lifecycle/dues-schedule'
import { shanghaiDate } from '../domain/time'
import { COLLECTIONS, type Collection } from '../runtime/collections'
import type { HandlerContext } from '../runtime/router'
import { DuplicateIdError, type Store } from '../runtime/store'

type Ctx = Pick<HandlerContext, 'caller' | 'store' | 'clock'>

/** The tenant's 党费标准: what bureau staff set, or the 2008 规定's defaults. */
export async function loadSchedule(store: Store, tenantId: string): Promise<DuesSchedule> {
  const saved = await store.get(COLLECTIONS.duesSchedule, tenantId)
  if (!saved) return DEFAULT_DUES_SCHEDULE
  return { employed: saved.employed, retired: saved.retired, fixedFen: saved.fixedFen }
}

/** The running month ('2026-12') in Shanghai. */
export function currentMonth(ctx: Pick<HandlerContext, 'clock'>): string {
  return shanghaiDate(ctx.clock.now()).slice(0, 7)
}

export const yearMonths = (year: number) => monthsFromTo(`${year}-01`, `${year}-12`)

/** Reads `_.in` lists in chunks the database takes comfortably. */
async function byMembers<T extends { _id: string }>(ids: readonly string[], read: (chunk: string[]) => Promise<T[]>) {
  const found: T[] = []
  for (let i = 0; i < ids.length; i += 500) found.push(...(await read(ids.slice(i, i + 500))))
  return found
}

export interface MemberLedger {
  member: MemberDoc
  /** The months the member owes within the span read (before joining and after leaving are absent). */
  months: DuesMonth[]
  /** The base 核定 for each year read. */
  bases: Map<number, { category: DuesCategory; baseFen: number }>
}

/**
 * Members' ledgers over whole years: bases, reductions and payments read by
 * member (a member who moved branch keeps what they paid), priced by the
 * tenant's schedule through the pure rules. A few reads per 500 members.
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
  const [bases, reductions, payments] = await Promise.all([
    byMembers(ids, (chunk) =>
      store.findAll(COLLECTIONS.duesBases, { tenantId, memberId: _.in(chunk), year: _.in([...years]) }),
    ),
    byMembers(ids, (chunk) => store.findAll(COLLECTIONS.duesReductions, { tenantId, memberId: _.in(chunk) })),
    byMembers(ids, (chunk) =>
      store.findAll(COLLECTIONS.duesPayments, { tenantId, memberId: _.in(chunk), years: _.in([...years]) }),
    ),
  ])
  const sorted = [...years].sort()
  const from = `${sorted[0]}-01`
  const to = `${sorted.at(-1)}-12`
  return members.map((member) => {
    const own = <T extends { memberId: string }>(rows: readonly T[]) =>
      rows.filter((row) => row.memberId === member._id)
    const memberBases = own(bases)
    const months = duesMonths(
      owedMonths({ joinedOn: member.joinedOn, leftOn: null }, from, to),
      { bases: memberBases, reductions: own(reductions), payments: own(payments) },
      schedule,
    )
    return {
      member,
      months,
      bases: new Map(memberBases.map((base) => [base.year, { category: base.category, baseFen: base.baseFen }])),
    }
  })
}

/** The active members of a branch, by name. */
export async function branchMembers(store: Store, branch: OrgDoc): Promise<MemberDoc[]> {
  const members = await store.findAll(COLLECTIONS.members, {
    tenantId: branch.tenantId,
    branchId: branch._id,
    status: 'active',
  })
  return members.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
}

/**
 * After a dues write of `member`: the member's branch's collection for each
 * month of the years touched (dues_branch_months, what the bureau's figures
 * read) and the member's run of unpaid months (dues_status, what the bureau's
 * arrears list reads) are rewritten from the live ledger.
 */
export async function refreshDerived(ctx: Ctx, branch: OrgDoc, member: MemberDoc, years: readonly number[]) {
  const { store, clock } = ctx
  const tenantId = branch.tenantId
  const schedule = await loadSchedule(store, tenantId)
  const members = await branchMembers(store, branch)
  const now = clock.now()
  for (const year of [...new Set(years)]) {
    const ledgers = await ledgersOf(store, tenantId, members, [year], schedule)
    const collections = collectionsByMonth(
      ledgers.map((ledger) => ledger.months),
      yearMonths(year),
    )
    for (const [month, collection] of collections) {
      await put(store, COLLECTIONS.duesBranchMonths, {
        _id: `${branch._id}:${month}`,
        tenantId,
        branchId: branch._id,
        month,
        year,
        ...collection,
        updatedAt: now,
      })
    }
  }
  // The run of unpaid months may reach back into last year: read both around the running month.
  const thisYear = Number(currentMonth(ctx).slice(0, 4))
  const span = [...new Set([thisYear - 1, thisYear, ...years])]
  const [ledger] = await ledgersOf(store, tenantId, [member], span, schedule)
  await put(store, COLLECTIONS.duesStatus, {
    _id: member._id,
    tenantId,
    branchId: branch._id,
    unpaidFrom: unpaidRunFrom(ledger.months),
    updatedAt: now,
  })
}

/** Writes a derived document whole, whether or not it existed. */
async function put<T extends { _id: string }>(store: Store, collection: Collection<T>, doc: T) {
  const { _id, ...fields } = doc
  if (await store.get(collection, _id)) {
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
