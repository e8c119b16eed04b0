// 外部积分折算 page: bureau staff see the county's conversions, choose a rule, type a source and a factor,
// and save; what the form can tell and what the server refuses stand beside their field, in Chinese.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { DEFAULT_CATALOGUE } from '../../cloudfunctions/domain/points/default-rules'
import { call } from '../../src/services/call'
import ConversionsPage from '../../src/subpackages/points/pages/conversions/index'
import { calls, resetTaroStub } from './taro-stub'

jest.mock('../../src/services/call', () => ({ call: jest.fn() }))
const mockedCall = call as unknown as jest.Mock

const ok = (data: unknown) => Promise.resolve({ ok: true, data })
const bureauMe = {
  memberId: 'm_bureau_01',
  name: '周局',
  tenant: { id: 't_demo', name: '示例县教育局党委' },
  branch: null,
  group: null,
  memberType: 'full',
  committeePosition: null,
  roles: ['bureau_staff'],
}
const xuexi = {
  ruleKey: 'manual_bonus',
  source: '学习强国',
  factor: 0.1,
  ruleName: '其他加分',
  caps: { day: null, month: null, year: 20 },
}

type Reply = (data: unknown) => Promise<unknown>
function serve(replies: Record<string, Reply | unknown>) {
  mockedCall.mockImplementation((_fn: string, action: string, data: unknown) => {
    const reply = replies[action]
    if (typeof reply === 'function') return (reply as Reply)(data)
    if (reply === undefined) throw new Error(`unexpected call ${action}`)
    return ok(reply)
  })
}

const input = (testId: string, value: string) =>
  act(() => {
    fireEvent.change(screen.getByTestId(testId), { target: { value } })
  })

beforeEach(() => {
  mockedCall.mockReset()
  resetTaroStub()
})

test('lists the conversions with rule, factor and caps; a plain member only reads who sets them', async () => {
  serve({ me: bureauMe, getRules: DEFAULT_CATALOGUE, scoreConversions: { items: [xuexi] } })
  render(<ConversionsPage />)
  const row = await screen.findByTestId('conversion-manual_bonus')
  expect(row.textContent).toContain('学习强国 → 其他加分')
  expect(row.textContent).toContain('每 1 分学习强国积分折算 0.1 分')
  expect(row.textContent).toContain('上限：每年20分')
  // Only rules that add points are offered.
  expect(screen.queryByTestId('conversion-rule-manual_deduction')).toBeNull()
  expect(screen.getByTestId('conversion-rule-volunteer')).toBeTruthy()

  mockedCall.mockReset()
  serve({ me: { ...bureauMe, roles: ['member'], branch: { id: 'b', name: '支部', joint: false } } })
  render(<ConversionsPage />)
  expect((await screen.findByTestId('conversion-notice')).textContent).toContain('由教育局党委设置')
})

test('an empty county shows what a conversion is for; saving without a rule or factor says so beside the field', async () => {
  serve({ me: bureauMe, getRules: DEFAULT_CATALOGUE, scoreConversions: { items: [] } })
  render(<ConversionsPage />)
  expect((await screen.findByTestId('conversion-empty')).textContent).toContain('导入外部积分')
  await input('conversion-source', '')
  act(() => {
    fireEvent.click(screen.getByTestId('conversion-save'))
  })
  expect(screen.getByTestId('conversion-error-ruleKey').textContent).toBe('请选择计入的积分项目')
  expect(screen.getByTestId('conversion-error-source').textContent).toBe('请填写积分来源')
  expect(screen.getByTestId('conversion-error-factor').textContent).toBe('请填写折算比例')
  await input('conversion-factor', '一成')
  act(() => {
    fireEvent.click(screen.getByTestId('conversion-save'))
  })
  expect(screen.getByTestId('conversion-error-factor').textContent).toBe('折算比例应为数字，如 0.1')
  expect(mockedCall).not.toHaveBeenCalledWith('points', 'setScoreConversion', expect.anything())
})

test('the server’s INPUT.INVALID issues stand beside their field; a saved conversion joins the list', async () => {
  let saves = 0
  serve({
    me: bureauMe,
    getRules: DEFAULT_CATALOGUE,
    scoreConversions: { items: [xuexi] },
    setScoreConversion: (data: unknown) => {
      saves += 1
      const { factor } = data as { factor: number }
      if (factor <= 0)
        return Promise.resolve({
          ok: false,
          error: {
            code: 'INPUT.INVALID',
            message: '输入有误',
            details: [{ path: ['factor'], message: '折算比例应大于0' }],
          },
        })
      return ok({ ...(data as object), ruleName: '志愿服务' })
    },
  })
  render(<ConversionsPage />)
  await screen.findByTestId('conversion-form')
  act(() => {
    fireEvent.click(screen.getByTestId('conversion-rule-volunteer'))
  })
  expect(screen.getByTestId('conversion-rule-volunteer').className).toContain('rule-chip--on')
  await input('conversion-source', '学习强国')
  await input('conversion-factor', '0')
  await act(async () => {
    fireEvent.click(screen.getByTestId('conversion-save'))
  })
  expect(screen.getByTestId('conversion-error-factor').textContent).toBe('折算比例应大于0')
  expect(screen.getByTestId('conversion-factor').className).toContain('field-input--invalid')

  await input('conversion-factor', '0.5')
  expect(screen.getByTestId('conversion-example').textContent).toContain('100 分折合 50 分')
  await act(async () => {
    fireEvent.click(screen.getByTestId('conversion-save'))
  })
  expect(saves).toBe(2)
  expect(mockedCall).toHaveBeenLastCalledWith('points', 'setScoreConversion', {
    ruleKey: 'volunteer',
    source: '学习强国',
    factor: 0.5,
  })
  await waitFor(() => expect(screen.getByTestId('conversion-saved').textContent).toContain('计入“志愿服务”'))
  expect(screen.queryByTestId('conversion-error-factor')).toBeNull()
  expect(screen.getByTestId('conversion-volunteer').textContent).toContain('上限：每日5分 · 每月10分 · 每年40分')
  expect(screen.getByTestId('conversion-manual_bonus')).toBeTruthy()

  // 修改 fills the form with a listed conversion.
  act(() => {
    fireEvent.click(screen.getByTestId('conversion-edit-manual_bonus'))
  })
  expect((screen.getByTestId('conversion-factor') as HTMLInputElement).value).toBe('0.1')
  expect(screen.getByTestId('conversion-rule-manual_bonus').className).toContain('rule-chip--on')
  expect(calls).toEqual([])
})
