// Pure rules and small services of privacy and retention: id renaming, audit redaction, member keys, and the
// retention sweep isolating a file storage refuses.
import { isPhoneDerivedId, memberKeyId } from '../../cloudfunctions/domain/roster/import/member-key'
import { renameId } from '../../cloudfunctions/domain/roster/rename-id'
import { COLLECTIONS } from '../../cloudfunctions/runtime/collections'
import type { Files } from '../../cloudfunctions/runtime/files'
import { redactPersonal } from '../../cloudfunctions/shared/audit'
import { keepUntil, sweepExpiredFiles } from '../../cloudfunctions/shared/retention'
import { memoryStore } from './memory-store'

describe('renameId', () => {
  const from = 'm_0123456789abcdef'
  it.each([
    ['a whole value', { memberId: from }, { memberId: 'm_new' }],
    ['inside a composite id', { _id: `meeting.present:mt_1:${from}` }, { _id: 'meeting.present:mt_1:m_new' }],
    [
      'in arrays and nested objects',
      { ids: ['a', from], minutes: { writtenBy: from } },
      { ids: ['a', 'm_new'], minutes: { writtenBy: 'm_new' } },
    ],
    [
      'nowhere: untouched, numbers and nulls kept',
      { n: 3, x: null, s: 'm_shiyan_01' },
      { n: 3, x: null, s: 'm_shiyan_01' },
    ],
  ])('%s', (_case, doc, expected) => {
    expect(renameId(doc, from, 'm_new')).toEqual(expected)
  })
})

describe('member keys', () => {
  it('are an HMAC of the import and the row key: the same pair gives the same key, the secret is needed', () => {
    const key = memberKeyId('secret-a', 'imp_1', 'phone:13800138000')
    expect(key).toBe(memberKeyId('secret-a', 'imp_1', 'phone:13800138000'))
    expect(key).not.toBe(memberKeyId('secret-b', 'imp_1', 'phone:13800138000'))
    expect(key).not.toBe(memberKeyId('secret-a', 'imp_2', 'phone:13800138000'))
    expect(key).not.toContain('13800138000')
  })
  it.each([
    ['m_0123456789abcdef', true],
    ['m_shiyan_01', false],
    ['m_QgZyn8p3zSmkwb', false],
    ['m_0123456789ABCDEF', false],
  ])('%s is phone-derived: %s', (id, derived) => {
    expect(isPhoneDerivedId(id)).toBe(derived)
  })
})

describe('audit redaction', () => {
  it('masks every phone, at any depth, and leaves the rest', () => {
    expect(
      redactPersonal({ name: '王建国', phone: '13800138000', marks: [{ phone: '13900139000' }], n: 1, x: null }),
    ).toEqual({ name: '王建国', phone: '138****8000', marks: [{ phone: '139****9000' }], n: 1, x: null })
    expect(redactPersonal(null)).toBeNull()
  })
})

describe('the retention sweep', () => {
  const NOW = 1_000_000_000_000
  const clock = { now: () => NOW }
  const fileID = (name: string) => `cloud://env.bucket/exports/t1/m1/${name}`

  function setup(refuse: (id: string) => boolean) {
    const store = memoryStore()
    const removed: string[] = []
    const files: Files = {
      upload: () => Promise.reject(new Error('no uploads here')),
      download: () => Promise.resolve(null),
      link: () => Promise.reject(new Error('no links here')),
      async remove(ids) {
        if (ids.some(refuse)) throw new Error('storage busy')
        removed.push(...ids)
        return [...ids]
      },
    }
    return { store, files, removed }
  }

  it('deletes what is due, keeps what is not', async () => {
    const { store, files, removed } = setup(() => false)
    await keepUntil({ store, clock }, { fileID: fileID('due.xlsx'), tenantId: 't1', kind: 'export' }, NOW - 1)
    await keepUntil({ store, clock }, { fileID: fileID('later.xlsx'), tenantId: 't1', kind: 'export' }, NOW + 1)
    // real clock: the sweep's deadline is a wall-time budget on this machine, not a date
    expect(await sweepExpiredFiles({ store, files, clock }, Date.now() + 10_000)).toEqual({
      deleted: 1,
      failed: 0,
      more: false,
    })
    expect(removed).toEqual([fileID('due.xlsx')])
    expect(store.all(COLLECTIONS.expiringFiles).map((doc) => (doc as unknown as { fileID: string }).fileID)).toEqual([
      fileID('later.xlsx'),
    ])
  })

  it('a batch storage refuses is recorded and put back; the run ends, and a later run deletes it', async () => {
    let busy = true
    const { store, files } = setup(() => busy)
    await keepUntil({ store, clock }, { fileID: fileID('a.pdf'), tenantId: 't1', kind: 'export' }, NOW - 10)
    // real clock: the sweep's deadline is a wall-time budget on this machine, not a date
    expect(await sweepExpiredFiles({ store, files, clock }, Date.now() + 10_000)).toEqual({
      deleted: 0,
      failed: 1,
      more: false,
    })
    const [record] = store.all(COLLECTIONS.expiringFiles) as unknown as {
      attempts: number
      deleteAt: number
      lastError: string
    }[]
    expect(record).toMatchObject({ attempts: 1, lastError: expect.stringContaining('storage busy') })
    expect(record.deleteAt).toBeGreaterThan(NOW)
    busy = false
    const later = { now: () => record.deleteAt }
    // real clock: the sweep's deadline is a wall-time budget on this machine, not a date
    expect(await sweepExpiredFiles({ store, files, clock: later }, Date.now() + 10_000)).toMatchObject({ deleted: 1 })
    expect(store.all(COLLECTIONS.expiringFiles)).toEqual([])
  })
})
