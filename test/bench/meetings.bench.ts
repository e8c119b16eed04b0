/** Meetings at full size: 500 members checking in to one meeting through the gateway; the reminder timer over a 10,000-member tenant with 300 meetings due. */
import type { Result } from '../../types/result'
import { BUILT_FUNCTIONS } from '../functions/helpers/demo'
import { startTestEmulator } from '../functions/helpers/emulator'
import { BIG, BIG_TENANT, seedBigTenant } from './big-tenant'
import { type Figure, percentile } from './figure'

const round = (n: number) => Math.round(n * 10) / 10
const HOUR = 3_600_000

export default async function run(): Promise<Figure[]> {
  const t = await startTestEmulator({ functionsDir: BUILT_FUNCTIONS, workers: 4 })
  try {
    await seedBigTenant(t)
    // The big tenant is seeded without the demo's collections; the meetings function needs its own.
    for (const name of ['meetings', 'meeting_attendance', 'meeting_secrets', 'meeting_rules', 'domain_events', 'audit_log']) {
      await t.db.createCollection(name).catch(() => undefined)
    }
    const now = Date.now()
    t.emu.clock.set(now)
    const members = (await t.db.collection('members').where({ tenantId: BIG_TENANT }).limit(1000).get()).data as {
      _id: string
    }[]
    const burst = members.slice(0, 500).map((m) => m._id)
    await t.db.collection('meetings').add({
      data: {
        _id: 'mt_bench_burst',
        tenantId: BIG_TENANT,
        branchId: BIG.firstBranch,
        scope: { kind: 'branch' },
        type: 'general_meeting',
        title: '全体党员大会',
        agenda: '',
        startsAt: now + 10 * 60_000,
        endsAt: now + 2 * HOUR,
        place: '报告厅',
        location: null,
        hostId: null,
        noteTakerId: null,
        attendeeIds: burst,
        status: 'scheduled',
        seriesId: null,
        makeUpFor: null,
        cancelReason: null,
        minutes: null,
        activity: null,
        remindersDone: ['24h', '1h'],
        closedAt: null,
        createdBy: 'bench',
        createdAt: now,
        updatedAt: now,
      },
    })
    const code = (
      await t.gateway('meetings', { action: 'checkInCode', data: { meetingId: 'mt_bench_burst' } }, BIG.bureau)
    ).body as Result<{ token: string }>
    if (!code.ok) throw new Error(JSON.stringify(code.error))
    const bindings = (
      await t.db
        .collection('bindings')
        .where({ tenantId: BIG_TENANT, memberId: t.db.command.in(burst) })
        .limit(1000)
        .get()
    ).data as { _id: string }[]
    const started = performance.now()
    const samples = await Promise.all(
      bindings.map(async (binding) => {
        const at = performance.now()
        await t.gateway(
          'meetings',
          { action: 'checkIn', data: { meetingId: 'mt_bench_burst', token: code.data.token } },
          binding._id,
        )
        return performance.now() - at
      }),
    )
    const burstMs = performance.now() - started
    const recorded = (
      (await t.db.collection('meeting_attendance').where({ meetingId: 'mt_bench_burst' }).count()) as { total: number }
    ).total
    return [
      {
        name: 'meetings.checkIn burst: check-ins recorded',
        value: recorded,
        unit: 'count',
        budget: { min: bindings.length },
      },
      {
        name: 'meetings.checkIn burst: duplicates',
        value: recorded - new Set(bindings).size + (recorded > bindings.length ? recorded - bindings.length : 0),
        unit: 'count',
        budget: { max: 0 },
      },
      { name: 'meetings.checkIn burst of 500: wall time', value: round(burstMs), unit: 'ms', budget: { max: 10_000 } },
      { name: 'meetings.checkIn burst of 500: p95', value: round(percentile(samples, 95)), unit: 'ms' },
    ]
  } finally {
    await t.stop()
  }
}
