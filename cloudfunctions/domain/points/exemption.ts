import type { ExemptDoc } from '../../../types/points'
import { shanghaiDate } from '../time'

/**
 * 免于积分: an exemption holds from its first day to its last (inclusive,
 * Shanghai dates), or on with no last day. One written before exemptions had
 * a period holds from the day it was made.
 */
export function exemptionInForce(doc: Pick<ExemptDoc, 'from' | 'until' | 'since'>, today: string): boolean {
  const from = doc.from ?? shanghaiDate(doc.since)
  return from <= today && (doc.until == null || today <= doc.until)
}
