// The hostile caller: for EVERY action in types/api.ts (generated from the contracts, so a new action is covered
// without a new test), what an attacker sends — another tenant's ids, MongoDB operators, wrong types, huge strings
// and arrays, out-of-range numbers, unknown fields, a forged timer event or identity in the envelope — and replays
// of once-only requests. Each must answer a coded error (never SYSTEM.INTERNAL) and leave every collection of the
// database exactly as it was (a digest of each collection before and after) and send nothing.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { strayKeys } from '../../cloudfunctions/runtime/stray-keys'
import type { ActionContract } from '../../types/action'
import { api } from '../../types/api'
import { ERROR_CODES } from '../../types/errors'
import { memberDoc } from '../fixtures/member-doc'
import { as, type DemoEmulator, type Persona, startDemoEmulator } from './helpers/demo'
import { baseInput, type HostileCase, hostileCases, namesObjects, OTHER_TENANT } from './helpers/hostile-inputs'
import { triggersOf } from './helpers/triggers'

let t: DemoEmulator
const NOW = new Date('2026-05-12T09:00:00+08:00').getTime()

beforeAll(async () => {
  t = await startDemoEmulator({ at: NOW })
  await writeOtherTenant()
}, 60_000)
afterAll(() => t.stop())

/** Another tenant's documents, so an id of theirs exists: a handler must refuse it, not merely miss it. */
async function writeOtherTenant() {
  const { tenantId, branchId, groupId, memberId, meetingId, taskId, claimId, importId, code, eventId, fileID } =
    OTHER_TENANT
  const add = (collection: string, data: Record<string, unknown>) => t.db.collection(collection).add({ data })
  await add('tenants', { _id: tenantId, name: '外县教育局党委' })
  await add('orgs', {
    _id: branchId,
    tenantId,
    kind: 'branch',
    name: '外县支部',
    parentId: null,
    ancestors: [],
    order: 1,
  })
  await add('orgs', {
    _id: groupId,
    tenantId,
    kind: 'group',
    name: '外县党小组',
    parentId: branchId,
    ancestors: [branchId],
    order: 1,
  })
  await add('members', memberDoc({ _id: memberId, tenantId, name: '外县党员', branchId }, { phone: '13999999999' }))
  await add('meetings', {
    _id: meetingId,
    tenantId,
    branchId,
    type: 'lecture',
    title: '外县党课',
    startsAt: NOW + 10 * 60_000,
    endsAt: NOW + 7_200_000,
    place: '外县',
    status: 'scheduled',
    attendeeIds: [memberId],
    remindersDone: [],
    closedAt: null,
    minutes: null,
  })
  await add('study_tasks', { _id: taskId, tenantId, title: '外县学习', branchIds: [branchId], dueOn: '2026-05-30' })
  await add('points_claims', { _id: claimId, tenantId, memberId, branchId, status: 'pending', ruleKey: 'volunteer' })
  await add('imports', { _id: importId, tenantId, createdBy: memberId, fileID, branchId, status: 'previewed' })
  await add('points_imports', { _id: importId, tenantId, createdBy: memberId, fileID, branchId, status: 'previewed' })
  // Used already: an unbound WeChat holding the code is refused for that, a manager of this tenant for the tenant.
  await add('invitations', {
    _id: code,
    tenantId,
    memberId,
    status: 'used',
    createdAt: NOW,
    expiresAt: NOW + 86_400_000,
  })
  await add('domain_events', { _id: eventId, tenantId, kind: 'study.checkin', memberId, sourceId: taskId, at: NOW })
}

/** The most capable persona the action admits (the attack gets past the role check to the input and the handler). */
function callerFor(contract: ActionContract): Persona {
  if (contract.roles === 'anyone') return 'unbound'
  if (contract.roles === 'server') return 'bureau'
  const order: [Persona, string][] = [
    ['bureau', 'bureau_staff'],
    ['secretary', 'branch_secretary'],
    ['gbSecretary', 'general_branch_secretary'],
    ['instructor', 'instructor'],
    ['committee', 'branch_committee'],
    ['member', 'member'],
  ]
  return order.find(([, role]) => (contract.roles as readonly string[]).includes(role))?.[0] ?? 'member'
}

/** Whether the router would take the input as it is: then only the handler can refuse it. */
function contractAccepts(contract: ActionContract, data: unknown): boolean {
  const parsed = contract.input.safeParse(data ?? {})
  return parsed.success && strayKeys(data ?? {}, parsed.data).length === 0
}

const actions = Object.entries(api).flatMap(([fn, group]) =>
  Object.entries(group as Record<string, ActionContract>).map(([action, contract]) => [fn, action, contract] as const),
)

/** Runs the cases a few at a time (the emulator has two workers), keeping each one's answer. */
async function answers(fn: string, action: string, openid: string | null, cases: HostileCase[]) {
  const out: { label: string; status: number; body: unknown }[] = []
  for (let i = 0; i < cases.length; i += 4) {
    const batch = cases.slice(i, i + 4)
    out.push(
      ...(await Promise.all(
        batch.map(async ({ label, data }) => ({
          label,
          ...(await t.gateway(fn, { action, data }, openid ?? undefined)),
        })),
      )),
    )
  }
  return out
}

/** The answer is a refusal the client can show: a known code, not a crash. */
function refusal(answer: { status: number; body: unknown }): string {
  const body = answer.body as { ok?: boolean; error?: { code?: string } }
  if (answer.status !== 200) return `HTTP ${answer.status}`
  if (body.ok !== false) return 'ok'
  const code = body.error?.code ?? 'no code'
  if (code === 'SYSTEM.INTERNAL' || !ERROR_CODES.includes(code as never)) return code
  return 'refused'
}

it('covers every action of the catalogue (docs/api.md), server-only ones included', () => {
  const catalogue = readFileSync(join(__dirname, '..', '..', 'docs', 'api.md'), 'utf8').match(/^### `[^`]+`$/gm) ?? []
  expect(actions.map(([fn, action]) => `### \`${fn}.${action}\``).sort()).toEqual([...catalogue].sort())
  expect(actions.length).toBeGreaterThan(200)
  for (const [, , contract] of actions) expect(hostileCases(contract).length).toBeGreaterThan(3)
})

describe.each(actions)('%s.%s', (fn, action, contract) => {
  it('refuses every hostile input with a coded error and writes nothing', async () => {
    const persona = callerFor(contract)
    // An input naming another tenant's objects must be refused whatever else it holds; an action that names
    // none (its own tenant only) must refuse what its contract does not take.
    const cases = hostileCases(contract).filter(
      ({ data }) => namesObjects(contract) || !contractAccepts(contract, data),
    )
    if (namesObjects(contract)) cases.push({ label: 'another tenant’s ids', data: baseInput(contract) })
    const before = await t.emu.snapshot()
    const outbox = (await t.emu.outbox()).length
    const results = await answers(fn, action, as[persona], cases)
    const wrong = results.filter((answer) => refusal(answer) !== 'refused').map((a) => `${a.label} → ${refusal(a)}`)
    expect(wrong).toEqual([])
    expect(await t.emu.snapshot()).toEqual(before)
    expect((await t.emu.outbox()).length).toBe(outbox)
  })

  it('takes nobody’s word for who is calling: a forged envelope from an unbound WeChat is refused', async () => {
    const before = await t.emu.snapshot()
    const forged = {
      action,
      data: baseInput(contract),
      Type: 'Timer',
      // The function's own timer where it has one: the envelope names it and still cannot reach it.
      TriggerName: triggersOf(fn)[0] ?? 'settle',
      OPENID: as.bureau,
      SOURCE: 'wx_client,scf',
      userInfo: { appId: 'wxlocalappid00000', openId: as.bureau },
    }
    const res = await t.gateway(fn, forged, as.unbound)
    expect(refusal(res)).toBe('refused')
    expect(await t.emu.snapshot()).toEqual(before)
  })
})

describe('replays of once-only requests', () => {
  /**
   * Each row: the first request (done once, as the persona it names), then its replay and what the replay must
   * answer — a coded refusal, or (an idempotent retry) ok — with every collection as the first request left it.
   */
  type Replay = [
    label: string,
    answer: string,
    first: () => Promise<{ openid: string; fn: string; action: string; data: unknown }>,
  ]
  const HOUR = 3_600_000
  let seq = 0
  const freshMember = async () =>
    (
      await t.callOk(as.secretary, 'roster', 'addMember', {
        branchId: 'org_b_shiyan',
        name: '重放测试',
        groupId: null,
        memberType: 'formal',
        probationEndsOn: null,
        joinedOn: '2015-07-01',
        committeePosition: null,
        phone: `1376666${String(seq++).padStart(4, '0')}`,
      })
    ).id
  const meeting = async () =>
    (
      await t.callOk(as.secretary, 'meetings', 'schedule', {
        branchId: 'org_b_shiyan',
        meeting: {
          type: 'lecture',
          title: '重放测试',
          startsAt: NOW + 10 * 60_000,
          endsAt: NOW + 2 * HOUR,
          place: '会议室',
        },
      })
    ).ids[0]
  const replays: Replay[] = [
    [
      'a hand award with its request id',
      'ok',
      async () => ({
        openid: as.bureau,
        fn: 'points',
        action: 'award',
        data: {
          memberId: 'm_shiyan_05',
          ruleKey: 'manual_bonus',
          points: 1,
          reason: '重放测试',
          requestId: 'replay-award',
        },
      }),
    ],
    [
      'accepting an invitation',
      'AUTH.ALREADY_BOUND',
      async () => {
        const invitation = await t.callOk(as.secretary, 'roster', 'createInvitation', { memberId: await freshMember() })
        return {
          openid: 'o_replay_wechat',
          fn: 'roster',
          action: 'acceptInvitation',
          data: { code: invitation.code, name: '重放测试' },
        }
      },
    ],
    [
      'revoking an invitation',
      'ok',
      async () => {
        const invitation = await t.callOk(as.secretary, 'roster', 'createInvitation', { memberId: await freshMember() })
        return { openid: as.secretary, fn: 'roster', action: 'revokeInvitation', data: { code: invitation.code } }
      },
    ],
    [
      'unbinding a WeChat',
      'ROSTER.NOT_BOUND',
      async () => {
        const memberId = await freshMember()
        const invitation = await t.callOk(as.secretary, 'roster', 'createInvitation', { memberId })
        await t.callOk('o_replay_unbind', 'roster', 'acceptInvitation', { code: invitation.code, name: '重放测试' })
        return { openid: as.secretary, fn: 'roster', action: 'unbindMember', data: { memberId, reason: '更换微信' } }
      },
    ],
    [
      'erasing a departed member’s personal data',
      'ok',
      async () => {
        const memberId = await freshMember()
        await t.callOk(as.secretary, 'roster', 'deactivateMember', { memberId, reason: '调出本县' })
        return { openid: as.bureau, fn: 'roster', action: 'erasePersonalData', data: { memberId, reason: '本人申请' } }
      },
    ],
    [
      'deciding a claim',
      'POINTS.CLAIM_DECIDED',
      async () => {
        const claim = await t.callOk(as.member, 'points', 'submitClaim', {
          ruleKey: 'volunteer',
          note: '参加社区志愿服务',
        })
        return { openid: as.secretary, fn: 'points', action: 'reviewClaim', data: { claimId: claim.id, approve: true } }
      },
    ],
    [
      'deciding a leave',
      'MEETING.LEAVE_DECIDED',
      async () => {
        const meetingId = await meeting()
        await t.callOk(as.member, 'meetings', 'requestLeave', { meetingId, reason: '外出培训' })
        return {
          openid: as.secretary,
          fn: 'meetings',
          action: 'decideLeave',
          data: { meetingId, memberId: 'm_shiyan_06', approve: true },
        }
      },
    ],
    [
      'checking in to a meeting',
      'ok',
      async () => {
        const meetingId = await meeting()
        const code = await t.callOk(as.secretary, 'meetings', 'checkInCode', { meetingId })
        return { openid: as.member, fn: 'meetings', action: 'checkIn', data: { meetingId, token: code.token } }
      },
    ],
    [
      'checking in to a study task',
      'STUDY.ALREADY_CHECKED_IN',
      async () => {
        const task = await t.callOk(as.secretary, 'study', 'publishTask', {
          title: '重放测试学习',
          content: { text: '学习党章' },
          startsOn: '2026-05-12',
          dueOn: '2026-05-20',
        })
        return {
          openid: as.member,
          fn: 'study',
          action: 'checkIn',
          data: { taskId: task.id, note: '认真学习了党章，明确了党员的义务。' },
        }
      },
    ],
    [
      'recording a 党费 payment with its request id',
      'ok',
      async () => ({
        openid: as.secretary,
        fn: 'lifecycle',
        action: 'recordDuesPayment',
        data: {
          requestId: 'replay-dues-payment',
          memberId: 'm_shiyan_06',
          months: ['2026-05'],
          method: 'cash',
          reference: '',
          paidOn: '2026-05-12',
        },
      }),
    ],
    [
      'recording a 减免 with its request id',
      'ok',
      async () => ({
        openid: as.secretary,
        fn: 'lifecycle',
        action: 'setDuesReduction',
        data: {
          requestId: 'replay-dues-reduction',
          memberId: 'm_shiyan_07',
          fromMonth: '2026-05',
          toMonth: '2026-05',
          monthlyFen: 0,
          decision: '支委会研究决定',
          decidedOn: '2026-05-10',
        },
      }),
    ],
    [
      'issuing a transfer letter with its request id',
      'ok',
      async () => ({
        openid: as.secretary,
        fn: 'lifecycle',
        action: 'issueTransferLetter',
        data: {
          requestId: 'replay-transfer',
          memberId: await freshMember(),
          letterNo: '重放2026-001',
          destination: '外县教育局党委',
          issuedOn: '2026-05-12',
          validDays: 30,
        },
      }),
    ],
  ]

  it.each(replays)('%s: the replay answers %s and writes nothing', async (_label, answer, first) => {
    const { openid, fn, action, data } = await first()
    const original = await t.gateway(fn, { action, data }, openid)
    expect(original.body).toMatchObject({ ok: true })
    const before = await t.emu.snapshot()
    const replay = await t.gateway(fn, { action, data }, openid)
    const body = replay.body as { ok: boolean; error?: { code: string } }
    expect(body.ok ? 'ok' : body.error?.code).toBe(answer)
    expect(await t.emu.snapshot()).toEqual(before)
  })
})
