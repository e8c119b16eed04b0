import { createHash } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { join, resolve } from 'node:path'
import { createClock } from './clock'
import { buildWorker } from './functions/build-worker'
import { Invoker } from './functions/invoker'
import { WorkerPool } from './functions/pool'
import { FunctionRegistry } from './functions/registry'
import { TriggerScheduler } from './functions/triggers'
import { createEmulatorServer } from './http/server'
import { type Latency, NO_LATENCY } from './latency'
import { Outbox, type OutboxEntry } from './outbox'
import { CloudStorage } from './storage/cloud-storage'
import { Store } from './store/store'
import { Transactions } from './tcb/transactions'

export { LOCAL_APPID } from './functions/invoker'
export type { OutboxEntry } from './outbox'

export interface EmulatorOptions {
  port?: number // 0 = random
  host?: string // default 127.0.0.1
  dataDir: string
  functionsDir: string
  staticDir?: string
  workers?: number // default 2
  now?: number | null // frozen clock ms, null = real time
  log?: (line: string) => void
  envId?: string // default 'local'
  indexesFile?: string // default database/collections.json of this repo (ignored when absent)
  maxUploadBytes?: number // largest object uploadFile may store, default 50 MB
  autoTriggers?: boolean // fire timer triggers on their schedule (default true); false = only on demand (fireTrigger)
  latency?: Partial<Latency> // injected ms per database request / openapi call (benches), none by default
}

export interface RunningEmulator {
  url: string
  sdkEnv: Record<string, string>
  invoke(fn: string, event: unknown, ctx?: { openid?: string }): Promise<unknown>
  fireTrigger(fn: string, triggerName: string): Promise<unknown>
  clock: { now(): number; set(ms: number | null): void }
  outbox(): Promise<OutboxEntry[]>
  /** Every collection as a digest of its documents (sorted by _id): two equal snapshots mean nothing was written. */
  snapshot(): Promise<Record<string, string>>
  storageDir: string // uploaded objects as files: <storageDir>/<cloudPath>
  stop(): Promise<void>
}

// Environment for any Node process that runs wx-server-sdk against the emulator (see cloudbase-protocol.md §6):
// TENCENTCLOUD=true stops the metadata-host lookups, dummy secrets stop an unawaited credential check.
export function sdkEnvFor(url: string, envId: string): Record<string, string> {
  return {
    TENCENTCLOUD: 'true',
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${url}/tcb` }),
    TENCENTCLOUD_SECRETID: 'emulator-secret-id',
    TENCENTCLOUD_SECRETKEY: 'emulator-secret-key',
    TCB_ENV: envId,
    SCF_NAMESPACE: envId,
  }
}

export async function startEmulator(opts: EmulatorOptions): Promise<RunningEmulator> {
  const log = opts.log ?? ((line: string) => console.log(line))
  const envId = opts.envId ?? 'local'
  const dataDir = resolve(opts.dataDir)
  mkdirSync(dataDir, { recursive: true })
  const clock = createClock(opts.now ?? null)
  const store = new Store(dataDir, clock.now, opts.indexesFile ?? join(__dirname, '..', 'database', 'collections.json'))
  const outbox = new Outbox(dataDir)
  await outbox.init()
  const txns = new Transactions(store)

  // Bind first: the workers need the URL in their environment. The getters resolve the parts built
  // after listening; they are only read when a request arrives.
  const server = createEmulatorServer({
    get tcb() {
      return tcb
    },
    get invoker() {
      return invoker
    },
    get triggers() {
      return triggers
    },
    get storage() {
      return storage
    },
    outbox,
    clock,
    store,
    staticDir: opts.staticDir,
    log,
  })
  await new Promise<void>((ok, fail) => {
    server.once('error', fail)
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => ok())
  })
  const address = server.address() as AddressInfo
  const url = `http://${opts.host ?? '127.0.0.1'}:${address.port}`
  const sdkEnv = sdkEnvFor(url, envId)
  // Upload and temp URLs point back at this server, so storage is built once the URL is known.
  const storage = new CloudStorage({ dataDir, envId, baseUrl: url, clock, maxUploadBytes: opts.maxUploadBytes })
  await storage.init()

  const functionsDir = resolve(opts.functionsDir)
  const pool = new WorkerPool({
    size: Math.max(1, opts.workers ?? 2),
    workerFile: buildWorker(),
    sdkFrom: functionsDir,
    env: sdkEnv,
    log,
  })
  const invoker = new Invoker(new FunctionRegistry(functionsDir), pool, clock, envId)
  const triggers = new TriggerScheduler(invoker, clock, log)
  const latency = { ...NO_LATENCY, ...opts.latency }
  const tcb = { store, txns, now: clock.now, invoker, outbox, clock, storage, log, latency }
  if (opts.autoTriggers !== false) triggers.start()

  let stopping: Promise<void> | undefined
  const digestCache = new WeakMap<object, { revision: number; digest: string }>()
  return {
    url,
    sdkEnv,
    invoke: (fn, event, ctx) => invoker.invoke(fn, event, { openid: ctx?.openid }),
    fireTrigger: (fn, name) => triggers.fire(fn, name),
    clock: { now: clock.now, set: clock.set },
    outbox: () => outbox.list(),
    async snapshot() {
      const digests: Record<string, string> = {}
      for (const name of store.names()) {
        const collection = await store.collection(name)
        // A collection not written since its last digest still has it: tests snapshot ~19,000 documents often.
        const known = digestCache.get(collection)
        if (known && known.revision === collection.revision()) {
          digests[name] = known.digest
          continue
        }
        const byId = (a: { _id?: unknown }, b: { _id?: unknown }) => {
          const [x, y] = [String(a._id), String(b._id)]
          return x < y ? -1 : x > y ? 1 : 0
        }
        const sorted = [...collection.allDocs()].sort(byId)
        const digest = createHash('sha256').update(JSON.stringify(sorted)).digest('hex')
        digestCache.set(collection, { revision: collection.revision(), digest })
        digests[name] = digest
      }
      return digests
    },
    storageDir: storage.dir,
    stop() {
      stopping ??= (async () => {
        triggers.stop()
        await new Promise<void>((ok) => {
          server.close(() => ok())
          server.closeAllConnections()
        })
        await pool.stop()
        await store.close()
      })()
      return stopping
    },
  }
}
