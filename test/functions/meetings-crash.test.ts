// Crash windows of attendance (issue #11 §7). A roll row and the points fact it owes are written in
// one document write (the row's `pendingEvent`); the fact is then recorded and the mark cleared, so a
// crash at any point is repaired by the next reminder run. First the windows one at a time, as a
// crashed handler leaves them; then kill -9 of the emulator in the middle of a burst of hand
// corrections, a restart on the same data, the close and the points timer: every row has its fact,
// and every member's points for the meeting are what their final attendance pays.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EJSON } from 'bson'
import { seedDemo } from '../../scripts/seed/seed'
import type { DomainEvent } from '../../types/events'
import type { AttendanceDoc } from '../../types/meetings'
import type { LedgerEntry } from '../../types/points'
import { exited, killMidBurst, spawnCli, tcb } from './helpers/cli-process'
import { as, BUILT_FUNCTIONS, type DemoEmulator, startDemoEmulator } from './helpers/demo'
import { startTestEmulator } from './helpers/emulator'

jest.setTimeout(120_000)

const HOUR = 3_600_000
const MIN = 60_000
/** What the default points rules pay for each attendance fact. */
const PAYS = { present: 3, absent: -2 } as const

describe('each window, as a crashed handler leaves it', () => {
  let t: DemoEmulator
  const at = (iso: string) => new Date(`${iso}+08:00`).getTime()
  const NOW = at('2026-05-12T09:00:00')
  let meetingId: string

  beforeAll(async () => {
    // This month's points only: with the lived year the members' 按时参加组织生活 would be at its yearly cap.
    t = await startDemoEmulator({ at: NOW, history: false })
    ;[meetingId] = (
      await t.callOk(as.secretary, 'meetings', 'schedule', {
        branchId: 'org_b_shiyan',
        meeting: {
          type: 'lecture',
          title: '党课：宕机窗口',
          startsAt: NOW + HOUR,
          endsAt: NOW + 2 * HOUR,
          place: '会议室',
        },
      })
    ).ids
  }, 60_000)
  afterAll(() => t.stop())

  const row = async (memberId: string) =>
    (
      (await t.db
        .collection('meeting_attendance')
        .where({ _id: `${meetingId}:${memberId}` })
        .get()) as unknown as {
        data: AttendanceDoc[]
      }
    ).data[0]
  const event = async (kind: string, memberId: string) =>
    (
      (await t.db
        .collection('domain_events')
        .where({ _id: `meeting.${kind}:${meetingId}:${memberId}` })
        .get()) as unknown as {
        data: DomainEvent[]
      }
    ).data[0]
  const net = async (memberId: string) =>
    (
      (await t.db
        .collection('points_ledger')
        .where({ memberId, sourceEvent: t.db.RegExp({ regexp: meetingId }) })
        .get()) as unknown as {
        data: LedgerEntry[]
      }
    ).data.reduce((sum, entry) => sum + entry.points, 0)

  it('a row written with its fact pending, the process gone before the fact: the next run records it', async () => {
    t.emu.clock.set(NOW + HOUR + 5 * MIN)
    await t.db.collection('meeting_attendance').add({
      data: {
        _id: `${meetingId}:m_shiyan_04`,
        tenantId: 't_demo',
        meetingId,
        branchId: 'org_b_shiyan',
        memberId: 'm_shiyan_04',
        status: 'present',
        via: 'code',
        at: NOW + HOUR,
        recordedBy: 'm_shiyan_04',
        pendingEvent: { correction: false, at: NOW + HOUR, payableFrom: NOW + HOUR },
      },
    })
    expect(await event('present', 'm_shiyan_04')).toBeUndefined()
    await t.emu.fireTrigger('meetings', 'remind')
    expect(await event('present', 'm_shiyan_04')).toMatchObject({ at: NOW + HOUR })
    expect((await row('m_shiyan_04')).pendingEvent).toBeUndefined()
    await t.emu.fireTrigger('points', 'settle')
    expect(await net('m_shiyan_04')).toBe(PAYS.present)
  })

  it('a correction written to the row, the process gone before the fact was re-armed: the next run settles the pair', async () => {
    await t.db
      .collection('meeting_attendance')
      .doc(`${meetingId}:m_shiyan_04`)
      .update({
        data: {
          status: 'absent',
          via: 'hand',
          recordedBy: 'm_shiyan_01',
          pendingEvent: { correction: true, at: NOW + HOUR + 6 * MIN, payableFrom: NOW + HOUR },
        },
      })
    await t.emu.fireTrigger('meetings', 'remind')
    expect(await event('absent', 'm_shiyan_04')).toMatchObject({ at: NOW + HOUR + 6 * MIN })
    await t.emu.fireTrigger('points', 'settle')
    expect(await net('m_shiyan_04')).toBe(PAYS.absent)
  })

  it('a correction back to an earlier status re-arms its fact in one write: revision up, pending again', async () => {
    t.emu.clock.set(NOW + HOUR + 10 * MIN)
    const before = await event('present', 'm_shiyan_04')
    expect(before.processedAt).toBeDefined()
    await t.callOk(as.secretary, 'meetings', 'markAttendance', {
      meetingId,
      marks: [{ memberId: 'm_shiyan_04', status: 'present' }],
    })
    const rearmed = await event('present', 'm_shiyan_04')
    expect(rearmed).toMatchObject({ revision: (before.revision ?? 0) + 1, at: NOW + HOUR + 10 * MIN })
    expect(rearmed.processedAt).toBeUndefined()
    await t.emu.fireTrigger('points', 'settle')
    expect(await net('m_shiyan_04')).toBe(PAYS.present)
  })
})

describe('kill -9 during a burst of corrections', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'emu-meetings-crash-'))
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))
  const args = ['--port', '0', '--data', dataDir, '--functions', BUILT_FUNCTIONS, '--workers', '4']
  const SECRETARY = 'o_demo_m_zhizhong_01'

  async function call(url: string, openid: string, fn: string, action: string, data: unknown) {
    const res = await fetch(`${url}/api/functions/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
      body: JSON.stringify({ action, data }),
    })
    return (await res.json()) as { ok: boolean; data?: unknown; error?: { code: string } }
  }
  const admin = async (url: string, path: string, body?: unknown) =>
    (await (
      await fetch(`${url}/api/_emulator/${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
    ).json()) as Record<string, unknown>

  test('every roll row has its fact and every member’s points match their final attendance', async () => {
    const seeded = await startTestEmulator({ functionsDir: BUILT_FUNCTIONS, dataDir, keepData: true })
    // This month's points only: with the lived year the members' meeting points would be at their yearly cap.
    await seedDemo(seeded.emu.sdkEnv, seeded.emu.clock.now(), { history: false })
    await seeded.stop()

    const first = await spawnCli(args)
    const now = Number((await admin(first.url, 'health')).now)
    const scheduled = await call(first.url, SECRETARY, 'meetings', 'schedule', {
      branchId: 'org_b_zhizhong',
      meeting: {
        type: 'study',
        title: '集中学习：压力测试',
        startsAt: now + 5 * MIN,
        endsAt: now + HOUR,
        place: '报告厅',
      },
    })
    const meetingId = (scheduled.data as { ids: string[] }).ids[0]
    const members = [
      'm_zhizhong_02',
      'm_zhizhong_03',
      'm_zhizhong_04',
      'm_zhizhong_05',
      'm_zhizhong_06',
      'm_zhizhong_07',
    ]
    const acked = await killMidBurst(first, {
      writers: members.length,
      ackedAtLeast: 36,
      write: async (w, i) => {
        const status = i % 2 === 0 ? 'absent' : 'present'
        const reply = await call(first.url, SECRETARY, 'meetings', 'markAttendance', {
          meetingId,
          marks: [{ memberId: members[w], status }],
        })
        return reply.ok ? `${members[w]}:${status}:${i}` : null
      },
    })
    expect(acked.length).toBeGreaterThanOrEqual(36)

    const second = await spawnCli(args)
    try {
      const read = async <T>(collection: string, where: Record<string, unknown>) => {
        const res = await fetch(`${second.url}/tcb?env=local`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            action: 'database.getDocument',
            collectionName: collection,
            queryType: 'WHERE',
            query: JSON.stringify(where),
            limit: 1000,
          }),
        })
        const body = (await res.json()) as { data: { list: string[] } }
        return body.data.list.map((doc) => EJSON.parse(doc) as T)
      }
      const pendingAfterKill = (await read<AttendanceDoc>('meeting_attendance', { meetingId })).filter(
        (row) => row.pendingEvent,
      ).length
      // Past the end: the reminder run closes the meeting and settles what the crash left pending.
      await admin(second.url, 'clock', { now: now + HOUR + MIN })
      await admin(second.url, 'triggers/meetings/remind', {})
      for (let run = 0; run < 3; run++) await admin(second.url, 'triggers/points/settle', {})

      const rows = await read<AttendanceDoc>('meeting_attendance', { meetingId })
      expect(rows.filter((row) => row.pendingEvent)).toEqual([])
      expect(rows).toHaveLength(8) // the six corrected, and the two never marked closed as absent
      const events = new Set((await read<DomainEvent>('domain_events', { sourceId: meetingId })).map((e) => e._id))
      const ledger = await read<LedgerEntry>('points_ledger', { sourceEvent: { $regex: meetingId } })
      for (const row of rows) {
        const status = row.status as keyof typeof PAYS
        expect([row.memberId, events.has(`meeting.${status}:${meetingId}:${row.memberId}`)]).toEqual([
          row.memberId,
          true,
        ])
        const net = ledger
          .filter((entry) => entry.memberId === row.memberId)
          .reduce((sum, entry) => sum + entry.points, 0)
        expect([row.memberId, status, net]).toEqual([row.memberId, status, PAYS[status]])
      }
      console.log(
        `meetings crash: ${acked.length} corrections acknowledged before kill -9, ${pendingAfterKill} rows left with their fact pending; every row settled`,
      )
    } finally {
      second.child.kill('SIGKILL')
      await exited(second.child)
    }
  })
})

describe('kill -9 while the reminder run closes ended meetings', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'emu-meetings-close-crash-'))
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))
  const args = ['--port', '0', '--data', dataDir, '--functions', BUILT_FUNCTIONS, '--workers', '2']
  const SECRETARY = 'o_demo_m_zhizhong_01'
  const MEETINGS = 30

  const post = async (url: string, path: string, body: unknown, openid?: string) =>
    (await (
      await fetch(`${url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(openid && { 'x-wx-openid': openid }) },
        body: JSON.stringify(body),
      })
    ).json()) as Record<string, unknown>
  const read = async <T>(url: string, collection: string, where: Record<string, unknown>) => {
    const body = (await tcb(url, {
      action: 'database.getDocument',
      collectionName: collection,
      queryType: 'WHERE',
      query: JSON.stringify(where),
      limit: 1000,
    })) as { data: { list: string[] } }
    return body.data.list.map((doc) => EJSON.parse(doc) as T)
  }

  test('every absentee of every closed meeting has one row and one fact, paid once', async () => {
    const seeded = await startTestEmulator({ functionsDir: BUILT_FUNCTIONS, dataDir, keepData: true })
    await seedDemo(seeded.emu.sdkEnv, seeded.emu.clock.now(), { history: false })
    await seeded.stop()

    const first = await spawnCli(args)
    const now = Number(((await (await fetch(`${first.url}/api/_emulator/health`)).json()) as { now: number }).now)
    const meetingIds: string[] = []
    for (let i = 0; i < MEETINGS; i++) {
      const reply = (await post(
        first.url,
        '/api/functions/meetings',
        {
          action: 'schedule',
          data: {
            branchId: 'org_b_zhizhong',
            meeting: {
              type: 'lecture',
              title: `党课：关闭窗口 ${i + 1}`,
              startsAt: now + 10 * MIN + i * MIN,
              endsAt: now + HOUR + i * MIN,
              place: '报告厅',
            },
          },
        },
        SECRETARY,
      )) as { ok: boolean; data: { ids: string[] } }
      expect(reply.ok).toBe(true)
      meetingIds.push(...reply.data.ids)
    }
    // Every meeting over: the next reminder run closes them, writing each absentee's row and fact.
    await post(first.url, '/api/_emulator/clock', { now: now + 2 * HOUR })
    const run = post(first.url, '/api/_emulator/triggers/meetings/remind', {}).catch(() => null)
    // kill -9 as soon as the close has begun writing rows.
    while ((await read(first.url, 'meeting_attendance', { meetingId: { $in: meetingIds } })).length === 0)
      await new Promise((r) => setTimeout(r, 5))
    first.child.kill('SIGKILL')
    await exited(first.child)
    await run

    const second = await spawnCli(args)
    try {
      const closedAfterKill = (
        await read<{ closedAt: number | null }>(second.url, 'meetings', {
          _id: { $in: meetingIds },
        })
      ).filter((meeting) => meeting.closedAt !== null).length
      expect(closedAfterKill).toBeLessThan(MEETINGS) // the kill landed inside the close
      await post(second.url, '/api/_emulator/clock', { now: now + 2 * HOUR + 5 * MIN })
      await post(second.url, '/api/_emulator/triggers/meetings/remind', {})
      for (let i = 0; i < 3; i++) await post(second.url, '/api/_emulator/triggers/points/settle', {})

      const meetings = await read<{ _id: string; closedAt: number | null; attendeeIds: string[] }>(
        second.url,
        'meetings',
        { _id: { $in: meetingIds } },
      )
      expect(meetings.filter((meeting) => meeting.closedAt === null).map((m) => m._id)).toEqual([])
      const rows = await read<AttendanceDoc>(second.url, 'meeting_attendance', { meetingId: { $in: meetingIds } })
      const expected = meetings.flatMap((meeting) => meeting.attendeeIds.map((id) => `${meeting._id}:${id}`)).sort()
      expect(rows.map((row) => row._id).sort()).toEqual(expected)
      expect(rows.filter((row) => row.pendingEvent)).toEqual([])
      const events = new Set(
        (await read<DomainEvent>(second.url, 'domain_events', { sourceId: { $in: meetingIds } })).map((e) => e._id),
      )
      for (const row of rows)
        expect([row._id, events.has(`meeting.absent:${row.meetingId}:${row.memberId}`)]).toEqual([row._id, true])
      // No fact paid twice: one ledger entry at most per event.
      const ledger = await read<LedgerEntry>(second.url, 'points_ledger', { memberId: { $regex: '^m_zhizhong_' } })
      const paid = ledger.map((entry) => entry.sourceEvent).filter((id) => id && events.has(id))
      expect(paid.length).toBe(new Set(paid).size)
      console.log(
        `meetings crash: kill -9 with ${closedAfterKill} of ${MEETINGS} meetings closed; the next run closed the rest, ${rows.length} rows, each with its fact`,
      )
    } finally {
      second.child.kill('SIGKILL')
      await exited(second.child)
    }
  })
})
