/**
 * The 发展党员 reminder timer ('dueScan') on the first morning of a big county, under CloudBase-like latency
 * (15 ms per database request, 120 ms per openapi call): 500 branches with 4 applicants each whose talk falls
 * due (2,000 items never sent), every secretary bound and holding credits. Each run is held to its wall-time
 * budget (the function's timeout is 20 s); what one morning's run does not reach, the next run takes.
 * Figures: runs until every item is sent, the longest run against the timeout (held to 60 % of it: the run's
 * budget is DUE_SCAN_BUDGET_MS, and an item started before it ends still finishes), the headroom left, a run
 * with nothing new, and nothing sent twice.
 */
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DUE_SCAN_BUDGET_MS } from '../../cloudfunctions/lifecycle/due-scan'
import type { DevelopmentFileDoc } from '../../types/lifecycle'
import type { MemberDoc } from '../../types/roster'
import { BUILT_FUNCTIONS } from '../functions/helpers/demo'
import { startTestEmulator } from '../functions/helpers/emulator'
import { BIG_TENANT } from './big-tenant'
import { bigTenantDocs, collectionNames, subscribeReach, writeLines } from './data-files'
import type { Figure } from './figure'

const LATENCY = { db: 15, openapi: 120 }
const PER_BRANCH = 4
const TEMPLATE = 'tmpl_bench_development_due'
const TIMEOUT_MS = 20_000 // cloudfunctions/lifecycle/config.json
const round = (n: number) => Math.round(n * 10) / 10
const NOW = new Date('2026-12-10T07:30:00+08:00').getTime()

async function writeData(dataDir: string) {
  const tenant = await bigTenantDocs()
  const secretaries = (tenant.get('members') as MemberDoc[]).filter((m) => m.committeePosition === 'secretary')
  const files: DevelopmentFileDoc[] = secretaries.flatMap((secretary) =>
    Array.from({ length: PER_BRANCH }, (_, i) => ({
      _id: `df_bench_${secretary.branchId}_${i}`,
      tenantId: BIG_TENANT,
      branchId: secretary.branchId as string,
      name: `申请人${i + 1}`,
      phone: null,
      teachingRole: 'teacher' as const,
      keyTeacher: false,
      stage: 'applicant' as const,
      steps: [
        {
          step: 'application' as const,
          // Applied 10 + i days ago: the talk is due within the month.
          on: new Date(NOW + 8 * 3_600_000 - (10 + i) * 86_400_000).toISOString().slice(0, 10),
          details: { step: 'application' as const },
          note: '',
          materials: [],
          recordedBy: secretary._id,
          recordedAt: NOW - 86_400_000,
        },
      ],
      reviews: [],
      memberId: null,
      closed: null,
      createdBy: secretary._id,
      createdAt: NOW - 86_400_000,
      updatedAt: NOW - 86_400_000,
    })),
  )
  const docs = new Map<string, object[]>([
    ...tenant,
    ['development_files', files],
    ...subscribeReach(tenant, {
      use: 'developmentDue',
      templateId: TEMPLATE,
      recipients: secretaries.map((s) => s._id),
      credits: PER_BRANCH + 1,
    }),
  ])
  for (const name of collectionNames()) await writeLines(join(dataDir, 'db', `${name}.db`), docs.get(name) ?? [])
  return files.length
}

export default async function run(): Promise<Figure[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-lifecycle-due-'))
  mkdirSync(join(dataDir, 'db'), { recursive: true })
  const items = await writeData(dataDir)
  const t = await startTestEmulator({ functionsDir: BUILT_FUNCTIONS, dataDir, workers: 2, now: NOW, latency: LATENCY })
  try {
    const runMs: number[] = []
    let runsToDrain: number | null = null
    for (let runNo = 1; runNo <= 20 && runsToDrain === null; runNo++) {
      const at = performance.now()
      const answer = (await t.emu.fireTrigger('lifecycle', 'dueScan')) as { sent: number; unfinished: number }
      runMs.push(performance.now() - at)
      console.log(
        `dueScan bench: run ${runNo}: sent ${answer.sent}, unfinished ${answer.unfinished} in ${round(runMs.at(-1) ?? 0)} ms`,
      )
      if (answer.unfinished === 0) runsToDrain = runNo
    }
    // The next morning: nothing new, every item claimed — the run only reads.
    const idleAt = performance.now()
    await t.emu.fireTrigger('lifecycle', 'dueScan')
    const idleMs = performance.now() - idleAt
    const sends = (await t.emu.outbox()).filter((entry) => JSON.stringify(entry.params).includes(TEMPLATE))
    const pages = sends.map((entry) => String(entry.params.page))
    return [
      {
        name: 'dueScan, 2,000 new items / 500 branches at db 15 ms: runs to send all',
        value: runsToDrain ?? 999,
        unit: 'runs',
        // The timer runs hourly 07:30–11:30 (config.json): five runs a morning.
        budget: { max: 5 },
      },
      {
        name: `dueScan, 2,000 new items: longest run (budget ${DUE_SCAN_BUDGET_MS} ms)`,
        value: round(Math.max(...runMs)),
        unit: 'ms',
        budget: { max: TIMEOUT_MS * 0.6 },
      },
      {
        name: 'dueScan, 2,000 new items: headroom left of the 20 s timeout',
        value: round(TIMEOUT_MS - Math.max(...runMs)),
        unit: 'ms',
        budget: { min: TIMEOUT_MS * 0.4 },
      },
      {
        name: 'dueScan, 500 branches with nothing new: run',
        value: round(idleMs),
        unit: 'ms',
        budget: { max: TIMEOUT_MS },
      },
      { name: 'dueScan, 2,000 new items: sent', value: new Set(pages).size, unit: 'count', budget: { min: items } },
      {
        name: 'dueScan, 2,000 new items: sent twice',
        value: pages.length - new Set(pages).size,
        unit: 'count',
        budget: { max: 0 },
      },
    ]
  } finally {
    await t.stop()
  }
}
