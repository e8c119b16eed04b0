import type { ErrorCode } from '../../../types/errors'
import type { DuesMonth } from '../../../types/lifecycle'

/**
 * What a payment for some months records, or why it may not: each month must
 * be in the member's ledger (owed: after joining, before leaving; the handler
 * lists the whole year, so a member may pay ahead within it), have a base, be
 * chosen once and not be settled yet. Each month is paid what it still owes,
 * computed here, never typed; money beyond it is voluntary extra.
 */
export function paymentFor(
  ledger: readonly DuesMonth[],
  months: readonly string[],
): { ok: true; months: { month: string; amountFen: number }[] } | { ok: false; code: ErrorCode; month: string } {
  const byMonth = new Map(ledger.map((row) => [row.month, row]))
  const seen = new Set<string>()
  const items: { month: string; amountFen: number }[] = []
  for (const month of [...months].sort()) {
    if (seen.has(month)) return { ok: false, code: 'DUES.DUPLICATE_MONTH', month }
    seen.add(month)
    const row = byMonth.get(month)
    if (!row) return { ok: false, code: 'DUES.MONTH_NOT_OWED', month }
    if (!row.baseSet) return { ok: false, code: 'DUES.BASE_NOT_SET', month }
    if (row.settled) return { ok: false, code: 'DUES.MONTH_PAID', month }
    items.push({ month, amountFen: row.owedFen - row.paidFen })
  }
  return { ok: true, months: items }
}
