import type { api } from '../../types/api'
import type { DuesBaseDoc, DuesCategory, DuesPaymentDoc, DuesReductionDoc, DuesSchedule } from '../../types/lifecycle'
import type { MemberDoc, OrgDoc } from '../../types/roster'
import { monthlyDues } from '../domain/lifecycle/dues-amount'
import { paymentFor } from '../domain/lifecycle/dues-payment'
import { shanghaiDate } from '../domain/time'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import type { Handler, HandlerContext } from '../runtime/router'
import { DuplicateIdError } from '../runtime/store'
import { writeAudit } from '../shared/audit'
import { loadManagedMember } from '../shared/branch-access'
import { ledgersOf, loadSchedule, refreshDerived, requestDuesRefresh } from './dues-ledger'

const yuan = (fen: number) => (fen / 100).toFixed(2)

/**
 * Separation of duties over money: nobody sets their own 党费 base, grants themself a 减免 or records their own
 * payment — another manager of the branch (the 总支书记) or bureau staff does. Exported for the import, whose row
 * for the importer is refused the same way.
 */
export const SELF_DUES = '不能为自己核定基数、减免或登记交纳党费，请由其他管理人员或教育局党委办理'

function refuseSelf(ctx: Pick<HandlerContext, 'caller'>, memberId: string) {
  if (memberId === ctx.caller.member._id) throw new DomainError('AUTH.SELF_DEALING', SELF_DUES)
}

export const getDuesSchedule: Handler<typeof api.lifecycle.getDuesSchedule> = async (_input, ctx) =>
  loadSchedule(ctx.store, ctx.caller.member.tenantId)

/** 党费标准: rates are the tenant's data; amounts already paid stay as they were paid. */
export const updateDuesSchedule: Handler<typeof api.lifecycle.updateDuesSchedule> = async (input, ctx) => {
  const { store, caller, clock } = ctx
  const tenantId = caller.member.tenantId
  const before = await loadSchedule(store, tenantId)
  const fields = { ...input, updatedBy: caller.member._id, updatedAt: clock.now() }
  if (await store.get(COLLECTIONS.duesSchedule, tenantId))
    await store.update(COLLECTIONS.duesSchedule, tenantId, fields)
  else await store.insert(COLLECTIONS.duesSchedule, { _id: tenantId, ...fields })
  // The bureau's stored figures follow within the hour (dues-refresh.ts); sheets and members' pages at once.
  await requestDuesRefresh(store, tenantId, clock.now())
  await writeAudit(ctx, {
    action: 'lifecycle.updateDuesSchedule',
    targetId: tenantId,
    summary: '修改党费交纳标准',
    before,
    after: input,
  })
  return input
}

/** 核定党费基数: a member's category and monthly base for a year; the `_id` is the natural key, so a retry sets it once. */
export const setDuesBase: Handler<typeof api.lifecycle.setDuesBase> = async (input, ctx) => {
  const { member, branch } = await loadManagedMember(ctx.store, ctx.caller, input.memberId)
  refuseSelf(ctx, member._id)
  if (member.status !== 'active') throw new DomainError('ROSTER.INACTIVE')
  const schedule = await loadSchedule(ctx.store, member.tenantId)
  const { monthlyFen } = await writeDuesBase(ctx, { member, branch, schedule, source: 'hand' }, input)
  await refreshDerived(ctx, branch, member, [input.year])
  return { memberId: member._id, year: input.year, category: input.category, baseFen: input.baseFen, monthlyFen }
}

export interface BaseWrite {
  member: Pick<MemberDoc, '_id' | 'tenantId' | 'name'>
  branch: Pick<OrgDoc, '_id'>
  schedule: DuesSchedule
  /** 'hand': edited on the member's page; 'import': confirmed from a yearly .xlsx. */
  source: DuesBaseDoc['source']
}

/**
 * Writes one member's base for a year and audits it (before and after): the
 * hand edit and the .xlsx import both write through here. The caller refreshes
 * the derived rows (once per member, or once per import).
 */
export async function writeDuesBase(
  ctx: Pick<HandlerContext, 'caller' | 'store' | 'clock'>,
  { member, branch, schedule, source }: BaseWrite,
  base: { year: number; category: DuesCategory; baseFen: number },
): Promise<{ monthlyFen: number; changed: boolean }> {
  const { store, caller, clock } = ctx
  const id = `${member._id}:${base.year}`
  const before = await store.get(COLLECTIONS.duesBases, id)
  const monthlyFen = monthlyDues(base.category, base.baseFen, schedule).amountFen
  if (before && source === 'import' && before.category === base.category && before.baseFen === base.baseFen) {
    return { monthlyFen, changed: false }
  }
  const doc: DuesBaseDoc = {
    _id: id,
    tenantId: member.tenantId,
    memberId: member._id,
    branchId: branch._id,
    year: base.year,
    category: base.category,
    baseFen: base.baseFen,
    source,
    updatedBy: caller.member._id,
    updatedAt: clock.now(),
  }
  const { _id, ...fields } = doc
  if (before) await store.update(COLLECTIONS.duesBases, id, fields)
  else await store.insert(COLLECTIONS.duesBases, doc)
  await writeAudit(ctx, {
    action: 'lifecycle.setDuesBase',
    targetId: id,
    summary: `${source === 'import' ? '导入' : ''}核定 ${member.name} ${base.year} 年党费基数 ${yuan(base.baseFen)} 元（每月 ${yuan(monthlyFen)} 元）`,
    before: before ? { category: before.category, baseFen: before.baseFen } : null,
    after: { category: base.category, baseFen: base.baseFen, source },
  })
  return { monthlyFen, changed: true }
}

/** 少交/免交: the branch's decision for a run of months; it may lower what a month owes, never raise it. */
export const setDuesReduction: Handler<typeof api.lifecycle.setDuesReduction> = async (input, ctx) => {
  const { store, caller, clock } = ctx
  const { member, branch } = await loadManagedMember(store, caller, input.memberId)
  refuseSelf(ctx, member._id)
  const existing = await store.get(COLLECTIONS.duesReductions, input.requestId)
  if (existing && existing.tenantId === member.tenantId && existing.recordedBy === caller.member._id) {
    return { id: existing._id }
  }
  if (input.decidedOn > shanghaiDate(clock.now())) throw new DomainError('DATE.IN_FUTURE')
  const years = yearsOf([input.fromMonth, input.toMonth])
  const schedule = await loadSchedule(store, member.tenantId)
  const [ledger] = await ledgersOf(store, member.tenantId, [member], years, schedule)
  const months = ledger.months.filter((row) => row.month >= input.fromMonth && row.month <= input.toMonth)
  if (months.some((row) => !row.baseSet)) throw new DomainError('DUES.BASE_NOT_SET')
  if (months.some((row) => input.monthlyFen > row.scheduledFen)) throw new DomainError('DUES.REDUCTION_TOO_HIGH')
  const doc: DuesReductionDoc = {
    _id: input.requestId,
    tenantId: member.tenantId,
    memberId: member._id,
    branchId: branch._id,
    fromMonth: input.fromMonth,
    toMonth: input.toMonth,
    monthlyFen: input.monthlyFen,
    decision: input.decision,
    decidedOn: input.decidedOn,
    recordedBy: caller.member._id,
    recordedAt: clock.now(),
  }
  try {
    await store.insert(COLLECTIONS.duesReductions, doc)
  } catch (error) {
    if (error instanceof DuplicateIdError) throw new DomainError('ROSTER.NOT_FOUND')
    throw error
  }
  await writeAudit(ctx, {
    action: 'lifecycle.setDuesReduction',
    targetId: doc._id,
    summary: `${member.name} ${input.fromMonth} 至 ${input.toMonth} 每月${input.monthlyFen === 0 ? '免交' : `减交为 ${yuan(input.monthlyFen)} 元`}（${input.decision}）`,
    before: null,
    after: { fromMonth: doc.fromMonth, toMonth: doc.toMonth, monthlyFen: doc.monthlyFen, decision: doc.decision },
  })
  await refreshDerived(ctx, branch, member, years)
  return { id: doc._id }
}

/**
 * 记录交纳: each chosen month is priced by the ledger (what it still owes, never
 * typed); the client's request id is the payment's `_id`, so a retried or
 * double-tapped record inserts once and answers `duplicate: true`.
 */
export const recordDuesPayment: Handler<typeof api.lifecycle.recordDuesPayment> = async (input, ctx) => {
  const { store, caller, clock } = ctx
  const { member, branch } = await loadManagedMember(store, caller, input.memberId)
  refuseSelf(ctx, member._id)
  const earlier = await store.get(COLLECTIONS.duesPayments, input.requestId)
  if (earlier) return answerRetry(earlier, member._id, caller.member._id)
  if (input.paidOn > shanghaiDate(clock.now())) throw new DomainError('DATE.IN_FUTURE')
  const years = yearsOf(input.months)
  const schedule = await loadSchedule(store, member.tenantId)
  const [ledger] = await ledgersOf(store, member.tenantId, [member], years, schedule)
  const priced = paymentFor(ledger.months, input.months)
  if (!priced.ok) throw new DomainError(priced.code, undefined, { month: priced.month })
  const doc: DuesPaymentDoc = {
    _id: input.requestId,
    tenantId: member.tenantId,
    memberId: member._id,
    branchId: branch._id,
    months: priced.months,
    years,
    extraFen: input.extraFen,
    method: input.method,
    reference: input.reference,
    paidOn: input.paidOn,
    recordedBy: caller.member._id,
    recordedAt: clock.now(),
  }
  try {
    await store.insert(COLLECTIONS.duesPayments, doc)
  } catch (error) {
    if (!(error instanceof DuplicateIdError)) throw error
    // Two deliveries of one tap at once: the other inserted it.
    const stored = await store.get(COLLECTIONS.duesPayments, input.requestId)
    if (stored) return answerRetry(stored, member._id, caller.member._id)
    throw error
  }
  const paidFen = sumPaid(doc)
  await writeAudit(ctx, {
    action: 'lifecycle.recordDuesPayment',
    targetId: doc._id,
    summary: `记录 ${member.name} 交纳党费 ${doc.months.map((item) => item.month).join('、')} 共 ${yuan(paidFen + doc.extraFen)} 元`,
    before: null,
    after: { months: doc.months, extraFen: doc.extraFen, method: doc.method, paidOn: doc.paidOn },
  })
  await refreshDerived(ctx, branch, member, years)
  return { paymentId: doc._id, paidFen, extraFen: doc.extraFen, duplicate: false }
}

function answerRetry(payment: DuesPaymentDoc, memberId: string, callerId: string) {
  // A request id is never reused by a client: another member's or another recorder's is not shown.
  if (payment.memberId !== memberId || payment.recordedBy !== callerId) throw new DomainError('ROSTER.NOT_FOUND')
  return { paymentId: payment._id, paidFen: sumPaid(payment), extraFen: payment.extraFen, duplicate: true }
}

const sumPaid = (payment: Pick<DuesPaymentDoc, 'months'>) =>
  payment.months.reduce((sum, item) => sum + item.amountFen, 0)

const yearsOf = (months: readonly string[]) => [...new Set(months.map((month) => Number(month.slice(0, 4))))].sort()
