// Starts the local CloudBase emulator: tsx emulator/cli.ts --port P --data DIR [--functions DIR] [--static DIR]
//   [--workers N] [--now MS] [--max-upload-bytes N] [--latency db=15,openapi=120]. Prints the URL, stops cleanly (flushes the store) on SIGINT/SIGTERM.
import { startEmulator } from './index'
import { parseLatency } from './latency'

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}

async function main(): Promise<void> {
  const now = arg('now')
  const emu = await startEmulator({
    port: Number(arg('port') ?? 8787),
    host: arg('host') ?? '127.0.0.1',
    dataDir: arg('data') ?? '.data/emulator',
    functionsDir: arg('functions') ?? 'build/cloudfunctions',
    staticDir: arg('static'),
    workers: arg('workers') ? Number(arg('workers')) : undefined,
    now: now ? Number(now) : null,
    maxUploadBytes: arg('max-upload-bytes') ? Number(arg('max-upload-bytes')) : undefined,
    latency: arg('latency') ? parseLatency(arg('latency') as string) : undefined,
    log: (line) => console.log(line),
  })
  console.log(`CloudBase emulator listening on ${emu.url}`)
  let stopping = false
  const stop = (signal: string): void => {
    if (stopping) return
    stopping = true
    console.log(`${signal}: stopping emulator`)
    emu.stop().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(e)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
