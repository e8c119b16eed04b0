import type { DuesCategory, DuesMonth, DuesSchedule } from '../../../types/lifecycle'
import { addMonthsToMonth } from '../time'
import { monthlyDues } from './dues-amount'

/** The month keys from one month to another, both included. */
export function monthsFromTo(from: string, to: string): string[] {
  const months: string[] = []
  for (let month = from; month <= to; month = addMonthsToMonth(month, 1)) months.push(month)
  return months
}

/**
 * The months a member owes dues for within [from, to]: from the month they
 * joined — a 预备党员 from the month the 支部大会 accepted them (规定: dues
 * from the day of acceptance) — to the month they left, both included.
 */
export function owedMonths(
  member: { joinedOn: string | null; leftOn: string | null },
  from: string,
  to: string,
): string[] {
  const first = member.joinedOn && member.joinedOn.slice(0, 7) > from ? member.joinedOn.slice(0, 7) : from
  const last = member.leftOn && member.leftOn.slice(0, 7) < to ? member.leftOn.slice(0, 7) : to
  return monthsFromTo(first, last)
}

export interface DuesFacts {
  bases: readonly { year: number; category: DuesCategory; baseFen: number }[]
  reductions: readonly { fromMonth: string; toMonth: string; monthlyFen: number }[]
  payments: readonly { months: readonly { month: string; amountFen: number }[]; extraFen: number }[]
}

/**
 * Month by month, what a member owes and paid: the schedule's amount from
 * the base 核定 for the month's year, lowered by a hardship reduction the
 * branch decided (never raised); what was paid against it, and voluntary
 * extra apart (a payment's extra is shown on its first month). A month is
 * settled when its amount is paid in full, or nothing is owed; a month of a
 * year without a base is never settled (nobody knows what is owed).
 */
export function duesMonths(months: readonly string[], facts: DuesFacts, schedule: DuesSchedule): DuesMonth[] {
  const paid = new Map<string, number>()
  const extra = new Map<string, number>()
  for (const payment of facts.payments) {
    for (const item of payment.months) paid.set(item.month, (paid.get(item.month) ?? 0) + item.amountFen)
    const first = payment.months[0]?.month
    if (first && payment.extraFen > 0) extra.set(first, (extra.get(first) ?? 0) + payment.extraFen)
  }
  return months.map((month) => {
    const base = facts.bases.find((item) => item.year === Number(month.slice(0, 4)))
    const scheduledFen = base ? monthlyDues(base.category, base.baseFen, schedule).amountFen : 0
    const reduction = facts.reductions.find((item) => item.fromMonth <= month && month <= item.toMonth)
    const owedFen = reduction ? Math.min(reduction.monthlyFen, scheduledFen) : scheduledFen
    const paidFen = paid.get(month) ?? 0
    return {
      month,
      baseSet: base !== undefined,
      scheduledFen,
      owedFen,
      paidFen,
      extraFen: extra.get(month) ?? 0,
      settled: base !== undefined && paidFen >= owedFen,
      reduced: reduction !== undefined,
    }
  })
}
