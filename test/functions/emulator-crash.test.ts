// Durability: every write the emulator acknowledged survives `kill -9` of the emulator process.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { exited, killMidBurst, spawnCli, tcb } from './helpers/cli-process'
import { FIXTURE_FUNCTIONS } from './helpers/emulator'

jest.setTimeout(60_000)

const dataDir = mkdtempSync(join(tmpdir(), 'emu-crash-'))
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

const args = ['--port', '0', '--data', dataDir, '--functions', FIXTURE_FUNCTIONS, '--workers', '1']

test('acknowledged inserts survive kill -9 and the files load on restart', async () => {
  const first = await spawnCli(args)
  expect(await tcb(first.url, { action: 'database.addCollection', collectionName: 'crash' })).not.toHaveProperty('code')
  // Several concurrent writers so the kill lands while appends are in flight.
  const acked = await killMidBurst(first, {
    writers: 4,
    ackedAtLeast: 400,
    write: async (w, i) => {
      const id = `w${w}-${i}`
      const res = await tcb(first.url, {
        action: 'database.insertDocument',
        collectionName: 'crash',
        data: [JSON.stringify({ _id: id, w, i: { $numberInt: String(i) }, pad: 'x'.repeat(200) })],
      })
      return (res.data as { insertedIds?: string[] } | undefined)?.insertedIds?.[0] === id ? id : null
    },
  })

  const second = await spawnCli(args)
  try {
    const count = await tcb(second.url, { action: 'database.calculateDocument', collectionName: 'crash' })
    const total = (count.data as { total: number }).total
    expect(total).toBeGreaterThanOrEqual(acked.length)
    const ids = new Set<string>()
    for (let offset = 0; offset < total; offset += 1000) {
      const page = await tcb(second.url, {
        action: 'database.getDocument',
        collectionName: 'crash',
        queryType: 'WHERE',
        offset,
        limit: 1000,
        projection: '{"_id":1}',
      })
      for (const doc of (page.data as { list: string[] }).list) ids.add((JSON.parse(doc) as { _id: string })._id)
    }
    const lost = acked.filter((id) => !ids.has(id))
    expect(lost).toEqual([])
  } finally {
    second.child.kill('SIGTERM')
    expect(await exited(second.child)).toBe(0)
  }
})
