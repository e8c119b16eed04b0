// Crash: kill -9 the emulator CLI during a burst of awards, restart on the same data, reconcile:
// every acknowledged award is in the ledger and the totals equal the ledger.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { seedDemo } from '../../scripts/seed/seed'
import { exited, killMidBurst, spawnCli, tcb } from './helpers/cli-process'
import { as, BUILT_FUNCTIONS } from './helpers/demo'
import { startTestEmulator } from './helpers/emulator'

jest.setTimeout(120_000)

const dataDir = mkdtempSync(join(tmpdir(), 'emu-points-crash-'))
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))
const args = ['--port', '0', '--data', dataDir, '--functions', BUILT_FUNCTIONS, '--workers', '4']

async function call(url: string, action: string, data: unknown) {
  const res = await fetch(`${url}/api/functions/points`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': as.bureau },
    body: JSON.stringify({ action, data }),
  })
  return (await res.json()) as { ok: boolean; data?: { entryId: string; drift?: unknown[]; entries?: number } }
}

test('totals equal the ledger after a kill -9 mid-burst and a reconcile', async () => {
  const seeded = await startTestEmulator({ functionsDir: BUILT_FUNCTIONS, dataDir, keepData: true })
  await seedDemo(seeded.emu.sdkEnv, seeded.emu.clock.now())
  await seeded.stop()

  const first = await spawnCli(args)
  const members = ['m_shiyan_03', 'm_shiyan_04', 'm_shiyan_05', 'm_chengguan_02', 'm_yz_high_05', 'm_zhizhong_03']
  const acked = await killMidBurst(first, {
    writers: 8,
    ackedAtLeast: 60,
    write: async (w, i) => {
      const reply = await call(first.url, 'award', {
        memberId: members[(w + i) % members.length],
        ruleKey: 'manual_deduction',
        points: -1,
        reason: '压力测试扣分',
        requestId: `crash-${w}-${i}`,
      })
      return reply.ok && reply.data ? reply.data.entryId : null
    },
  })

  const second = await spawnCli(args)
  try {
    for (const id of acked) {
      const found = await tcb(second.url, {
        action: 'database.getDocument',
        collectionName: 'points_ledger',
        queryType: 'WHERE',
        query: JSON.stringify({ _id: id }),
        limit: 1,
      })
      expect([id, (found.data as { list: string[] }).list.length]).toEqual([id, 1])
    }
    const rebuilt = await call(second.url, 'reconcile', {})
    expect(rebuilt.ok).toBe(true)
    console.log(
      `points crash: ${acked.length} awards acknowledged before kill -9; reconcile repaired ${rebuilt.data?.drift?.length} totals`,
    )
    const again = await call(second.url, 'reconcile', {})
    expect(again).toMatchObject({ ok: true, data: { drift: [] } })
  } finally {
    second.child.kill('SIGKILL')
    await exited(second.child)
  }
})
