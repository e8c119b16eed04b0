// 会议规则 → 订阅消息模板: bureau staff fill in, per use, the template id and which value fills which keyword;
// the table is checked as it is typed against the platform's keyword rules (thing ≤ 20, phrase ≤ 5 汉字…), a save
// with problems never reaches the server, the server's own refusals stand beside their cell, and the preview reads
// as the member's message. 我的 → 消息订阅 switches 政治生日 on and off through the same templates.

import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { DEFAULT_RULES } from '../../cloudfunctions/domain/meetings/rules'
import { MessageSubscriptions } from '../../src/pages/mine/subscriptions'
import { call } from '../../src/services/call'
import RulesPage from '../../src/subpackages/meetings/pages/rules/index'
import type { MeetingRules } from '../../types/meetings'
import type { Me } from '../../types/roster'
import { SUGGESTED_FIELDS, TEMPLATE_USES } from '../../types/subscribe-templates'
import { meOf } from '../fixtures/me'
import { resetTaroStub } from './taro-stub'

jest.mock('../../src/services/call', () => ({ call: jest.fn() }))
const mockedCall = call as unknown as jest.Mock

type Reply = (data: unknown) => unknown
function serve(replies: Record<string, Reply | unknown>) {
  mockedCall.mockImplementation((_fn: string, action: string, data: unknown) => {
    const reply = replies[action]
    if (reply === undefined) throw new Error(`unexpected call ${action}`)
    return Promise.resolve(typeof reply === 'function' ? (reply as Reply)(data) : { ok: true, data: reply })
  })
}
const callsOf = (action: string) =>
  mockedCall.mock.calls.filter(([, name]) => name === action).map(([, , data]) => data)

const type = (element: HTMLElement, value: string) =>
  act(() => {
    fireEvent.change(element, { target: { value } })
  })
const tap = (element: HTMLElement) =>
  act(() => {
    fireEvent.click(element)
  })

beforeEach(() => {
  mockedCall.mockReset()
  resetTaroStub()
})

const useCard = (use: string) => {
  const card = screen.getAllByTestId('tmpl-use').find((element) => element.getAttribute('data-use') === use)
  if (!card) throw new Error(`no card for ${use}`)
  return within(card)
}

async function openRules(rules: MeetingRules = DEFAULT_RULES) {
  serve({ getRules: rules, updateRules: (data: unknown) => ({ ok: true, data }) })
  render(<RulesPage />)
  await screen.findByTestId('templates-editor')
}

describe('会议规则 → 订阅消息模板', () => {
  test('until configured every use says so; the common keywords fill in and the preview reads as the message', async () => {
    await openRules()
    expect(screen.getAllByTestId('tmpl-state').map((tag) => tag.textContent)).toEqual(TEMPLATE_USES.map(() => '未配置'))
    const reminder = useCard('meetingReminder')
    await tap(reminder.getByTestId('tmpl-suggest'))
    await type(reminder.getByTestId('tmpl-id'), 'xF1hDqH5kReminder')
    expect(reminder.getByTestId('tmpl-state').textContent).toBe('已配置')
    expect(reminder.getAllByTestId('tmpl-keyword').map((input) => (input as HTMLInputElement).value)).toEqual([
      'thing1',
      'time2',
      'thing3',
      'thing4',
    ])
    const chosen = reminder
      .getAllByTestId('tmpl-field')
      .map((row) => row.querySelector('.chip--on')?.getAttribute('data-value'))
    expect(chosen).toEqual(['meetingTitle', 'meetingTime', 'place', 'note'])
    const preview = reminder.getAllByTestId('tmpl-preview-line').map((line) => line.textContent)
    expect(preview).toEqual([
      'thing1党小组会：学习新修订的纪律处分条例',
      'time22026年11月18日 15:00',
      'thing3实验小学党员活动室',
      'thing4会议将于1小时后开始',
    ])
  })

  test('each cell is checked against the platform’s keyword rules as it is typed', async () => {
    await openRules()
    const reminder = useCard('meetingReminder')
    await tap(reminder.getByTestId('tmpl-suggest'))
    await type(reminder.getByTestId('tmpl-id'), 'abc')
    expect(reminder.getByTestId('tmpl-id-error').textContent).toContain('模板ID应是公众平台给出的一串字母和数字')

    const rows = () => reminder.getAllByTestId('tmpl-field')
    // 会议地点 into a phrase (5 Chinese characters at most) cannot be.
    await type(within(rows()[2]).getByTestId('tmpl-keyword'), 'phrase3')
    expect(within(rows()[2]).getByTestId('tmpl-value-error').textContent).toBe(
      '“会议地点”不能填入 phrase（5个以内纯汉字），可填入 thing 类关键词',
    )
    // An unknown kind, then a repeat of another row's keyword.
    await type(within(rows()[3]).getByTestId('tmpl-keyword'), 'text4')
    expect(within(rows()[3]).getByTestId('tmpl-keyword-error').textContent).toContain('“text4”不是模板的关键词')
    await type(within(rows()[3]).getByTestId('tmpl-keyword'), 'thing1')
    expect(within(rows()[3]).getByTestId('tmpl-keyword-error').textContent).toBe('关键词 thing1 重复了')
    // Choosing a value that fits the kind clears the row.
    await type(within(rows()[2]).getByTestId('tmpl-keyword'), 'time3')
    await tap(
      within(rows()[2])
        .getAllByTestId('tmpl-value')
        .find((chip) => chip.textContent === '会议时间') as HTMLElement,
    )
    expect(within(rows()[2]).queryByTestId('tmpl-value-error')).toBeNull()
    // A row taken out; no more than five keywords may be added.
    await tap(within(rows()[3]).getByTestId('tmpl-remove'))
    expect(rows()).toHaveLength(3)
    await tap(reminder.getByTestId('tmpl-add'))
    await tap(reminder.getByTestId('tmpl-add'))
    expect(rows()).toHaveLength(5)
    expect(reminder.queryByTestId('tmpl-add')).toBeNull()
  })

  test('a save with problems shows every one and never reaches the server; a good one sends the table', async () => {
    await openRules()
    const birthday = useCard('politicalBirthday')
    await tap(birthday.getByTestId('tmpl-add'))
    // Nothing typed yet: the empty row is not scolded before a save is tried.
    expect(birthday.queryByTestId('tmpl-keyword-error')).toBeNull()
    await tap(screen.getByTestId('rules-save'))
    await waitFor(() => expect(birthday.getByTestId('tmpl-keyword-error').textContent).toBe('请填写关键词，如 thing1'))
    expect(birthday.getByTestId('tmpl-id-error').textContent).toBe('请填写模板ID，或删去全部关键词')
    expect(birthday.getByTestId('tmpl-value-error').textContent).toBe('请选择填入的内容')
    expect(screen.getByTestId('rules-error').textContent).toBe('订阅消息模板有误，请按提示修改')
    expect(callsOf('updateRules')).toEqual([])

    await type(birthday.getByTestId('tmpl-id'), 'xF1hDqH5kBirthday')
    await type(birthday.getByTestId('tmpl-keyword'), 'name1')
    await tap(birthday.getAllByTestId('tmpl-value').find((chip) => chip.textContent === '党员姓名') as HTMLElement)
    await tap(screen.getByTestId('rules-save'))
    await waitFor(() => expect(callsOf('updateRules')).toHaveLength(1))
    const sent = callsOf('updateRules')[0] as MeetingRules
    expect(sent.templates.politicalBirthday).toEqual({
      templateId: 'xF1hDqH5kBirthday',
      fields: [{ keyword: 'name1', value: 'memberName' }],
    })
    expect(sent.templates.meetingReminder).toEqual({ templateId: '', fields: [] })
  })

  test('the server’s refusal of a cell stands beside that cell', async () => {
    const configured: MeetingRules = {
      ...DEFAULT_RULES,
      templates: {
        ...DEFAULT_RULES.templates,
        studyNudge: { templateId: 'xF1hDqH5kStudy', fields: SUGGESTED_FIELDS.studyNudge },
      },
    }
    serve({
      getRules: configured,
      updateRules: () => ({
        ok: false,
        error: {
          code: 'INPUT.INVALID',
          message: '填写的内容有误，请检查后重试',
          details: [{ path: ['templates', 'studyNudge', 'fields', 1, 'keyword'], message: '该模板没有关键词 date2' }],
        },
      }),
    })
    render(<RulesPage />)
    await screen.findByTestId('templates-editor')
    expect(useCard('studyNudge').getByTestId('tmpl-state').textContent).toBe('已配置')
    await tap(screen.getByTestId('rules-save'))
    const row = await waitFor(() => useCard('studyNudge').getAllByTestId('tmpl-field')[1])
    await waitFor(() =>
      expect(within(row).getByTestId('tmpl-keyword-error').textContent).toBe('该模板没有关键词 date2'),
    )
  })
})

describe('我的 → 消息订阅', () => {
  const me = (roles: Me['roles']): Me => meOf({ name: '宋敏', roles })
  const row = (use: string, templateId: string | null, credits = 0) => ({ use, templateId, credits, longTerm: false })

  test('政治生日 turns on by accepting the template and off by withdrawing it', async () => {
    let credits = 0
    serve({
      mySubscriptions: () => ({
        ok: true,
        data: { items: [row('politicalBirthday', 'tmpl_birthday', credits), row('themeDay', 'tmpl_theme')] },
      }),
      subscribe: () => {
        credits = 1
        return { ok: true, data: { credits: { tmpl_birthday: 1 } } }
      },
      unsubscribe: () => {
        credits = 0
        return { ok: true, data: { withdrawn: 1 } }
      },
    })
    render(<MessageSubscriptions me={me(['member'])} />)
    const birthday = await screen.findByTestId('mine-sub-politicalBirthday')
    // Only secretaries are offered the 主题党日 notice.
    expect(screen.queryByTestId('mine-sub-themeDay')).toBeNull()
    expect(birthday.getAttribute('data-on')).toBe('no')
    await tap(within(birthday).getByTestId('mine-sub-on'))
    await waitFor(() => expect(screen.getByTestId('mine-sub-politicalBirthday').getAttribute('data-on')).toBe('yes'))
    expect(callsOf('subscribe')).toEqual([{ templateIds: ['tmpl_birthday'] }])
    await tap(within(screen.getByTestId('mine-sub-politicalBirthday')).getByTestId('mine-sub-off'))
    await waitFor(() => expect(screen.getByTestId('mine-sub-politicalBirthday').getAttribute('data-on')).toBe('no'))
    expect(callsOf('unsubscribe')).toEqual([{ templateIds: ['tmpl_birthday'] }])
  })

  test('a use the bureau has not configured says so and offers no switch', async () => {
    serve({ mySubscriptions: { items: [row('politicalBirthday', null), row('themeDay', 'tmpl_theme', 1)] } })
    render(<MessageSubscriptions me={me(['member', 'branch_secretary'])} />)
    const birthday = await screen.findByTestId('mine-sub-politicalBirthday')
    expect(birthday.textContent).toContain('本单位尚未开通此项微信提醒')
    expect(within(birthday).queryByTestId('mine-sub-on')).toBeNull()
    expect(screen.getByTestId('mine-sub-themeDay').getAttribute('data-on')).toBe('yes')
  })

  test.each<[string, boolean, Me['roles']]>([
    ['a member', false, ['member']],
    ['a branch secretary', true, ['member', 'branch_secretary']],
    ['bureau staff', true, ['bureau_staff']],
  ])('欠缴党费提醒 for %s — offered: %s', async (_who, offered, roles) => {
    serve({ mySubscriptions: { items: [row('politicalBirthday', 'tmpl_birthday'), row('duesArrears', 'tmpl_dues')] } })
    render(<MessageSubscriptions me={me(roles)} />)
    await screen.findByTestId('mine-subscriptions')
    const dues = screen.queryByTestId('mine-sub-duesArrears')
    expect(dues !== null).toBe(offered)
    if (dues) expect(dues.textContent).toContain('欠缴党费提醒')
  })
})
