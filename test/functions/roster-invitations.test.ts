import { as, type DemoEmulator, startDemoEmulator } from './helpers/demo'

let t: DemoEmulator
let started: number
beforeAll(async () => {
  t = await startDemoEmulator()
  started = t.emu.clock.now()
})
afterAll(() => t.stop())
afterEach(() => t.emu.clock.set(started))

interface Invitation {
  code: string
  path: string
  expiresAt: number
}

let seq = 0
async function invite(name = '陈晓东'): Promise<{ memberId: string; invitation: Invitation }> {
  const added = await t.call(as.secretary, 'roster', 'addMember', {
    branchId: 'org_b_shiyan',
    name,
    groupId: 'org_b_shiyan_g2',
    memberType: 'formal',
    probationEndsOn: null,
    joinedOn: '2012-07-01',
    committeePosition: null,
    phone: `1370000${String(seq++).padStart(4, '0')}`,
  })
  if (!added.ok) throw new Error(JSON.stringify(added.error))
  const invitation = await t.call(as.secretary, 'roster', 'createInvitation', { memberId: added.data.id })
  if (!invitation.ok) throw new Error(JSON.stringify(invitation.error))
  return { memberId: added.data.id, invitation: invitation.data }
}

const code = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error?.code)

describe('invitations', () => {
  it('lets a new WeChat user see a masked name, confirm the real one, and become that member', async () => {
    const { memberId, invitation } = await invite('陈晓东')
    expect(invitation.path).toBe(`subpackages/roster/pages/join/index?code=${invitation.code}`)

    const seen = await t.call(as.unbound, 'roster', 'inspectInvitation', { code: invitation.code })
    expect(seen).toMatchObject({ ok: true, data: { maskedName: '陈*东', branchName: '实验小学党支部' } })

    const accepted = await t.call('o_new_wechat_1', 'roster', 'acceptInvitation', {
      code: invitation.code,
      name: '陈 晓东',
    })
    expect(accepted).toMatchObject({ ok: true, data: { memberId, name: '陈晓东', roles: ['member'] } })
    expect(await t.call('o_new_wechat_1', 'roster', 'me')).toMatchObject({ ok: true, data: { memberId } })
  })

  it('renders an open invitation as a 小程序码 whose scene is the code', async () => {
    const { invitation } = await invite('许春梅')
    const qr = await t.call(as.secretary, 'roster', 'invitationQrCode', { code: invitation.code })
    if (!qr.ok) throw new Error(JSON.stringify(qr.error))
    const png = Buffer.from(await (await fetch(qr.data.url)).arrayBuffer())
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    const sent = (await t.emu.outbox()).filter((entry) => entry.apiName === 'wxacode.getUnlimited')
    expect(sent.at(-1)?.params).toMatchObject({ scene: invitation.code, page: 'subpackages/roster/pages/join/index' })
    expect(code(await t.call(as.committee, 'roster', 'invitationQrCode', { code: invitation.code }))).toBe(
      'AUTH.FORBIDDEN',
    )
  })

  it('refuses a wrong name without using up the invitation', async () => {
    const { invitation } = await invite('林海燕')
    const wrong = await t.call('o_new_wechat_2', 'roster', 'acceptInvitation', { code: invitation.code, name: '林海' })
    expect(code(wrong)).toBe('INVITATION.NAME_MISMATCH')
    const right = await t.call('o_new_wechat_2', 'roster', 'acceptInvitation', {
      code: invitation.code,
      name: '林海燕',
    })
    expect(code(right)).toBe('ok')
  })

  it('is single-use: a replay by anyone else is refused and binds nothing', async () => {
    const { invitation } = await invite('郭文博')
    expect(
      code(await t.call('o_new_wechat_3', 'roster', 'acceptInvitation', { code: invitation.code, name: '郭文博' })),
    ).toBe('ok')
    const replay = await t.call('o_new_wechat_4', 'roster', 'acceptInvitation', {
      code: invitation.code,
      name: '郭文博',
    })
    expect(code(replay)).toBe('INVITATION.USED')
    expect(code(await t.call('o_new_wechat_4', 'roster', 'me'))).toBe('AUTH.NOT_BOUND')
  })

  it('lets only one of two racing accepts win', async () => {
    const { invitation } = await invite('何立新')
    const results = await Promise.all(
      ['o_race_a', 'o_race_b'].map((openid) =>
        t.call(openid, 'roster', 'acceptInvitation', { code: invitation.code, name: '何立新' }),
      ),
    )
    expect(results.map(code).sort()).toEqual(['INVITATION.USED', 'ok'])
    const bindings = (await t.db
      .collection('bindings')
      .where({ _id: t.db.command.in(['o_race_a', 'o_race_b']) })
      .get()) as {
      data: unknown[]
    }
    expect(bindings.data).toHaveLength(1)
  })

  it('expires after 7 days', async () => {
    const { invitation } = await invite('马玉兰')
    t.emu.clock.set(invitation.expiresAt + 1)
    expect(code(await t.call(as.unbound, 'roster', 'inspectInvitation', { code: invitation.code }))).toBe(
      'INVITATION.EXPIRED',
    )
    expect(code(await t.call('o_late', 'roster', 'acceptInvitation', { code: invitation.code, name: '马玉兰' }))).toBe(
      'INVITATION.EXPIRED',
    )
  })

  it('can be found again from the member, and revoked by the secretary, and then refuses', async () => {
    const { memberId, invitation } = await invite('罗明辉')
    const open = await t.call(as.secretary, 'roster', 'memberInvitations', { memberId })
    expect(open.ok && open.data.items.map((i) => i.code)).toEqual([invitation.code])
    expect(code(await t.call(as.secretary, 'roster', 'revokeInvitation', { code: invitation.code }))).toBe('ok')
    expect(
      code(await t.call('o_revoked', 'roster', 'acceptInvitation', { code: invitation.code, name: '罗明辉' })),
    ).toBe('INVITATION.REVOKED')
    const after = await t.call(as.secretary, 'roster', 'memberInvitations', { memberId })
    expect(after.ok && after.data.items).toEqual([])
  })

  it('refuses a WeChat user who is already bound, and a member who already has a WeChat', async () => {
    const { invitation } = await invite('梁振华')
    expect(code(await t.call(as.member, 'roster', 'acceptInvitation', { code: invitation.code, name: '梁振华' }))).toBe(
      'AUTH.ALREADY_BOUND',
    )
    expect(code(await t.call(as.secretary, 'roster', 'createInvitation', { memberId: 'm_shiyan_06' }))).toBe(
      'INVITATION.MEMBER_BOUND',
    )
  })

  it.each(['short', 'xxxxxxxxxxxxxxx!', 'AAAAAAAAAAAAAAAA'])(
    'answers a bad or unknown code %j with a coded refusal',
    async (bad) => {
      const result = await t.call(as.unbound, 'roster', 'inspectInvitation', { code: bad })
      expect(['INPUT.INVALID', 'INVITATION.NOT_FOUND']).toContain(code(result))
    },
  )

  it('locks after 5 wrong names: even the right one is then refused, and the secretary sees the lock', async () => {
    const { memberId, invitation } = await invite('宋雨晴')
    const attempt = (name: string) => t.call('o_guesser', 'roster', 'acceptInvitation', { code: invitation.code, name })
    for (const [i, guess] of ['宋雨', '宋晴', '宋雨青', '宋玉晴'].entries()) {
      expect(await attempt(guess)).toMatchObject({
        ok: false,
        error: { code: 'INVITATION.NAME_MISMATCH', message: `姓名与邀请不符，还可尝试${4 - i}次` },
      })
    }
    t.advance(60_000) // the lock is the newest entry of the audit log
    expect(code(await attempt('宋语晴'))).toBe('INVITATION.LOCKED')
    expect(code(await attempt('宋雨晴'))).toBe('INVITATION.LOCKED')
    expect(code(await t.call(as.unbound, 'roster', 'inspectInvitation', { code: invitation.code }))).toBe(
      'INVITATION.LOCKED',
    )
    expect(code(await t.call('o_guesser', 'roster', 'me'))).toBe('AUTH.NOT_BOUND')
    const seen = await t.callOk(as.secretary, 'roster', 'memberInvitations', { memberId })
    expect(seen).toMatchObject({ items: [], locked: [{ code: invitation.code, wrongNames: 5 }] })
    const roster = await t.callOk(as.secretary, 'roster', 'listMembers', {
      branchId: 'org_b_shiyan',
      pageSize: 50,
      search: '宋雨晴',
    })
    expect(roster.items).toEqual([expect.objectContaining({ id: memberId, invitationLocked: true })])
    const log = await t.callOk(as.bureau, 'roster', 'auditLog', { pageSize: 10 })
    expect(log.items.find((item) => item.action === 'roster.invitationLocked')).toMatchObject({
      actorName: '系统',
      targetId: memberId,
    })
    // A fresh invitation after the secretary checked with the member works.
    const again = await t.callOk(as.secretary, 'roster', 'createInvitation', { memberId })
    expect(code(await t.call('o_songyuqing', 'roster', 'acceptInvitation', { code: again.code, name: '宋雨晴' }))).toBe(
      'ok',
    )
  })

  it('a retried tap (same request id) answers the invitation the first try made: one code, one audit', async () => {
    const { memberId } = await invite('周立言')
    const audits = () => t.count('audit_log', { action: 'roster.createInvitation', targetId: memberId })
    const tries = await Promise.all(
      Array.from({ length: 4 }, () =>
        t.callOk(as.secretary, 'roster', 'createInvitation', { memberId, requestId: 'r-invite-once' }),
      ),
    )
    expect(new Set(tries.map((made) => made.code)).size).toBe(1)
    const later = await t.callOk(as.secretary, 'roster', 'createInvitation', { memberId, requestId: 'r-invite-once' })
    expect(later.code).toBe(tries[0].code)
    // invite() made one without a request id; the retried tap made exactly one more.
    expect(await t.count('invitations', { memberId, status: 'open' })).toBe(2)
    expect(await audits()).toBe(2)
    // A new tap is a new intent: a new code.
    const next = await t.callOk(as.secretary, 'roster', 'createInvitation', { memberId, requestId: 'r-invite-next' })
    expect(next.code).not.toBe(tries[0].code)
    expect(next.code).toMatch(/^[A-Za-z0-9]{16}$/)
  })

  it('binds one WeChat per member when two of its invitations are accepted at once', async () => {
    for (const name of ['钱立群', '孙建平', '李雪梅', '周晓光']) {
      const { memberId, invitation: first } = await invite(name)
      const second = await t.callOk(as.secretary, 'roster', 'createInvitation', { memberId })
      const openids = [`o_twin_a_${memberId}`, `o_twin_b_${memberId}`]
      const results = await Promise.all(
        [first.code, second.code].map((c, i) => t.call(openids[i], 'roster', 'acceptInvitation', { code: c, name })),
      )
      expect(results.map(code).sort()).toEqual(['INVITATION.MEMBER_BOUND', 'ok'])
      expect(await t.count('bindings', { memberId })).toBe(1)
      const loser = openids[results.findIndex((result) => !result.ok)]
      expect(code(await t.call(loser, 'roster', 'me'))).toBe('AUTH.NOT_BOUND')
    }
  })
})

describe('解除绑定', () => {
  it('a secretary removes a member’s WeChat with a reason (audited); the member can be invited to bind again', async () => {
    const { memberId, invitation } = await invite('赵国强')
    await t.callOk('o_old_phone', 'roster', 'acceptInvitation', { code: invitation.code, name: '赵国强' })
    expect(code(await t.call(as.committee, 'roster', 'unbindMember', { memberId, reason: '更换手机' }))).toBe(
      'AUTH.FORBIDDEN',
    )
    expect(code(await t.call('o_old_phone', 'roster', 'me'))).toBe('ok')
    t.advance(60_000) // the unbinding is the newest entry of the audit log
    const row = await t.callOk(as.secretary, 'roster', 'unbindMember', { memberId, reason: '更换手机号和微信' })
    expect(row).toMatchObject({ id: memberId, bound: false })
    expect(code(await t.call('o_old_phone', 'roster', 'me'))).toBe('AUTH.NOT_BOUND')
    expect(code(await t.call(as.secretary, 'roster', 'unbindMember', { memberId, reason: '再解除一次' }))).toBe(
      'ROSTER.NOT_BOUND',
    )
    const log = await t.callOk(as.bureau, 'roster', 'auditLog', { pageSize: 10 })
    expect(log.items.find((item) => item.action === 'roster.unbindMember')).toMatchObject({
      targetId: memberId,
      summary: '解除 赵国强 的微信绑定：更换手机号和微信',
    })
    const fresh = await t.callOk(as.secretary, 'roster', 'createInvitation', { memberId })
    expect(code(await t.call('o_new_phone', 'roster', 'acceptInvitation', { code: fresh.code, name: '赵国强' }))).toBe(
      'ok',
    )
  })

  it('a member holding a grant above the branch is unbound, deactivated or moved only by bureau staff', async () => {
    const { memberId, invitation } = await invite('冯志远')
    await t.callOk('o_instructor_2', 'roster', 'acceptInvitation', { code: invitation.code, name: '冯志远' })
    await t.db
      .collection('members')
      .doc(memberId)
      .update({ data: { grants: [{ role: 'instructor', orgIds: ['org_b_shanqu'] }] } })
    const refused = [
      await t.call(as.secretary, 'roster', 'unbindMember', { memberId, reason: '更换微信' }),
      await t.call(as.secretary, 'roster', 'deactivateMember', { memberId, reason: '调离本县' }),
      await t.call(as.secretary, 'roster', 'transferMember', { memberId, toBranchId: 'org_b_chengguan' }),
    ]
    expect(refused.map(code)).toEqual(['ROSTER.HIGHER_GRANT', 'ROSTER.HIGHER_GRANT', 'ROSTER.HIGHER_GRANT'])
    expect(await t.count('members', { _id: memberId, status: 'active', branchId: 'org_b_shiyan' })).toBe(1)
    expect(await t.count('bindings', { memberId })).toBe(1)
    expect(code(await t.call(as.bureau, 'roster', 'unbindMember', { memberId, reason: '更换微信' }))).toBe('ok')
  })
})
