import { COLLECTIONS } from '../../cloudfunctions/runtime/collections'
// Attendance facts of one (meeting, member) supersede each other in the points ledger: a hand correction
// reverses what the earlier fact paid with a correction entry, and the latest fact is paid once.

import { processPending } from '../../cloudfunctions/points/process-events'
import { totalsOf } from '../../cloudfunctions/points/totals'
import type { DomainEvent } from '../../types/events'
import type { LedgerEntry, TotalsDoc } from '../../types/points'
import { memoryStore } from './memory-store'

const MAY_12 = new Date('2026-05-12T09:00:00+08:00').getTime()
const HOUR = 3_600_000
const clock = { now: () => MAY_12 + 5 * HOUR }
const member = {
  _id: 'm_1',
  tenantId: 't_1',
  name: '张三',
  branchId: 'b_1',
  groupId: null,
  status: 'active',
}

function setup() {
  return memoryStore({ members: [member] })
}

async function record(
  store: ReturnType<typeof setup>,
  kind: DomainEvent['kind'],
  at: number,
  meeting = 'mt_1',
  revision?: number,
) {
  const id = `${kind}:${meeting}:m_1`
  await store.remove(COLLECTIONS.domainEvents, id)
  await store.insert(COLLECTIONS.domainEvents, {
    _id: id,
    tenantId: 't_1',
    kind,
    memberId: 'm_1',
    sourceId: meeting,
    at,
    recordedBy: 'm_sec',
    ...(revision ? { revision } : {}),
  })
}

const settle = (store: ReturnType<typeof setup>) =>
  processPending(store, clock, { limit: 100, deadline: Number.POSITIVE_INFINITY })
const ledger = (store: ReturnType<typeof setup>) => store.all('points_ledger') as LedgerEntry[]
const net = (store: ReturnType<typeof setup>) => ledger(store).reduce((sum, entry) => sum + entry.points, 0)
const total = (store: ReturnType<typeof setup>, period: string) =>
  (store.all('points_totals') as TotalsDoc[]).find((doc) => doc._id === `t_1:m:m_1:${period}`)?.points ?? 0

/** The totals the increments kept equal those reconcile would rebuild from the ledger. */
function expectReconciled(store: ReturnType<typeof setup>) {
  const rebuilt = totalsOf(ledger(store))
  for (const doc of store.all('points_totals') as TotalsDoc[]) {
    expect({ id: doc._id, points: doc.points, entries: doc.entries }).toEqual({
      id: doc._id,
      points: rebuilt.get(doc._id)?.points ?? 0,
      entries: rebuilt.get(doc._id)?.entries ?? 0,
    })
  }
}

describe('attendance corrections in the ledger', () => {
  it('absent, then corrected to present by hand, nets to the present award', async () => {
    const store = setup()
    await record(store, 'meeting.absent', MAY_12 + 2 * HOUR)
    await settle(store)
    expect(net(store)).toBe(-2)
    await record(store, 'meeting.present', MAY_12 + 3 * HOUR)
    expect(await settle(store)).toMatchObject({ processed: 1, paid: 1 })
    expect(net(store)).toBe(3)
    expect(total(store, '2026-05')).toBe(3)
    expect(total(store, 'all')).toBe(3)
    const correction = ledger(store).find((entry) => entry._id === 'rev:evt:meeting.absent:mt_1:m_1')
    expect(correction).toMatchObject({ points: 2, reason: '考勤更正为出席', sourceEvent: 'meeting.absent:mt_1:m_1' })
    // The reversed deduction gives its cap room back: the year's use of the absence rule is 0 again.
    const usage = (store.all('points_totals') as TotalsDoc[]).filter(
      (doc) => doc.scope === 'usage' && doc._id.includes(`:${correction?.ruleKey}:`),
    )
    expect(usage.length).toBeGreaterThan(0)
    for (const doc of usage) expect(doc.points).toBe(0)
    expectReconciled(store)
  })

  it('present, then corrected to absent, nets to the deduction', async () => {
    const store = setup()
    await record(store, 'meeting.present', MAY_12 + 10 * 60_000)
    await settle(store)
    await record(store, 'meeting.absent', MAY_12 + 3 * HOUR)
    await settle(store)
    expect(net(store)).toBe(-2)
    expect(
      ledger(store)
        .map((entry) => entry._id)
        .sort(),
    ).toEqual(['evt:meeting.absent:mt_1:m_1', 'evt:meeting.present:mt_1:m_1', 'rev:evt:meeting.present:mt_1:m_1'])
    expectReconciled(store)
  })

  it('a retry, a second run or both facts pending at once pay once', async () => {
    const store = setup()
    await record(store, 'meeting.absent', MAY_12 + 2 * HOUR)
    await record(store, 'meeting.present', MAY_12 + 3 * HOUR)
    await Promise.all([settle(store), settle(store)])
    await settle(store)
    // Re-arming the same fact without a change (a retried correction) finds nothing left to do.
    await record(store, 'meeting.present', MAY_12 + 3 * HOUR)
    await settle(store)
    expect(net(store)).toBe(3)
    expect(ledger(store)).toHaveLength(1)
    expectReconciled(store)
  })

  it('back and forth: present → absent → present pays the present award again, once', async () => {
    const store = setup()
    await record(store, 'meeting.present', MAY_12)
    await settle(store)
    await record(store, 'meeting.absent', MAY_12 + HOUR)
    await settle(store)
    await record(store, 'meeting.present', MAY_12 + 2 * HOUR, 'mt_1', 1)
    await settle(store)
    await settle(store)
    expect(net(store)).toBe(3)
    expect(
      ledger(store)
        .map((entry) => entry._id)
        .sort(),
    ).toEqual([
      'evt:meeting.absent:mt_1:m_1',
      'evt:meeting.present:mt_1:m_1',
      'evt:meeting.present:mt_1:m_1:r1',
      'rev:evt:meeting.absent:mt_1:m_1',
      'rev:evt:meeting.present:mt_1:m_1',
    ])
    expectReconciled(store)
  })

  it('a correction to excused leave voids the deduction and pays nothing', async () => {
    const store = setup()
    await record(store, 'meeting.absent', MAY_12 + 2 * HOUR)
    await settle(store)
    await record(store, 'meeting.leave', MAY_12 + 3 * HOUR)
    await settle(store)
    expect(net(store)).toBe(0)
    expect(total(store, '2026')).toBe(0)
  })

  it('other meetings of the member are not touched', async () => {
    const store = setup()
    await record(store, 'meeting.absent', MAY_12, 'mt_1')
    await record(store, 'meeting.present', MAY_12 + HOUR, 'mt_2')
    await settle(store)
    expect(net(store)).toBe(1)
  })
})
