// Shared helper for function tests: a throwaway emulator (random port, temp data dir) plus the REAL
// wx-server-sdk configured against it in the test process.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type EmulatorOptions, type RunningEmulator, startEmulator } from '../../../emulator'

type WxServerSdk = typeof import('wx-server-sdk')

// wx-server-sdk declares callback-era returns (`Promise<R> | void | string`); with promises only (how the
// project calls it) the result is always the Promise. Promised<T> strips the other members recursively.
type PromisedReturn<R> = [Extract<R, Promise<unknown>>] extends [never] ? Promised<R> : Extract<R, Promise<unknown>>
export type Promised<T> = T extends (...args: infer A) => infer R
  ? ((...args: A) => PromisedReturn<R>) & { [K in keyof T]: Promised<T[K]> }
  : T extends Date | RegExp | Promise<unknown>
    ? T
    : T extends object
      ? { [K in keyof T]: Promised<T[K]> }
      : T
export type Cloud = Promised<WxServerSdk>

export interface TestEmulator {
  emu: RunningEmulator
  cloud: Cloud
  db: ReturnType<Cloud['database']>
  dataDir: string
  // POST /api/functions/<name> as a (possibly anonymous) caller; returns HTTP status and parsed JSON.
  gateway(fn: string, body: unknown, openid?: string): Promise<{ status: number; body: unknown }>
  stop(): Promise<void>
}

export const FIXTURE_FUNCTIONS = join(__dirname, '..', '..', 'fixtures', 'functions')

export async function startTestEmulator(
  opts: Partial<Omit<EmulatorOptions, 'dataDir'>> & { dataDir?: string; keepData?: boolean } = {},
): Promise<TestEmulator> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'emu-test-'))
  const lines: string[] = []
  const emu = await startEmulator({
    port: 0,
    workers: 2,
    functionsDir: FIXTURE_FUNCTIONS,
    ...opts,
    dataDir,
    log: opts.log ?? ((line) => lines.push(line)),
  })
  // wx-server-sdk reads its endpoint and env from process.env when initialised.
  Object.assign(process.env, emu.sdkEnv)
  const cloud = require('wx-server-sdk') as Cloud
  cloud.init({ env: emu.sdkEnv.TCB_ENV })
  return {
    emu,
    cloud,
    db: cloud.database(),
    dataDir,
    async gateway(fn, body, openid) {
      const res = await fetch(`${emu.url}/api/functions/${fn}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(openid ? { 'x-wx-openid': openid } : {}) },
        body: JSON.stringify(body),
      })
      return { status: res.status, body: (await res.json()) as unknown }
    },
    async stop() {
      await emu.stop()
      if (!opts.keepData && !opts.dataDir) rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** How the SDK reports a failed call. */
export interface SdkError {
  errCode?: number
  errMsg?: string
  code?: string
}

/** The error an SDK call fails with; the test fails if it succeeds. */
export async function sdkFailure(p: Promise<unknown>): Promise<SdkError> {
  try {
    await p
  } catch (e) {
    return e as SdkError
  }
  throw new Error('expected the SDK call to fail')
}
