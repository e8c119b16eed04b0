// 外部积分折算 through the real SDK, as the conversions page calls it: bureau staff set and change one
// conversion per rule; bad input comes back as INPUT.INVALID issues on the form's fields, in Chinese.
import { as, type DemoEmulator, startDemoEmulator } from './helpers/demo'

let t: DemoEmulator
beforeAll(async () => {
  t = await startDemoEmulator()
})
afterAll(() => t.stop())

interface Issue {
  path: (string | number)[]
  message: string
}

test('bureau staff set a conversion, change it, and every granter sees one per rule with its caps', async () => {
  const set = await t.call(as.bureau, 'points', 'setScoreConversion', {
    ruleKey: 'volunteer',
    source: '学习强国',
    factor: 0.1,
  })
  expect(set).toMatchObject({ ok: true, data: { ruleKey: 'volunteer', factor: 0.1, ruleName: expect.any(String) } })
  expect(
    await t.call(as.bureau, 'points', 'setScoreConversion', { ruleKey: 'volunteer', source: '学习强国', factor: 0.2 }),
  ).toMatchObject({ ok: true })
  const list = await t.call(as.secretary, 'points', 'scoreConversions', {})
  if (!list.ok) throw new Error(JSON.stringify(list.error))
  expect(list.data.items.filter((row) => row.ruleKey === 'volunteer')).toEqual([
    expect.objectContaining({ source: '学习强国', factor: 0.2, caps: { day: 5, month: 10, year: 40 } }),
  ])
})

test.each([
  ['a factor of 0', { ruleKey: 'volunteer', source: '学习强国', factor: 0 }, 'factor', '折算比例应大于0'],
  ['a blank source', { ruleKey: 'volunteer', source: '  ', factor: 0.1 }, 'source', '请填写积分来源'],
])('%s is INPUT.INVALID on its field, nothing written', async (_case, input, field, message) => {
  const res = await t.call(as.bureau, 'points', 'setScoreConversion', input)
  expect(res).toMatchObject({ ok: false, error: { code: 'INPUT.INVALID' } })
  const issues = (res.ok ? [] : res.error.details) as Issue[]
  expect(issues).toContainEqual(expect.objectContaining({ path: [field], message }))
  const list = await t.call(as.bureau, 'points', 'scoreConversions', {})
  expect(list.ok && list.data.items.some((row) => row.factor === 0 || row.source.trim() === '')).toBe(false)
})

test('an unknown or inactive rule is POINTS.RULE_NOT_FOUND; a secretary may not set conversions', async () => {
  expect(
    await t.call(as.bureau, 'points', 'setScoreConversion', { ruleKey: 'no_such_rule', source: '学习强国', factor: 1 }),
  ).toMatchObject({ ok: false, error: { code: 'POINTS.RULE_NOT_FOUND', message: '未找到该积分项目' } })
  expect(
    await t.call(as.secretary, 'points', 'setScoreConversion', { ruleKey: 'volunteer', source: '学习强国', factor: 1 }),
  ).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } })
})
