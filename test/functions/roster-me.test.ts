import { as, type DemoEmulator, startDemoEmulator } from './helpers/demo'

let t: DemoEmulator
beforeAll(async () => {
  t = await startDemoEmulator()
})
afterAll(() => t.stop())

describe('roster.me', () => {
  it("answers a secretary's own profile with names resolved", async () => {
    const result = await t.call(as.secretary, 'roster', 'me')
    expect(result).toEqual({
      ok: true,
      data: expect.objectContaining({
        memberId: 'm_shiyan_01',
        tenant: { id: 't_demo', name: '示例县教育局党委' },
        branch: { id: 'org_b_shiyan', name: '实验小学党支部', joint: false },
        group: { id: 'org_b_shiyan_g1', name: '低年级党小组' },
        committeePosition: 'secretary',
        roles: ['member', 'branch_secretary'],
      }),
    })
  })

  it('marks a joint branch (联合支部) and a probationary member', async () => {
    const joint = await t.call('o_demo_m_shanqu_07', 'roster', 'me')
    expect(joint.ok && joint.data.branch).toEqual({ id: 'org_b_shanqu', name: '山区学校联合支部', joint: true })
    expect(joint.ok && joint.data.memberType).toBe('probationary')
  })

  it('gives bureau staff their grant and no branch', async () => {
    const result = await t.call(as.bureau, 'roster', 'me')
    expect(result).toMatchObject({ ok: true, data: { branch: null, group: null, roles: ['bureau_staff'] } })
  })

  it.each([
    ['an unbound WeChat user', as.unbound],
    ['a call without OPENID', null],
  ])('refuses %s with AUTH.NOT_BOUND', async (_case, openid) => {
    expect(await t.call(openid, 'roster', 'me')).toMatchObject({ ok: false, error: { code: 'AUTH.NOT_BOUND' } })
  })

  it('answers INPUT.UNKNOWN_ACTION and INPUT.INVALID as coded results', async () => {
    expect(await t.callUnchecked(as.member, 'roster', 'dropEverything')).toMatchObject({
      ok: false,
      error: { code: 'INPUT.UNKNOWN_ACTION' },
    })
    expect(await t.callUnchecked(as.member, 'roster', 'me', { extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'INPUT.INVALID' },
    })
  })

  it('takes only actions and inputs of the contracts: a misspelt action does not compile (tsc checks the marked lines)', async () => {
    // @ts-expect-error 'mee' is no action of the roster function
    expect(await t.call(as.member, 'roster', 'mee')).toMatchObject({
      ok: false,
      error: { code: 'INPUT.UNKNOWN_ACTION' },
    })
    // @ts-expect-error 'rooster' is no function
    expect(await t.call(as.member, 'rooster', 'me')).toMatchObject({ code: 'FUNCTION_NOT_FOUND' })
    // @ts-expect-error getMember takes a memberId
    expect(await t.call(as.secretary, 'roster', 'getMember', { id: 'm_shiyan_06' })).toMatchObject({
      ok: false,
      error: { code: 'INPUT.INVALID' },
    })
  })

  it('ignores an OPENID claimed in the payload: identity comes from the WeChat context only', async () => {
    const result = await t.callUnchecked(as.member, 'roster', 'me', { openid: as.bureau })
    expect(result.ok).toBe(false)
    const own = await t.call(as.member, 'roster', 'me')
    expect(own.ok && own.data.roles).toEqual(['member'])
  })
})
