// A throwaway emulator running the project's built cloud functions over a freshly seeded demo bureau.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { seedDemo } from '../../../scripts/seed/seed'
import type { Result } from '../../../types/result'
import { testInstant } from '../../support/instant'
import { startTestEmulator, type TestEmulator } from './emulator'

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

export interface DemoEmulator extends TestEmulator {
  call<T = unknown>(openid: string | null, fn: string, action: string, data?: unknown): Promise<Result<T>>
  /** How many documents of a collection match, read through the SDK. */
  count(collection: string, where: Record<string, unknown>): Promise<number>
  /** Moves the frozen clock on, for a step that must come after the earlier ones ("newest first", "latest"). */
  advance(ms: number): void
}

/**
 * Starts the demo emulator with its clock frozen at `at` (default: the suite's named test instant,
 * see test/support/instant.ts) and seeds the demo bureau relative to that instant. A test that needs
 * time to pass moves the clock itself (`t.emu.clock.set`).
 */
export async function startDemoEmulator(opts: { at?: number } = {}): Promise<DemoEmulator> {
  if (!existsSync(join(BUILT_FUNCTIONS, 'roster', 'index.js'))) {
    throw new Error('build/cloudfunctions is missing: run `npx tsx scripts/build-functions.ts` (npm test does)')
  }
  const t = await startTestEmulator({ functionsDir: BUILT_FUNCTIONS, now: opts.at ?? testInstant() })
  await seedDemo(t.emu.sdkEnv, t.emu.clock.now())
  return {
    ...t,
    async call<T>(openid: string | null, fn: string, action: string, data: unknown = {}) {
      const res = await t.gateway(fn, { action, data }, openid ?? undefined)
      return res.body as Result<T>
    },
    advance(ms) {
      t.emu.clock.set(t.emu.clock.now() + ms)
    },
    async count(collection, where) {
      return ((await t.db.collection(collection).where(where).count()) as { total: number }).total
    },
  }
}

/** Empties the demo's seeded points and study data, for tests that count from nothing. */
export async function withoutSeededPoints(t: DemoEmulator): Promise<void> {
  for (const collection of ['points_ledger', 'points_totals', 'study_tasks', 'study_checkins']) {
    await t.db.collection(collection).where({ tenantId: 't_demo' }).remove()
  }
}
