/**
 * `npm start`: build the cloud functions and both app targets, start the
 * local CloudBase emulator on one port (H5 app + functions + dev gateway),
 * seed the demo bureau on first run, and keep serving until Ctrl-C.
 *   npm start -- --reset        start again from a fresh seed
 *   npm start -- --port 9000    another port (default 8787 or $PORT)
 *   npm start -- --no-build     reuse the last builds
 */
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { startEmulator } from '../emulator'
import { buildApp } from './build-app'
import { buildFunctions, functionsOutDir } from './build-functions'
import { seedDemo } from './seed/seed'

const root = join(__dirname, '..')
const args = process.argv.slice(2)
const flag = (name: string) => args.includes(`--${name}`)
const option = (name: string) => {
  const at = args.indexOf(`--${name}`)
  return at >= 0 ? args[at + 1] : undefined
}

async function step<T>(label: string, work: () => T | Promise<T>): Promise<T> {
  const started = Date.now()
  process.stdout.write(`» ${label}… `)
  const result = await work()
  console.log(`${((Date.now() - started) / 1000).toFixed(1)} s`)
  return result
}

async function main(): Promise<void> {
  const port = Number(option('port') ?? process.env.PORT ?? 8787)
  const dataDir = join(root, '.data', 'emulator')
  if (!flag('no-build')) {
    await step('building cloud functions', buildFunctions)
    await step('building the weapp (dist/, open in WeChat DevTools)', () => buildApp('weapp'))
    await step('building the H5 app (dist-h5/)', () => buildApp('h5'))
  }
  if (flag('reset')) rmSync(dataDir, { recursive: true, force: true })

  const emulator = await step('starting the local CloudBase emulator', () =>
    startEmulator({ port, dataDir, functionsDir: functionsOutDir, staticDir: join(root, 'dist-h5') }),
  )
  const { documents } = await step('seeding the demo bureau', () => seedDemo(emulator.sdkEnv, Date.now()))
  if (documents === 0) console.log('  (data kept from the last run; `npm start -- --reset` starts afresh)')

  console.log(`\n  党建小程序 (H5) and the local cloud: ${emulator.url}/`)
  console.log(`  pick a persona:                      ${emulator.url}/#/subpackages/dev/pages/persona/index`)
  console.log('  weapp for WeChat DevTools:           import this folder (project.config.json)\n  Ctrl-C stops.\n')

  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    console.log('\n» stopping…')
    await emulator.stop()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
