/** The roster at full size (10,000 members, 500 branches): `me` under load, the first roster page, the tree. */
import type { Result } from '../../types/result'
import { BUILT_FUNCTIONS } from '../functions/helpers/demo'
import { startTestEmulator } from '../functions/helpers/emulator'
import { BIG, seedBigTenant } from './big-tenant'
import { type Figure, percentile } from './figure'

const round = (n: number) => Math.round(n * 10) / 10

export default async function run(): Promise<Figure[]> {
  const t = await startTestEmulator({ functionsDir: BUILT_FUNCTIONS, workers: 2 })
  try {
    await seedBigTenant(t)
    const call = async (openid: string, action: string, data: unknown = {}) => {
      const started = performance.now()
      const res = await t.gateway('roster', { action, data }, openid)
      const result = res.body as Result<unknown>
      if (!result.ok) throw new Error(`${action}: ${JSON.stringify(result.error)}`)
      return performance.now() - started
    }
    const sequential = async (times: number, once: () => Promise<number>) => {
      const samples: number[] = []
      for (let i = 0; i < times; i++) samples.push(await once())
      return samples
    }
    await sequential(4, () => call(BIG.secretary, 'me')) // warm both workers

    const concurrentMe = await Promise.all(Array.from({ length: 100 }, () => call(BIG.secretary, 'me')))
    const firstPage = await sequential(20, () => call(BIG.secretary, 'listMembers', { branchId: BIG.firstBranch }))
    const searchPage = await sequential(10, () =>
      call(BIG.secretary, 'listMembers', { branchId: BIG.firstBranch, search: '党员0-1' }),
    )
    const tree = await sequential(10, () => call(BIG.bureau, 'tree'))
    return [
      { name: 'roster.me, 100 concurrent via gateway, p95', value: round(percentile(concurrentMe, 95)), unit: 'ms' },
      {
        name: 'roster.listMembers first page (10k tenant), p95',
        value: round(percentile(firstPage, 95)),
        unit: 'ms',
        budget: { max: 300 },
      },
      {
        name: 'roster.listMembers search (10k tenant), p95',
        value: round(percentile(searchPage, 95)),
        unit: 'ms',
        budget: { max: 300 },
      },
      {
        name: 'roster.tree with counts (500 branches), p95',
        value: round(percentile(tree, 95)),
        unit: 'ms',
        budget: { max: 300 },
      },
    ]
  } finally {
    await t.stop()
  }
}
