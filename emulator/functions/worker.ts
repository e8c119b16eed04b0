// Function worker: one process = one CloudBase instance, running ONE invocation at a time. Compiled once
// with esbuild to build/emulator/worker.js so a cold start does not pay TypeScript compilation.
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { refuseOutbound } from './outbound-guard'
import type { InvokeMessage, WorkerMessage } from './worker-protocol'

refuseOutbound()

type Main = (event: unknown, context: Record<string, unknown>) => unknown

const send = (msg: WorkerMessage): void => {
  process.send?.(msg)
}

function loadMain(file: string): Main {
  // require() caches the bundle: loaded once per worker and per function, like a warm instance.
  const mod: unknown = require(file)
  const main =
    typeof mod === 'object' && mod !== null && 'main' in mod ? mod.main : typeof mod === 'function' ? mod : undefined
  if (typeof main !== 'function') throw new Error(`${file} does not export main(event, context)`)
  return main as Main
}

async function invoke(msg: InvokeMessage): Promise<void> {
  try {
    for (const [key, value] of Object.entries(msg.env)) {
      if (value === null) delete process.env[key]
      else process.env[key] = value
    }
    const result = await loadMain(msg.file)(msg.event, msg.context)
    // The platform serializes the return value as JSON (Dates become ISO strings).
    const json = result === undefined ? null : JSON.stringify(result)
    send({ type: 'done', id: msg.id, ok: true, json: json ?? null })
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e))
    send({ type: 'done', id: msg.id, ok: false, message: `${err.name}: ${err.message}`, stack: err.stack })
  }
}

// Preload wx-server-sdk from where the function bundles resolve it, so the first invocation is warm.
const started = Date.now()
const sdkFrom = process.argv[2]
if (sdkFrom) {
  try {
    createRequire(join(sdkFrom, 'index.js'))('wx-server-sdk')
  } catch {
    // A functions folder without wx-server-sdk is still servable; bundles report their own errors.
  }
}
process.on('message', (raw: unknown) => {
  if (typeof raw === 'object' && raw !== null && (raw as { type?: unknown }).type === 'invoke')
    void invoke(raw as InvokeMessage)
})
// The emulator died (e.g. kill -9): do not linger as an orphan.
process.on('disconnect', () => process.exit(0))
process.on('unhandledRejection', (reason: unknown) => {
  console.error('[worker] unhandled rejection', reason)
})
send({ type: 'ready', loadMs: Date.now() - started })
