// A throwaway emulator running the project's built cloud functions over a freshly seeded demo bureau.
import { existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { seedDemo } from '../../../scripts/seed/seed'
import type { AnyActionName, FunctionName, InputOf, OutputOf } from '../../../types/api'
import type { Result } from '../../../types/result'
import { testInstant } from '../../support/instant'
import { startTestEmulator, type TestEmulator } from './emulator'
import { seededDataDir } from './seeded-data'

export const BUILT_FUNCTIONS = join(__dirname, '..', '..', '..', 'build', 'cloudfunctions')

/** OPENIDs of demo personas (scripts/seed/demo-bureau.ts binds every member as o_demo_<memberId>). */
export const as = {
  bureau: 'o_demo_m_bureau_01',
  gbSecretary: 'o_demo_m_yz_high_01', // secretary of 高中部 and of the 第一中学党总支
  secretary: 'o_demo_m_shiyan_01', // 实验小学党支部 书记
  committee: 'o_demo_m_shiyan_02', // 实验小学党支部 组织委员
  member: 'o_demo_m_shiyan_06',
  instructor: 'o_demo_m_instructor_01', // assigned to 山区学校联合支部 and 职业中学党支部
  unbound: 'o_not_bound_anyone',
} as const
export type Persona = keyof typeof as

/** A matrix row's expectation: the listed personas answer ok, the unbound caller AUTH.NOT_BOUND, the rest AUTH.FORBIDDEN. */
export function onlyAllowed(allowed: readonly Persona[]): Record<Persona, 'ok' | 'AUTH.FORBIDDEN' | 'AUTH.NOT_BOUND'> {
  const personas = Object.keys(as) as Persona[]
  return Object.fromEntries(
    personas.map((p) => [p, p === 'unbound' ? 'AUTH.NOT_BOUND' : allowed.includes(p) ? 'ok' : 'AUTH.FORBIDDEN']),
  ) as Record<Persona, 'ok' | 'AUTH.FORBIDDEN' | 'AUTH.NOT_BOUND'>
}

/**
 * Runs a persona × action matrix of `fn`: for each row, every persona calls the row's action with the
 * input the row makes for them and gets the row's outcome; a refused call leaves `unchanged()` (a count
 * or digest of what the action could write) as it was. `demo` is read when the tests run (after beforeAll).
 */
export function describeMatrix<F extends FunctionName, Outcome extends string>(
  demo: () => DemoEmulator,
  fn: F,
  cases: readonly MatrixCase<F, [expected: Record<Persona, Outcome>]>[],
  unchanged: () => Promise<unknown>,
): void {
  const personas = Object.keys(as) as Persona[]
  const rows = cases.map(
    ([action, data, expected], i) => [`${i + 1}. ${fn}.${action}`, action, data, expected] as const,
  )
  describe.each(rows)('%s', (_name, action, data, expected) => {
    it.each(personas)('as %s', async (persona) => {
      const input = await data(persona)
      const before = await unchanged()
      const result = await demo().callUnchecked(as[persona], fn, action, input)
      const outcome = expected[persona]
      expect(result.ok ? 'ok' : result.error.code).toBe(outcome)
      if (outcome !== 'ok') expect(await unchanged()).toEqual(before)
    })
  })
}

/** The input an action takes: optional when every field of it is (the router then reads `{}`). */
export type InputArgs<F extends FunctionName, A extends AnyActionName<F>> =
  Record<string, never> extends InputOf<F, A> ? [data?: InputOf<F, A>] : [data: InputOf<F, A>]

/**
 * One row of a persona × action matrix: an action of `fn`, how to make its
 * input for a persona (typed by the action's contract; a row whose allowed
 * calls change what they act on gives each persona its own object), then what
 * the test expects. The table is checked row by row; the test calls a row with
 * callUnchecked, as TypeScript cannot pair a row's action with its input
 * through the union.
 */
export type MatrixCase<F extends FunctionName, Expected extends unknown[]> = {
  [A in AnyActionName<F>]: [
    action: A,
    data: (persona: Persona) => InputOf<F, A> | Promise<InputOf<F, A>>,
    ...expected: Expected,
  ]
}[AnyActionName<F>]

/** The same for a matrix over several functions: each row names its function first. */
export type FunctionMatrixCase<Fs extends FunctionName, Expected extends unknown[]> = {
  [F in Fs]: [fn: F, ...MatrixCase<F, Expected>]
}[Fs]

export interface DemoEmulator extends TestEmulator {
  /**
   * One action through the dev gateway as the persona's OPENID, typed like the
   * client's call (src/services/call.ts) from types/api.ts: a misspelt function
   * or action, or an input the contract does not take, does not compile.
   * Server-only actions are callable too, to show they are refused.
   */
  call<F extends FunctionName, A extends AnyActionName<F>>(
    openid: string | null,
    fn: F,
    action: A,
    ...data: InputArgs<F, A>
  ): Promise<Result<OutputOf<F, A>>>
  /** The data of a call that must succeed; throws with the error it answered otherwise. */
  callOk<F extends FunctionName, A extends AnyActionName<F>>(
    openid: string | null,
    fn: F,
    action: A,
    ...data: InputArgs<F, A>
  ): Promise<OutputOf<F, A>>
  /** The same without the contract's types: for envelopes the contract refuses (unknown actions, invalid input). */
  callUnchecked(openid: string | null, fn: string, action: string, data?: unknown): Promise<Result<unknown>>
  /** How many documents of a collection match, read through the SDK. */
  count(collection: string, where: Record<string, unknown>): Promise<number>
  /** Moves the frozen clock on, for a step that must come after the earlier ones ("newest first", "latest"). */
  advance(ms: number): void
}

/**
 * Starts the demo emulator with its clock frozen at `at` (default: the suite's named test instant,
 * see test/support/instant.ts) and seeds the demo bureau relative to that instant. A test that needs
 * time to pass moves the clock itself (`t.emu.clock.set`). `history: false` leaves out the lived
 * year beyond meetings (scripts/seed/demo-parts.ts, SeedOptions): a test that says so needs members
 * whose points caps still have room.
 */
export async function startDemoEmulator(opts: { at?: number; history?: boolean } = {}): Promise<DemoEmulator> {
  if (!existsSync(join(BUILT_FUNCTIONS, 'roster', 'index.js'))) {
    throw new Error('build/cloudfunctions is missing: run `npx tsx scripts/build-functions.ts` (npm test does)')
  }
  const at = opts.at ?? testInstant()
  const history = opts.history ?? true
  const snapshot = seededDataDir(at, history)
  const t = await startTestEmulator({ functionsDir: BUILT_FUNCTIONS, now: at, ...(snapshot && { dataDir: snapshot }) })
  if (snapshot) {
    const stop = t.stop
    t.stop = async () => {
      await stop()
      rmSync(snapshot, { recursive: true, force: true })
    }
  } else {
    await seedDemo(t.emu.sdkEnv, at, { history })
  }
  const call: DemoEmulator['call'] = async (openid, fn, action, ...[data]) => {
    const res = await t.gateway(fn, { action, data: data ?? {} }, openid ?? undefined)
    return res.body as Result<never>
  }
  return {
    ...t,
    call,
    async callOk(openid, fn, action, ...data) {
      const res = await call(openid, fn, action, ...data)
      if (!res.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(res.error)}`)
      return res.data
    },
    async callUnchecked(openid, fn, action, data = {}) {
      const res = await t.gateway(fn, { action, data }, openid ?? undefined)
      return res.body as Result<unknown>
    },
    advance(ms) {
      t.emu.clock.set(t.emu.clock.now() + ms)
    },
    async count(collection, where) {
      return ((await t.db.collection(collection).where(where).count()) as { total: number }).total
    },
  }
}

/**
 * Empties the demo's seeded points and study data (the lived year's ledger, totals, claims and the
 * processed events that paid them), for tests that count from nothing.
 */
export async function withoutSeededPoints(t: DemoEmulator): Promise<void> {
  for (const collection of [
    'points_ledger',
    'points_totals',
    'points_claims',
    'domain_events',
    'study_tasks',
    'study_checkins',
  ]) {
    await t.db.collection(collection).where({ tenantId: 't_demo' }).remove()
  }
}

/** Every document of a collection matching `where`, page after page (a read answers at most 1,000). */
export async function allDocs<T>(t: DemoEmulator, collection: string, where: Record<string, unknown>): Promise<T[]> {
  const out: T[] = []
  for (;;) {
    const res = (await t.db.collection(collection).where(where).skip(out.length).limit(1000).get()) as unknown as {
      data: T[]
    }
    out.push(...res.data)
    if (res.data.length < 1000) return out
  }
}
