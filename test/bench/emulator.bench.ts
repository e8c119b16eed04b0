/** The local CloudBase emulator: SDK round trips, write throughput, worker cold start, gateway under load. */
import { fork } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { buildWorker } from '../../emulator/functions/build-worker'
import type { WorkerMessage } from '../../emulator/functions/worker-protocol'
import { FIXTURE_FUNCTIONS, startTestEmulator } from '../functions/helpers/emulator'
import { type Figure, percentile } from './figure'

const round = (n: number) => Math.round(n * 100) / 100

const BUILT_FUNCTIONS = join(__dirname, '..', '..', 'build', 'cloudfunctions')

// Fork a fresh worker (loads wx-server-sdk) and run one bundle once: what a cold instance costs.
// A project function answers the empty event INPUT.UNKNOWN_ACTION, so the time is the bundle's load.
async function coldStart(
  env: Record<string, string>,
  file = join(FIXTURE_FUNCTIONS, 'echo', 'index.js'),
): Promise<number> {
  const started = performance.now()
  const child = fork(buildWorker(), [FIXTURE_FUNCTIONS], {
    env: { ...process.env, ...env },
    stdio: 'ignore',
    execArgv: [], // like the pool: no tsx loader in workers
  })
  try {
    await new Promise<void>((resolve, reject) => {
      child.on('message', (raw: unknown) => {
        const msg = raw as WorkerMessage
        if (msg.type === 'ready')
          child.send({
            type: 'invoke',
            id: 1,
            file,
            event: {},
            context: {},
            env: {},
          })
        else if (msg.ok) resolve()
        else reject(new Error(msg.message))
      })
      child.once('exit', (code) => reject(new Error(`worker exited ${code}`)))
    })
    return performance.now() - started
  } finally {
    child.kill('SIGKILL')
  }
}

export default async function run(): Promise<Figure[]> {
  const t = await startTestEmulator({ workers: 2 })
  try {
    await t.db.createCollection('bench')
    const { _id } = await t.db.collection('bench').add({ data: { name: 'x', n: 1, at: new Date() } })
    const id = String(_id)

    for (let i = 0; i < 30; i++) await t.db.collection('bench').doc(id).get()
    const gets: number[] = []
    for (let i = 0; i < 500; i++) {
      const s = performance.now()
      await t.db.collection('bench').doc(id).get()
      gets.push(performance.now() - s)
    }

    const insertStart = performance.now()
    for (let i = 0; i < 1000; i++) await t.db.collection('bench').add({ data: { i, tag: 'bench', at: new Date() } })
    const insertsPerSecond = 1000 / ((performance.now() - insertStart) / 1000)

    const colds: number[] = []
    for (let i = 0; i < 3; i++) colds.push(await coldStart(t.emu.sdkEnv))
    const bundleColds: Figure[] = []
    for (const name of existsSync(BUILT_FUNCTIONS) ? readdirSync(BUILT_FUNCTIONS).sort() : []) {
      const bundle = join(BUILT_FUNCTIONS, name, 'index.js')
      if (!existsSync(bundle)) continue
      const samples: number[] = []
      for (let i = 0; i < 3; i++) samples.push(await coldStart(t.emu.sdkEnv, bundle))
      bundleColds.push({
        name: `emulator worker cold start, ${name} bundle`,
        value: Math.round(percentile(samples, 50)),
        unit: 'ms',
      })
    }

    for (let i = 0; i < 10; i++) await t.gateway('echo', { action: 'warm' }, 'o-bench')
    const latencies = await Promise.all(
      Array.from({ length: 100 }, async (_, i) => {
        const s = performance.now()
        const res = await t.gateway('echo', { action: 'ping', data: { i } }, `o-bench-${i % 10}`)
        if (res.status !== 200) throw new Error(`gateway answered ${res.status}`)
        return performance.now() - s
      }),
    )

    return [
      { name: 'emulator get-by-id p50 (SDK)', value: round(percentile(gets, 50)), unit: 'ms', budget: { max: 5 } },
      { name: 'emulator get-by-id p95 (SDK)', value: round(percentile(gets, 95)), unit: 'ms' },
      { name: 'emulator sequential inserts (SDK)', value: Math.round(insertsPerSecond), unit: 'docs/s' },
      { name: 'emulator worker cold start (sdk + bundle)', value: Math.round(percentile(colds, 50)), unit: 'ms' },
      ...bundleColds,
      { name: 'emulator 100 concurrent gateway calls p95', value: Math.round(percentile(latencies, 95)), unit: 'ms' },
    ]
  } finally {
    await t.stop()
  }
}
