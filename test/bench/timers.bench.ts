/**
 * The timers under CloudBase-like latency (the emulator waits 15 ms per database request and 120 ms per
 * openapi call): a 集中学习日 burst of 10,000 study check-ins left to the points function's minute timer
 * ('settle'), and 200 WeCom robot messages queued for 10 branch robots, delivered by the meetings function's
 * 5-minute timer ('remind'). Time is simulated: the clock moves a minute between settle runs and the remind
 * timer runs every fifth minute, each run against its function's timeout in wall time. Figures: how many
 * minutes the backlog takes, the longest run against the timeout, and nothing lost or paid or posted twice.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DomainEvent } from '../../types/events'
import type { QueuedRobotMessage } from '../../types/messaging'
import type { MemberDoc } from '../../types/roster'
import { BUILT_FUNCTIONS } from '../functions/helpers/demo'
import { startTestEmulator } from '../functions/helpers/emulator'
import { startFakeRobot } from '../functions/helpers/fake-robot'
import { BIG_TENANT } from './big-tenant'
import { bigTenantDocs, collectionNames, writeLines } from './data-files'
import type { Figure } from './figure'

const LATENCY = { db: 15, openapi: 120 }
const BURST = 10_000
const ROBOTS = 10
const PER_ROBOT = 20
const MINUTE = 60_000
const SETTLE_TIMEOUT_MS = 60_000 // cloudfunctions/points/config.json
const REMIND_TIMEOUT_MS = 60_000 // cloudfunctions/meetings/config.json
const round = (n: number) => Math.round(n * 10) / 10

async function writeData(dataDir: string, now: number, robotBase: string) {
  const tenant = await bigTenantDocs()
  const members = (tenant.get('members') as MemberDoc[]).filter((m) => m.branchId).slice(0, BURST)
  const events: DomainEvent[] = members.map((member, i) => ({
    _id: `study.checkin:st_bench_day:${member._id}`,
    tenantId: BIG_TENANT,
    kind: 'study.checkin',
    memberId: member._id,
    sourceId: 'st_bench_day',
    at: now - MINUTE + (i % 600) * 100,
    recordedBy: member._id,
  }))
  const branches = Array.from({ length: ROBOTS }, (_, b) => `big_b_${String(b).padStart(3, '0')}`)
  const robots = branches.map((branchId) => ({
    _id: branchId,
    tenantId: BIG_TENANT,
    url: `${robotBase}/cgi-bin/webhook/send?key=bench-robot-${branchId.slice(-3)}`,
    setAt: now,
  }))
  const queue: QueuedRobotMessage[] = branches.flatMap((branchId) =>
    Array.from({ length: PER_ROBOT }, (_, i) => ({
      _id: `bench:${branchId}:${i}`,
      tenantId: BIG_TENANT,
      branchId,
      markdown: `**压力测试** ${branchId} 第${i + 1}条`,
      status: 'pending' as const,
      attempts: 0,
      nextAt: now - MINUTE,
      sentAt: null,
      lastError: null,
      createdAt: now - MINUTE + i,
    })),
  )
  const files = new Map<string, object[]>([
    ...tenant,
    ['domain_events', events],
    ['meeting_robots', robots],
    ['robot_queue', queue],
  ])
  for (const name of collectionNames()) await writeLines(join(dataDir, 'db', `${name}.db`), files.get(name) ?? [])
}

export default async function run(): Promise<Figure[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-timers-'))
  mkdirSync(join(dataDir, 'db'), { recursive: true })
  const robot = await startFakeRobot()
  robot.answerAfter(80) // a webhook across the internet
  // A frozen clock 17 s past a minute: the emulator's own schedule never fires during the bench.
  const start = Math.floor(Date.now() / MINUTE) * MINUTE + 17_000
  await writeData(dataDir, start, process.env.WECOM_WEBHOOK_BASE as string)
  const t = await startTestEmulator({
    functionsDir: BUILT_FUNCTIONS,
    dataDir,
    workers: 2,
    now: start,
    latency: LATENCY,
  })
  try {
    const settleMs: number[] = []
    const remindMs: number[] = []
    let eventsDoneAt: number | null = null
    let robotsDoneAt: number | null = null
    const count = async (collection: string, where: object) =>
      ((await t.db.collection(collection).where(where).count()) as { total: number }).total
    const pendingEvents = () => count('domain_events', { processedAt: t.db.command.exists(false) })
    const pendingRobot = () => count('robot_queue', { status: t.db.command.neq('sent') })
    for (let minute = 0; minute < 30 && (eventsDoneAt === null || robotsDoneAt === null); minute++) {
      t.emu.clock.set(start + minute * MINUTE)
      let at = performance.now()
      const settled = (await t.emu.fireTrigger('points', 'settle')) as { processed: number; failed: number }
      settleMs.push(performance.now() - at)
      if (minute % 5 === 0) {
        at = performance.now()
        await t.emu.fireTrigger('meetings', 'remind')
        remindMs.push(performance.now() - at)
      }
      const [events, messages] = await Promise.all([pendingEvents(), pendingRobot()])
      console.log(
        `timers bench: minute ${minute}: settle ${settled.processed} (failed ${settled.failed}) in ${round(settleMs.at(-1) ?? 0)} ms; ${events} events and ${messages} robot messages left`,
      )
      if (events === 0 && eventsDoneAt === null) eventsDoneAt = minute + 1
      if (messages === 0 && robotsDoneAt === null) robotsDoneAt = minute + 1
    }
    const entries = await count('points_ledger', { tenantId: BIG_TENANT })
    const paidEvents = await count('domain_events', { processedAt: t.db.command.exists(true) })
    const posted = robot.hits.map((hit) => hit.body)
    return [
      {
        name: 'settle timer, 10,000 check-ins at db 15 ms: minutes to drain',
        value: eventsDoneAt ?? 999,
        unit: 'min',
        budget: { max: 15 },
      },
      {
        name: 'settle timer, 10,000 check-ins: longest run',
        value: round(Math.max(...settleMs)),
        unit: 'ms',
        budget: { max: SETTLE_TIMEOUT_MS },
      },
      { name: 'settle timer, 10,000 check-ins: paid', value: paidEvents, unit: 'count', budget: { min: BURST } },
      // The backlog of 5,000 events is the first half of this one: none lost means none lost there.
      {
        name: 'settle timer, 10,000-event backlog: lost',
        value: BURST - paidEvents,
        unit: 'count',
        budget: { max: 0 },
      },
      {
        name: 'settle timer, 10,000 check-ins: ledger entries beyond one each',
        value: entries - BURST,
        unit: 'count',
        budget: { max: 0 },
      },
      {
        name: 'robot queue, 200 messages / 10 robots: minutes to deliver',
        value: robotsDoneAt ?? 999,
        unit: 'min',
      },
      {
        name: 'robot queue, 200 messages: posted',
        value: new Set(posted).size,
        unit: 'count',
        budget: { min: ROBOTS * PER_ROBOT },
      },
      {
        name: 'robot queue, 200 messages: lost',
        value: ROBOTS * PER_ROBOT - new Set(posted).size,
        unit: 'count',
        budget: { max: 0 },
      },
      {
        name: 'robot queue, 200 messages: posted twice',
        value: posted.length - new Set(posted).size,
        unit: 'count',
        budget: { max: 0 },
      },
      {
        name: 'remind timer with the robot backlog: longest run',
        value: round(Math.max(...remindMs)),
        unit: 'ms',
        budget: { max: REMIND_TIMEOUT_MS },
      },
    ]
  } finally {
    await t.stop()
    await robot.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
