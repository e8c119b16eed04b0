// roster.setPreferences (我的 → 关怀模式) through the real SDK and router: a member's own settings only.
import { as, type DemoEmulator, startDemoEmulator } from './helpers/demo'

let t: DemoEmulator
beforeAll(async () => {
  t = await startDemoEmulator()
})
afterAll(() => t.stop())

const careOf = async (openid: string) => {
  const me = await t.call(openid, 'roster', 'me', {})
  if (!me.ok) throw new Error(`roster.me refused ${openid}: ${me.error.code}`)
  return me.data.preferences.careMode
}

test('a member who never chose sees the defaults', async () => {
  expect(await careOf(as.member)).toBe(false)
})

test('关怀模式 switched on is remembered for that member, and only for them', async () => {
  expect(await t.call(as.member, 'roster', 'setPreferences', { careMode: true })).toEqual({
    ok: true,
    data: { careMode: true },
  })
  expect(await careOf(as.member)).toBe(true)
  expect(await careOf(as.secretary)).toBe(false)
  // Switched off again, and the same tap twice changes nothing more.
  await t.call(as.member, 'roster', 'setPreferences', { careMode: false })
  await t.call(as.member, 'roster', 'setPreferences', { careMode: false })
  expect(await careOf(as.member)).toBe(false)
})

test.each(Object.entries(as).filter(([persona]) => persona !== 'unbound'))(
  'every bound persona (%s) may set their own',
  async (_, openid) => {
    expect(await t.call(openid, 'roster', 'setPreferences', { careMode: true })).toMatchObject({ ok: true })
    expect(await careOf(openid)).toBe(true)
    await t.call(openid, 'roster', 'setPreferences', { careMode: false })
  },
)

test("naming another member is refused and changes no one's settings", async () => {
  const refused = await t.callUnchecked(as.bureau, 'roster', 'setPreferences', {
    careMode: true,
    memberId: 'm_shiyan_06',
  })
  expect(refused).toMatchObject({ ok: false, error: { code: 'INPUT.INVALID' } })
  expect(await careOf(as.member)).toBe(false)
  expect(await careOf(as.bureau)).toBe(false)
})

test.each([
  ['no value', {}],
  ['a value that is not yes or no', { careMode: 'yes' }],
])('%s is refused as invalid input', async (_, input) => {
  expect(await t.callUnchecked(as.member, 'roster', 'setPreferences', input)).toMatchObject({
    ok: false,
    error: { code: 'INPUT.INVALID' },
  })
  expect(await careOf(as.member)).toBe(false)
})

test('a WeChat user nobody has bound has no settings to set', async () => {
  expect(await t.call(as.unbound, 'roster', 'setPreferences', { careMode: true })).toMatchObject({
    ok: false,
    error: { code: 'AUTH.NOT_BOUND' },
  })
})
