/**
 * Meetings at full size, in the big tenant (10,000 members in 500 branches):
 * 500 members checking in to one meeting at once through the gateway, and the
 * 5-minute reminder timer over 300 meetings due whose 10,000 attendees each
 * hold a send credit. The data is written straight into the emulator's nedb
 * files before it starts (as the points bench does): 10,000 bindings and
 * credits through the SDK would take minutes.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { digestsOf } from '../../cloudfunctions/domain/meetings/digest'
import { DEFAULT_RULES } from '../../cloudfunctions/domain/meetings/rules'
import type { MeetingDoc } from '../../types/meetings'
import type { Result } from '../../types/result'
import type { MemberDoc } from '../../types/roster'
import { SUGGESTED_FIELDS } from '../../types/subscribe-templates'
import { meetingDoc } from '../fixtures/meeting-doc'
import { BUILT_FUNCTIONS } from '../functions/helpers/demo'
import { startTestEmulator, type TestEmulator } from '../functions/helpers/emulator'
import { BIG, BIG_TENANT } from './big-tenant'
import { bigTenantDocs, collectionNames, writeLines } from './data-files'
import { type Figure, percentile } from './figure'

const round = (n: number) => Math.round(n * 10) / 10
const HOUR = 3_600_000
const TEMPLATE = 'tmpl_meeting_reminder' // the default rule set's meeting reminder template
const BURST = 500
const DUE_MEETINGS = 300
/** The burst: the first 500 members, each checking in to their own branch's meeting starting in 10 min. */
const burstMeetingOf = (branchId: string) => `mt_bench_burst_${branchId}`
/** Each member's OPENID in the bench: every one of the 10,000 is bound. */
const openidOf = (memberId: string) => `o_big_${memberId}`

function meeting(id: string, branchId: string, attendeeIds: string[], startsAt: number, now: number): MeetingDoc {
  return meetingDoc(
    { _id: id, tenantId: BIG_TENANT, branchId, type: 'general_meeting', startsAt },
    {
      title: '支部党员大会：学习贯彻全会精神',
      place: '学校报告厅',
      attendeeIds,
      createdBy: 'bench',
      createdAt: now,
      updatedAt: now,
    },
  )
}

/**
 * The tenant, a binding and one reminder credit for every member, the burst
 * meeting (the first 500 members, starting in 10 min, its reminders done) and
 * 300 meetings starting in 23 h: meeting k holds branch k and, for k < 200,
 * branch k + 300 too, so each of the 10,000 members attends exactly one.
 */
async function writeData(dataDir: string, now: number, due24h = true) {
  const tenant = await bigTenantDocs()
  const members = (tenant.get('members') as MemberDoc[]).filter((m) => m.branchId)
  const bound = new Set((tenant.get('bindings') as { memberId: string }[]).map((b) => b.memberId))
  const bindings = [
    ...(tenant.get('bindings') ?? []),
    ...members
      .filter((m) => !bound.has(m._id))
      .map((m) => ({ _id: openidOf(m._id), tenantId: BIG_TENANT, memberId: m._id, boundAt: 0 })),
  ]
  const credits = members.map((m) => ({
    _id: `${m._id}:${TEMPLATE}`,
    tenantId: BIG_TENANT,
    memberId: m._id,
    templateId: TEMPLATE,
    credits: 1,
    updatedAt: now,
  }))
  const byBranch = new Map<string, string[]>()
  for (const m of members) byBranch.set(m.branchId as string, [...(byBranch.get(m.branchId as string) ?? []), m._id])
  const branchId = (b: number) => `big_b_${String(b).padStart(3, '0')}`
  const due: MeetingDoc[] = []
  for (let k = 0; k < DUE_MEETINGS; k++) {
    const attendees = [
      ...(byBranch.get(branchId(k)) ?? []),
      ...(k + 300 < 500 ? (byBranch.get(branchId(k + 300)) ?? []) : []),
    ]
    // 24 h slot: starting in 23 h; 1 h slot: starting in 59 min, the 24 h reminder sent the day before.
    const startsAt = due24h ? now + 23 * HOUR + k * 1000 : now + 59 * 60_000 + k * 1000
    const doc = meeting(`mt_bench_due_${k}`, branchId(k), attendees, startsAt, now)
    due.push(due24h ? doc : { ...doc, remindersDone: ['24h'] })
  }
  // A member checks in only to a meeting of the branch they are in: one meeting per branch of the burst.
  const burstMembers = members.slice(0, BURST)
  const burstBranches = [...new Set(burstMembers.map((m) => m.branchId as string))]
  const burst = burstBranches.map((branch) => ({
    ...meeting(
      burstMeetingOf(branch),
      branch,
      burstMembers.filter((m) => m.branchId === branch).map((m) => m._id),
      now + 10 * 60_000,
      now,
    ),
    remindersDone: ['24h', '1h'],
  }))
  // The tenant's own meeting-reminder template, configured as a bureau does in 会议规则 → 订阅消息模板.
  const rules = {
    _id: BIG_TENANT,
    ...DEFAULT_RULES,
    templates: {
      ...DEFAULT_RULES.templates,
      meetingReminder: { templateId: TEMPLATE, fields: SUGGESTED_FIELDS.meetingReminder },
    },
  }
  const files = new Map<string, object[]>([
    ...tenant,
    ['bindings', bindings],
    ['subscribe_credits', credits],
    ['meetings', [...burst, ...due]],
    ['meeting_digests', digestsOf([...burst, ...due])],
    ['meeting_rules', [rules]],
  ])
  for (const name of collectionNames()) await writeLines(join(dataDir, 'db', `${name}.db`), files.get(name) ?? [])
  return {
    burst: burstMembers.map((m) => ({
      openid: bound.has(m._id) ? BIG.secretary : openidOf(m._id),
      meetingId: burstMeetingOf(m.branchId as string),
    })),
    expectedSends: due.reduce((sum, m) => sum + m.attendeeIds.length, 0),
    dueStarts: due.map((m) => [m._id, m.startsAt] as const),
  }
}

async function checkInBurst(t: TestEmulator, burst: { openid: string; meetingId: string }[]): Promise<Figure[]> {
  const meetingIds = [...new Set(burst.map((entry) => entry.meetingId))]
  const tokens = new Map<string, string>()
  for (const meetingId of meetingIds) {
    const code = (await t.gateway('meetings', { action: 'checkInCode', data: { meetingId } }, BIG.bureau))
      .body as Result<{ token: string }>
    if (!code.ok) throw new Error(JSON.stringify(code.error))
    tokens.set(meetingId, code.data.token)
  }
  const failures: string[] = []
  const started = performance.now()
  const samples = await Promise.all(
    burst.map(async ({ openid, meetingId }) => {
      const at = performance.now()
      const res = await t.gateway(
        'meetings',
        { action: 'checkIn', data: { meetingId, token: tokens.get(meetingId) } },
        openid,
      )
      const body = res.body as Result<{ first: boolean }>
      if (!body.ok) failures.push(body.error.code)
      return performance.now() - at
    }),
  )
  const wallMs = performance.now() - started
  if (failures.length) console.log(`meetings bench: ${failures.length} check-ins refused: ${[...new Set(failures)]}`)
  const _ = t.db.command
  const rows = (
    await t.db
      .collection('meeting_attendance')
      .where({ meetingId: _.in(meetingIds) })
      .limit(1000)
      .get()
  ).data as { memberId: string }[]
  const distinct = new Set(rows.map((row) => row.memberId)).size
  console.log(
    `meetings bench: ${burst.length} check-ins to ${meetingIds.length} branch meetings in ${round(wallMs)} ms, p50 ${round(percentile(samples, 50))} ms, p95 ${round(percentile(samples, 95))} ms`,
  )
  return [
    { name: 'meetings.checkIn burst of 500: recorded', value: rows.length, unit: 'count', budget: { min: BURST } },
    {
      name: 'meetings.checkIn burst of 500: duplicates',
      value: rows.length - distinct,
      unit: 'count',
      budget: { max: 0 },
    },
    { name: 'meetings.checkIn burst of 500: wall time', value: round(wallMs), unit: 'ms', budget: { max: 10_000 } },
    { name: 'meetings.checkIn burst of 500: p95', value: round(percentile(samples, 95)), unit: 'ms' },
  ]
}

interface RemindRun {
  sent: number
  unfinished: number
  ms: number
}

async function reminderTimer(t: TestEmulator, expected: number): Promise<Figure[]> {
  const started = performance.now()
  const runs: RemindRun[] = []
  // The 5-minute timer, fired back to back: each run stops after 45 s and the next continues.
  for (let i = 0; i < 10; i++) {
    const run = (await t.emu.fireTrigger('meetings', 'remind')) as RemindRun
    runs.push(run)
    console.log(`meetings bench: remind run ${i + 1}: sent ${run.sent}, unfinished ${run.unfinished}, ${run.ms} ms`)
    if (run.unfinished === 0) break
  }
  const wallMs = performance.now() - started
  // One more run once all is done: nothing may be sent again.
  const again = (await t.emu.fireTrigger('meetings', 'remind')) as RemindRun
  const sends = (await t.emu.outbox()).filter((entry) => entry.apiName === 'subscribeMessage.send')
  const keys = new Set(sends.map((entry) => `${entry.params.touser}|${entry.params.page}`))
  return [
    {
      name: 'meetings.remind 10k members / 300 meetings: sends',
      value: sends.length,
      unit: 'count',
      budget: { min: expected, max: expected },
    },
    {
      name: 'meetings.remind 10k members / 300 meetings: duplicates',
      value: sends.length - keys.size,
      unit: 'count',
      budget: { max: 0 },
    },
    {
      name: 'meetings.remind 10k members / 300 meetings: sent by a further run',
      value: again.sent,
      unit: 'count',
      budget: { max: 0 },
    },
    { name: 'meetings.remind 10k members / 300 meetings: timer runs', value: runs.length, unit: 'count' },
    { name: 'meetings.remind 10k members / 300 meetings: wall time', value: round(wallMs), unit: 'ms' },
  ]
}

/**
 * The 1-hour reminder under CloudBase-like latency (15 ms per database request, 120 ms per subscribe send):
 * the 5-minute timer, its clock moved 5 minutes a run, until every attendee of the 300 meetings has their
 * reminder. The meetings start 59 min + k s after the first run, so their 1-hour slots open one after another
 * across five minutes: a run that finds no meeting unfinished has not necessarily sent everything (the later
 * slots were not open yet), which is why the loop counts the sends, not the runs' `unfinished`. What matters to
 * a member is that the reminder comes before the meeting starts: the figure is the shortest time between a
 * reminder and its meeting's start, over all 10,000, and the longest wait after a slot opened.
 */
export async function oneHourRemindersUnderLatency(): Promise<Figure[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-meetings-latency-'))
  mkdirSync(join(dataDir, 'db'), { recursive: true })
  const now = Math.floor(Date.now() / 60_000) * 60_000 + 17_000
  const data = await writeData(dataDir, now, false)
  const latency = { db: 15, openapi: 120 }
  const t = await startTestEmulator({ functionsDir: BUILT_FUNCTIONS, dataDir, workers: 2, now, latency })
  const reminderSends = async () => (await t.emu.outbox()).filter((entry) => entry.apiName === 'subscribeMessage.send')
  try {
    const runsMs: number[] = []
    let sends = await reminderSends()
    // Thirteen runs reach past the last meeting's start: a reminder not sent by then never counts.
    for (let i = 0; i < 13 && sends.length < data.expectedSends; i++) {
      t.emu.clock.set(now + i * 5 * 60_000)
      const at = performance.now()
      const run = (await t.emu.fireTrigger('meetings', 'remind')) as RemindRun
      runsMs.push(performance.now() - at)
      sends = await reminderSends()
      console.log(
        `meetings bench (latency): run ${i + 1} at +${i * 5} min: sent ${run.sent} (${sends.length} in all), unfinished ${run.unfinished}, ${round(runsMs[i])} ms`,
      )
    }
    const keys = new Set(sends.map((entry) => `${entry.params.touser}|${entry.params.page}`))
    const startOf = new Map(data.dueStarts)
    const leads = sends.map((entry) => {
      const meetingId = /[?&]id=([^&]+)/.exec(String(entry.params.page))?.[1] ?? ''
      return (startOf.get(meetingId) ?? 0) - Date.parse(entry.time)
    })
    const name = 'meetings.remind 1 h slot, 10k members at db 15 / openapi 120 ms'
    return [
      { name: `${name}: sends`, value: sends.length, unit: 'count', budget: { min: data.expectedSends } },
      { name: `${name}: duplicates`, value: sends.length - keys.size, unit: 'count', budget: { max: 0 } },
      { name: `${name}: timer runs`, value: runsMs.length, unit: 'count' },
      // The runs are 5 minutes apart: the first to the last that still sent.
      { name: `${name}: minutes from the first run to the last`, value: (runsMs.length - 1) * 5, unit: 'min' },
      {
        name: `${name}: longest wait after a slot opened`,
        value: round((60 * 60_000 - Math.min(...leads)) / 60_000),
        unit: 'min',
      },
      {
        name: `${name}: shortest lead before a meeting starts`,
        value: round(Math.min(...leads) / 60_000),
        unit: 'min',
        budget: { min: 1 },
      },
      { name: `${name}: longest run`, value: round(Math.max(...runsMs)), unit: 'ms', budget: { max: 60_000 } },
    ]
  } finally {
    await t.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

export default async function run(): Promise<Figure[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-meetings-'))
  mkdirSync(join(dataDir, 'db'), { recursive: true })
  // A frozen clock 17 s past a minute: the emulator's own 5-minute schedule never fires during the bench.
  const now = Math.floor(Date.now() / 60_000) * 60_000 + 17_000
  const written = performance.now()
  const data = await writeData(dataDir, now)
  console.log(
    `meetings bench: wrote the tenant, 10,000 bindings and credits, 301 meetings in ${round(performance.now() - written)} ms`,
  )
  const t = await startTestEmulator({ functionsDir: BUILT_FUNCTIONS, dataDir, workers: 4, now })
  try {
    const burst = await checkInBurst(t, data.burst)
    const reminders = await reminderTimer(t, data.expectedSends)
    await t.stop()
    return [...burst, ...reminders, ...(await oneHourRemindersUnderLatency())]
  } finally {
    await t.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
