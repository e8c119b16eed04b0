// The database side of the emulator, driven through the REAL wx-server-sdk: every assertion is what
// CloudBase answers for the same call (ordering, limits, operators, counts, error codes).
import { sdkFailure as failure, startTestEmulator, type TestEmulator } from './helpers/emulator'

let t: TestEmulator

beforeAll(async () => {
  t = await startTestEmulator()
  await t.db.createCollection('members')
  const seed = Array.from({ length: 150 }, (_, i) => ({
    _id: `m${String(i).padStart(3, '0')}`,
    name: `member ${i}`,
    age: 20 + (i % 30),
    branch: i % 3 === 0 ? 'b1' : 'b2',
    joinedAt: new Date(Date.UTC(2020, 0, 1 + i)),
  }))
  await t.db.collection('members').add({ data: seed })
})

afterAll(async () => {
  await t.stop()
})

describe('reads', () => {
  test('doc(id).get returns the document with Dates as Date objects', async () => {
    const { data } = await t.db.collection('members').doc('m001').get()
    expect(data).toEqual({
      _id: 'm001',
      name: 'member 1',
      age: 21,
      branch: 'b2',
      joinedAt: new Date(Date.UTC(2020, 0, 2)),
    })
    expect(data.joinedAt).toBeInstanceOf(Date)
  })

  test('doc(id).get of a missing document fails the way the SDK reports it', async () => {
    const err = await failure(t.db.collection('members').doc('nope').get())
    expect(err.errMsg).toMatch(/document with _id nope does not exist/)
  })

  test('get() without limit returns 100 documents; limit is clamped at 1000', async () => {
    expect((await t.db.collection('members').get()).data).toHaveLength(100)
    expect((await t.db.collection('members').limit(2000).get()).data).toHaveLength(150)
  })

  test('where + orderBy + skip + limit + field', async () => {
    const _ = t.db.command
    const { data } = await t.db
      .collection('members')
      .where({ branch: 'b1', age: _.gte(40) })
      .orderBy('age', 'desc')
      .orderBy('name', 'asc')
      .skip(1)
      .limit(3)
      .field({ name: true, age: true })
      .get()
    const all = Array.from({ length: 150 }, (_, i) => ({ i, age: 20 + (i % 30), b: i % 3 === 0 }))
      .filter((m) => m.b && m.age >= 40)
      .map((m) => ({ _id: `m${String(m.i).padStart(3, '0')}`, name: `member ${m.i}`, age: m.age }))
      .sort((a, b) => b.age - a.age || a.name.localeCompare(b.name))
    expect(data).toEqual(all.slice(1, 4))
  })

  test('or / in / regexp / date comparisons', async () => {
    const _ = t.db.command
    const or = await t.db
      .collection('members')
      .where(_.or([{ _id: 'm000' }, { _id: _.in(['m002', 'm003']) }]))
      .orderBy('_id', 'asc')
      .get()
    expect(or.data.map((d) => d._id)).toEqual(['m000', 'm002', 'm003'])
    const re = await t.db
      .collection('members')
      .where({ name: t.db.RegExp({ regexp: '^MEMBER 14\\d$', options: 'i' }) })
      .count()
    expect(re.total).toBe(10)
    const dated = await t.db
      .collection('members')
      .where({ joinedAt: _.lt(new Date(Date.UTC(2020, 0, 4))) })
      .count()
    expect(dated.total).toBe(3)
  })

  test('count with and without a filter', async () => {
    expect((await t.db.collection('members').count()).total).toBe(150)
    expect((await t.db.collection('members').where({ branch: 'b1' }).count()).total).toBe(50)
  })

  test('missing collection → errCode -502005', async () => {
    const err = await failure(t.db.collection('ghosts').where({ a: 1 }).get())
    expect(err.errCode).toBe(-502005)
    const add = await failure(t.db.collection('ghosts').add({ data: { a: 1 } }))
    expect(add.errCode).toBe(-502005)
  })
})

describe('writes', () => {
  beforeAll(async () => {
    await t.db.createCollection('things')
  })

  test('add generates an id, duplicate _id fails with DATABASE_DUPLICATE_WRITE', async () => {
    const { _id } = await t.db.collection('things').add({ data: { kind: 'a' } })
    expect(_id).toMatch(/^[0-9a-f]{32}$/)
    await t.db.collection('things').add({ data: { _id: 'fixed', kind: 'b' } })
    const err = await failure(t.db.collection('things').add({ data: { _id: 'fixed', kind: 'c' } }))
    expect(err.errCode).toBe(-501001)
    expect(err.errMsg).toMatch(/duplicate key/)
    expect((await t.db.collection('things').doc('fixed').get()).data.kind).toBe('b')
  })

  test('doc.update applies the operators the SDK emits', async () => {
    const _ = t.db.command
    await t.db.collection('things').add({
      data: {
        _id: 'ops',
        n: 1,
        arr: [1],
        obj: { a: 1, b: 2 },
        gone: true,
        set: [1],
        pulled: [1, 4, 4, 5],
        nested: { x: 1 },
      },
    })
    const res = await t.db
      .collection('things')
      .doc('ops')
      .update({
        data: {
          n: _.inc(2),
          arr: _.push([2, 3]),
          obj: _.set({ c: 3 }),
          gone: _.remove(),
          set: _.addToSet(1),
          pulled: _.pull(4),
          nested: { y: 2 },
          'deep.path': 'v',
        },
      })
    expect(res.stats.updated).toBe(1)
    const { data } = await t.db.collection('things').doc('ops').get()
    expect(data).toEqual({
      _id: 'ops',
      n: 3,
      arr: [1, 2, 3],
      obj: { c: 3 },
      set: [1],
      pulled: [1, 5],
      nested: { x: 1, y: 2 },
      deep: { path: 'v' },
    })
  })

  test('doc.update of a missing doc updates 0', async () => {
    const res = await t.db
      .collection('things')
      .doc('missing')
      .update({ data: { a: 1 } })
    expect(res.stats.updated).toBe(0)
  })

  test('doc.set replaces the document, or creates it (upsert)', async () => {
    await t.db.collection('things').add({ data: { _id: 'rep', a: 1, b: 2 } })
    const replaced = await t.db
      .collection('things')
      .doc('rep')
      .set({ data: { c: 3 } })
    expect(replaced.stats.updated).toBe(1)
    expect((await t.db.collection('things').doc('rep').get()).data).toEqual({ _id: 'rep', c: 3 })
    const created = await t.db
      .collection('things')
      .doc('fresh')
      .set({ data: { d: 4 } })
    expect(created.stats.updated).toBe(0)
    expect(created._id).toBe('fresh')
    expect((await t.db.collection('things').doc('fresh').get()).data).toEqual({ _id: 'fresh', d: 4 })
  })

  test('where().update and where().remove report how many documents they touched', async () => {
    await t.db.createCollection('bulk')
    await t.db.collection('bulk').add({ data: Array.from({ length: 12 }, (_, i) => ({ i, even: i % 2 === 0 })) })
    const upd = await t.db
      .collection('bulk')
      .where({ even: true })
      .update({ data: { tagged: true } })
    expect(upd.stats.updated).toBe(6)
    expect((await t.db.collection('bulk').where({ tagged: true }).count()).total).toBe(6)
    const rm = await t.db
      .collection('bulk')
      .where({ i: t.db.command.gte(8) })
      .remove()
    expect(rm.stats.removed).toBe(4)
    expect((await t.db.collection('bulk').count()).total).toBe(8)
  })

  test('doc.remove removes one document', async () => {
    await t.db.collection('things').add({ data: { _id: 'rm', a: 1 } })
    expect((await t.db.collection('things').doc('rm').remove()).stats.removed).toBe(1)
    expect((await t.db.collection('things').doc('rm').remove()).stats.removed).toBe(0)
  })

  test('concurrent increments are not lost', async () => {
    await t.db.collection('things').add({ data: { _id: 'counter', n: 0 } })
    await Promise.all(
      Array.from({ length: 25 }, () =>
        t.db
          .collection('things')
          .doc('counter')
          .update({ data: { n: t.db.command.inc(1) } }),
      ),
    )
    expect((await t.db.collection('things').doc('counter').get()).data.n).toBe(25)
  })

  test('serverDate is stamped by the emulator clock', async () => {
    t.emu.clock.set(Date.UTC(2024, 5, 1, 8, 0, 0))
    try {
      // The SDK's typings omit serverDate's {offset} option, which it does support.
      const serverDate = t.db.serverDate.bind(t.db) as unknown as (opts: { offset: number }) => unknown
      const { _id } = await t.db.collection('things').add({ data: { at: serverDate({ offset: 1000 }) } })
      const { data } = await t.db.collection('things').doc(_id).get()
      expect(data.at).toEqual(new Date(Date.UTC(2024, 5, 1, 8, 0, 1)))
    } finally {
      t.emu.clock.set(null)
    }
  })

  test('createCollection on an existing collection fails', async () => {
    const err = await failure(t.db.createCollection('things'))
    expect(err.errCode).toBe(-1)
    expect(err.errMsg).toMatch(/exist/i)
  })
})

describe('aggregate', () => {
  beforeAll(async () => {
    await t.db.createCollection('branches')
    await t.db.collection('branches').add({
      data: [
        { _id: 'b1', title: 'First branch' },
        { _id: 'b2', title: 'Second branch' },
      ],
    })
  })

  test('match / group / sort', async () => {
    const $ = t.db.command.aggregate
    const { list } = await t.db
      .collection('members')
      .aggregate()
      .match({ age: t.db.command.gte(45) })
      .group({ _id: '$branch', n: $.sum(1), maxAge: $.max('$age') })
      .sort({ _id: 1 })
      .end()
    // ages 45..49 = i%30 in 25..29 → 25 members; b1 = multiples of 3 among them
    const members = Array.from({ length: 150 }, (_, i) => i).filter((i) => 20 + (i % 30) >= 45)
    const group = (b1: boolean) => members.filter((i) => (i % 3 === 0) === b1)
    const maxAge = (ids: number[]) => Math.max(...ids.map((i) => 20 + (i % 30)))
    expect(list).toEqual([
      { _id: 'b1', n: group(true).length, maxAge: maxAge(group(true)) },
      { _id: 'b2', n: group(false).length, maxAge: maxAge(group(false)) },
    ])
  })

  test('lookup + unwind + project + skip + limit', async () => {
    const { list } = await t.db
      .collection('members')
      .aggregate()
      .match({ _id: t.db.command.in(['m000', 'm001', 'm002', 'm003']) })
      .sort({ _id: 1 })
      .lookup({ from: 'branches', localField: 'branch', foreignField: '_id', as: 'b' })
      .unwind('$b')
      .project({ _id: 1, title: '$b.title' })
      .skip(1)
      .limit(2)
      .end()
    expect(list).toEqual([
      { _id: 'm001', title: 'Second branch' },
      { _id: 'm002', title: 'Second branch' },
    ])
  })

  test('count stage', async () => {
    const { list } = await t.db.collection('members').aggregate().match({ branch: 'b1' }).count('total').end()
    expect(list).toEqual([{ total: 50 }])
  })

  test('without a limit stage at most 20 documents come back', async () => {
    const { list } = await t.db.collection('members').aggregate().match({}).end()
    expect(list).toHaveLength(20)
  })
})

describe('transactions', () => {
  beforeAll(async () => {
    await t.db.createCollection('accounts')
    await t.db.collection('accounts').add({
      data: [
        { _id: 'alice', balance: 100 },
        { _id: 'bob', balance: 0 },
      ],
    })
  })

  const balance = async (id: string): Promise<number> =>
    (await t.db.collection('accounts').doc(id).get()).data.balance as number

  test('runTransaction commits all writes together', async () => {
    const _ = t.db.command
    const res = await t.db.runTransaction(async (tx: typeof t.db) => {
      const alice = await tx.collection('accounts').doc('alice').get()
      expect(alice.data.balance).toBe(100)
      await tx
        .collection('accounts')
        .doc('alice')
        .update({ data: { balance: _.inc(-30) } })
      await tx
        .collection('accounts')
        .doc('bob')
        .update({ data: { balance: _.inc(30) } })
      await tx.collection('accounts').add({ data: { _id: 'log1', amount: 30 } })
      // Writes are invisible outside the transaction until commit.
      expect(await balance('alice')).toBe(100)
      return 'done'
    })
    expect(res).toBe('done')
    expect(await balance('alice')).toBe(70)
    expect(await balance('bob')).toBe(30)
    expect((await t.db.collection('accounts').doc('log1').get()).data.amount).toBe(30)
  })

  test('rollback discards the writes', async () => {
    await expect(
      t.db.runTransaction(async (tx: typeof t.db & { rollback(r: unknown): Promise<void> }) => {
        await tx
          .collection('accounts')
          .doc('alice')
          .update({ data: { balance: 0 } })
        await tx.rollback('nope')
      }),
    ).rejects.toBe('nope')
    expect(await balance('alice')).toBe(70)
  })

  test('a write to a document read by an open transaction makes its commit conflict', async () => {
    const tx = await t.db.startTransaction()
    await tx.collection('accounts').doc('bob').get()
    await tx
      .collection('accounts')
      .doc('bob')
      .update({ data: { balance: 999 } })
    await t.db
      .collection('accounts')
      .doc('bob')
      .update({ data: { balance: t.db.command.inc(1) } })
    const err = await failure(tx.commit())
    expect(err.code ?? err.errMsg).toMatch(/DATABASE_TRANSACTION_CONFLICT|conflict/i)
    expect(await balance('bob')).toBe(31)
  })

  test('concurrent runTransaction increments all land (conflicts are retried)', async () => {
    const _ = t.db.command
    await t.db.collection('accounts').add({ data: { _id: 'pot', balance: 0 } })
    await Promise.all(
      Array.from({ length: 3 }, () =>
        t.db.runTransaction(async (tx: typeof t.db) => {
          const pot = await tx.collection('accounts').doc('pot').get()
          await tx
            .collection('accounts')
            .doc('pot')
            .update({ data: { balance: _.inc(1) } })
          return pot.data.balance
        }),
      ),
    )
    expect(await balance('pot')).toBe(3)
  })
})

describe('indexed collections', () => {
  // `meetings` has indexes on tenantId and startsAt (database/collections.json): the emulator starts
  // from the smallest index bucket, and must still answer exactly what the query asks.
  test('equality and range queries on indexed fields give exact answers', async () => {
    await t.db.createCollection('meetings').catch(() => undefined)
    const docs = Array.from({ length: 60 }, (_, i) => ({
      _id: `ix${i}`,
      tenantId: i % 3 === 0 ? 'ta' : 'tb',
      branchId: `b${i % 4}`,
      startsAt: i * 10,
      tags: [`t${i % 5}`],
    }))
    for (const doc of docs) await t.db.collection('meetings').add({ data: doc })
    const _ = t.db.command
    const ids = async (where: Record<string, unknown>) =>
      ((await t.db.collection('meetings').where(where).limit(1000).get()).data as { _id: string }[])
        .map((d) => d._id)
        .sort()
    const expected = (keep: (d: (typeof docs)[number]) => boolean) =>
      docs
        .filter(keep)
        .map((d) => d._id)
        .sort()

    expect(await ids({ tenantId: 'ta', startsAt: _.gte(100).and(_.lt(300)) })).toEqual(
      expected((d) => d.tenantId === 'ta' && d.startsAt >= 100 && d.startsAt < 300),
    )
    expect(await ids({ startsAt: _.gt(550) })).toEqual(expected((d) => d.startsAt > 550))
    expect(await ids({ startsAt: _.lte(20), branchId: 'b0' })).toEqual(
      expected((d) => d.startsAt <= 20 && d.branchId === 'b0'),
    )
    expect(await ids({ tenantId: 'tb', startsAt: _.gte(0).and(_.lt(0)) })).toEqual([])
    expect(await ids({ tenantId: _.in(['ta']), startsAt: _.lt(40) })).toEqual(
      expected((d) => d.tenantId === 'ta' && d.startsAt < 40),
    )
  })

  test('after updates that keep or change an indexed key, index queries answer the current documents exactly', async () => {
    // The emulator swaps an updated document in place when its indexed key is unchanged (index-in-place.ts):
    // a query starting from that key's bucket must read the new version, never the one it replaced.
    const _ = t.db.command
    const meetings = t.db.collection('meetings')
    for (let i = 0; i < 60; i += 2) await meetings.doc(`ix${i}`).update({ data: { note: `v${i}` } })
    for (let i = 1; i < 60; i += 6)
      await meetings.doc(`ix${i}`).update({ data: { tenantId: 'tc', startsAt: 1000 + i } })
    await meetings.doc('ix3').set({ data: { tenantId: 'ta', branchId: 'b3', startsAt: 30, tags: [], note: 'set' } })
    const rows = async (where: Record<string, unknown>) =>
      ((await meetings.where(where).limit(1000).get()).data as { _id: string; note?: string }[])
        .map((d) => `${d._id}:${d.note ?? ''}`)
        .sort()
    const now = (i: number) => ({
      tenantId: i % 6 === 1 ? 'tc' : i % 3 === 0 ? 'ta' : 'tb',
      startsAt: i % 6 === 1 ? 1000 + i : i * 10,
      note: i === 3 ? 'set' : i % 2 === 0 ? `v${i}` : '',
    })
    const expected = (keep: (d: ReturnType<typeof now>) => boolean) =>
      Array.from({ length: 60 }, (_, i) => i)
        .filter((i) => keep(now(i)))
        .map((i) => `ix${i}:${now(i).note}`)
        .sort()
    expect(await rows({ tenantId: 'ta' })).toEqual(expected((d) => d.tenantId === 'ta'))
    expect(await rows({ tenantId: 'tc' })).toEqual(expected((d) => d.tenantId === 'tc'))
    expect(await rows({ tenantId: 'tb', startsAt: _.lt(200) })).toEqual(
      expected((d) => d.tenantId === 'tb' && d.startsAt < 200),
    )
    expect(await rows({ startsAt: _.gte(1000) })).toEqual(expected((d) => d.startsAt >= 1000))
    // Put back as the next test expects them.
    for (let i = 0; i < 60; i++) {
      await meetings.doc(`ix${i}`).set({
        data: { tenantId: i % 3 === 0 ? 'ta' : 'tb', branchId: `b${i % 4}`, startsAt: i * 10, tags: [`t${i % 5}`] },
      })
    }
  })

  test('an aggregation whose first stage matches on indexed fields groups exactly what it matches', async () => {
    const $ = t.db.command.aggregate
    const _ = t.db.command
    const { list } = (await t.db
      .collection('meetings')
      .aggregate()
      .match({ tenantId: 'tb', startsAt: _.gte(100).and(_.lt(400)) })
      .group({ _id: '$branchId', n: $.sum(1), sum: $.sum('$startsAt') })
      .sort({ _id: 1 })
      .end()) as { list: { _id: string; n: number; sum: number }[] }
    const expected = new Map<string, { n: number; sum: number }>()
    for (let i = 0; i < 60; i++) {
      if (i % 3 === 0 || i * 10 < 100 || i * 10 >= 400) continue
      const row = expected.get(`b${i % 4}`) ?? { n: 0, sum: 0 }
      expected.set(`b${i % 4}`, { n: row.n + 1, sum: row.sum + i * 10 })
    }
    expect(list).toEqual([...expected].sort().map(([_id, row]) => ({ _id, ...row })))
  })
})

describe('snapshots (the digest tests compare to prove nothing was written)', () => {
  test('a write of any kind changes the snapshot; writing the same contents back restores it', async () => {
    await t.db.createCollection('snap_probe')
    await t.db.collection('snap_probe').add({ data: { _id: 'p1', n: 1 } })
    const before = await t.emu.snapshot()
    expect(await t.emu.snapshot()).toEqual(before)

    await t.db
      .collection('snap_probe')
      .doc('p1')
      .update({ data: { n: 2 } })
    const changed = await t.emu.snapshot()
    expect(changed.snap_probe).not.toBe(before.snap_probe)
    expect(changed.members).toBe(before.members)

    await t.db
      .collection('snap_probe')
      .doc('p1')
      .update({ data: { n: 1 } })
    expect(await t.emu.snapshot()).toEqual(before)

    await t.db.collection('snap_probe').add({ data: { _id: 'p2', n: 1 } })
    expect((await t.emu.snapshot()).snap_probe).not.toBe(before.snap_probe)
    await t.db.collection('snap_probe').doc('p2').remove()
    expect(await t.emu.snapshot()).toEqual(before)
  })
})
