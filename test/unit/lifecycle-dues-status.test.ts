// The stored run of unpaid months (dues_status.unpaidFrom) answers the bureau's "6 months behind" list
// without reading ledgers: it must agree with arrearsOf on the ledger at any later month, and the money
// a secretary types in 元 must become 分 exactly.
import { arrearsOf, arrearsSince, unpaidRunFrom } from '../../cloudfunctions/domain/lifecycle/dues-arrears'
import { collectionOf, collectionsByMonth } from '../../cloudfunctions/domain/lifecycle/dues-collection'
import { fenOf, percent } from '../../src/subpackages/lifecycle/lib/money'
import type { DuesMonth } from '../../types/lifecycle'

const month = (key: string, settled: boolean, owedFen = 4_500): DuesMonth => ({
  month: key,
  baseSet: true,
  scheduledFen: owedFen,
  owedFen,
  paidFen: settled ? owedFen : 0,
  extraFen: 0,
  settled,
  reduced: false,
})
/** A 2026 ledger paid through `paidThrough` (month number), unpaid after. */
const ledger = (paidThrough: number) =>
  Array.from({ length: 12 }, (_, i) => month(`2026-${String(i + 1).padStart(2, '0')}`, i + 1 <= paidThrough))

describe('unpaidRunFrom', () => {
  it.each<[string, DuesMonth[], string | null]>([
    ['paid through December: no run', ledger(12), null],
    ['paid through July: the run starts in August', ledger(7), '2026-08'],
    ['nothing paid: from January', ledger(0), '2026-01'],
    [
      'a gap in March, paid since: the run is what the ledger ends with',
      [...ledger(2).slice(0, 2), month('2026-03', false), month('2026-04', true)],
      null,
    ],
    ['免交 months owe nothing and end a run', [month('2026-01', false), { ...month('2026-02', true, 0) }], null],
    ['an empty ledger', [], null],
  ])('%s', (_case, months, expected) => {
    expect(unpaidRunFrom(months)).toBe(expected)
  })
})

describe('arrearsSince agrees with arrearsOf on the ledger', () => {
  it.each([
    [7, '2026-12'], // August–November: 4, the secretary's flag
    [5, '2026-12'], // June–November: 6, the bureau's
    [11, '2026-12'], // none closed yet
    [12, '2026-12'],
    [0, '2026-03'],
    [2, '2026-06'],
  ])('paid through month %i, at %s', (paidThrough, at) => {
    const months = ledger(paidThrough)
    expect(arrearsSince(unpaidRunFrom(months), at)).toEqual(arrearsOf(months, at))
  })
  it('months after the ledger ends count on (a new year with no base yet is unpaid too)', () => {
    expect(arrearsSince('2026-08', '2027-03')).toEqual({ months: 7, since: '2026-08', flag: 'bureau' })
  })
})

describe('a branch month by month', () => {
  it('collects each month over the members’ ledgers, months nobody owes answered empty', () => {
    const byMonth = collectionsByMonth([ledger(12), ledger(11)], ['2026-11', '2026-12', '2027-01'])
    expect(byMonth.get('2026-12')).toEqual(collectionOf([month('2026-12', true), month('2026-12', false)]))
    expect(byMonth.get('2026-12')?.rate).toBe(0.5)
    expect(byMonth.get('2027-01')).toMatchObject({ owedMonths: 0, rate: null })
  })
})

describe('元 typed, 分 sent', () => {
  it.each<[string, number | null]>([
    ['4500', 450_000],
    ['4,500.5', 450_050],
    ['4500.10', 450_010],
    ['0.2', 20],
    ['3000.01', 300_001],
    [' 12 ', 1_200],
    ['-5', null],
    ['4500.123', null],
    ['abc', null],
    ['', null],
  ])('%j → %j', (text, fen) => {
    expect(fenOf(text)).toBe(fen)
  })
  it('rates read as percentages', () => {
    expect([percent(0.889), percent(1), percent(null)]).toEqual(['88.9%', '100.0%', '—'])
  })
})
