// The 订阅消息 template table's rules, case by case: which keywords the platform has, which of our values may
// fill which kind, how a value is written and cut for its kind, and that a send fills only the configured keywords.
import {
  fillTemplate,
  fitToKeyword,
  type KeywordKind,
  kindOf,
  previewTemplate,
  SUGGESTED_FIELDS,
  SubscribeTemplates,
  TEMPLATE_USES,
  type TemplateEntry,
  templateProblems,
} from '../../types/subscribe-templates'

const at = (iso: string) => new Date(`${iso}+08:00`).getTime()

describe('keyword kinds', () => {
  it.each([
    ['thing1', 'thing'],
    ['thing12', 'thing'],
    ['character_string3', 'character_string'],
    ['phone_number9', 'phone_number'],
    ['time2', 'time'],
    ['thing', null],
    ['foo1', null],
    ['Thing1', null],
    ['1thing', null],
  ])('%s → %s', (keyword, kind) => {
    expect(kindOf(keyword)).toBe(kind)
  })
})

describe('what a table may say (templateProblems)', () => {
  const entry = (fields: [string, string][], templateId = 'xF1hDqH5kAbc'): TemplateEntry => ({
    templateId,
    fields: fields.map(([keyword, value]) => ({ keyword, value })),
  })
  it.each<[string, TemplateEntry, string[]]>([
    ['an empty entry: not configured, nothing wrong', { templateId: '', fields: [] }, []],
    ['the suggested meeting reminder', entry(SUGGESTED_FIELDS.meetingReminder.map((f) => [f.keyword, f.value])), []],
    ['a title into a thing', entry([['thing5', 'meetingTitle']]), []],
    ['a time into a date (it carries the day)', entry([['date3', 'meetingTime']]), []],
    ['a time into a thing', entry([['thing3', 'meetingTime']]), []],
    ['a title into a phrase', entry([['phrase1', 'meetingTitle']]), ['fields.0.value']],
    ['a title into a name', entry([['name1', 'meetingTitle']]), ['fields.0.value']],
    ['a place into a time', entry([['time1', 'place']]), ['fields.0.value']],
    ['an unknown kind', entry([['foo1', 'place']]), ['fields.0.keyword']],
    ['a keyword without its number', entry([['thing', 'place']]), ['fields.0.keyword']],
    [
      'the same keyword twice',
      entry([
        ['thing1', 'place'],
        ['thing1', 'note'],
      ]),
      ['fields.1.keyword'],
    ],
    ['a value of another use', entry([['thing1', 'taskTitle']]), ['fields.0.value']],
    ['an id with spaces', entry([['thing1', 'place']], 'not an id'), ['templateId']],
    ['keywords without an id', entry([['thing1', 'place']], ''), ['templateId']],
    ['an id without keywords', { templateId: 'xF1hDqH5kAbc', fields: [] }, ['fields']],
  ])('%s', (_case, value, paths) => {
    expect(templateProblems('meetingReminder', value).map((problem) => problem.path.join('.'))).toEqual(paths)
  })

  it('leave decisions may put the result into a phrase and the approver into a name', () => {
    expect(
      templateProblems('leaveDecision', {
        templateId: 'xF1hDqH5kLeave',
        fields: [
          { keyword: 'phrase2', value: 'result' },
          { keyword: 'name3', value: 'approver' },
        ],
      }),
    ).toEqual([])
  })

  it('the contract refuses a table with a problem at the cell’s path, and takes the suggested one', () => {
    const suggested = Object.fromEntries(
      TEMPLATE_USES.map((use) => [use, { templateId: `xF1hDqH5k_${use}`, fields: SUGGESTED_FIELDS[use] }]),
    )
    expect(SubscribeTemplates.safeParse(suggested).success).toBe(true)
    const broken = SubscribeTemplates.safeParse({
      ...suggested,
      politicalBirthday: { templateId: 'xF1hDqH5kBirthday', fields: [{ keyword: 'phrase1', value: 'greeting' }] },
    })
    expect(broken.success).toBe(false)
    expect(broken.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['politicalBirthday.fields.0.value'])
  })
})

describe('a value cut to its kind (fitToKeyword)', () => {
  it.each<[KeywordKind, string, string]>([
    ['thing', '学习贯彻党的二十届三中全会精神专题组织生活会', '学习贯彻党的二十届三中全会精神专题组织…'],
    ['thing', '党小组会', '党小组会'],
    ['thing', '  两个\n 空格  ', '两个 空格'],
    ['thing', '', '-'],
    ['name', '欧阳建国欧阳建国欧阳建国', '欧阳建国欧阳建国欧阳'],
    ['phrase', '已批准', '已批准'],
    ['phrase', '即将开始会议', '即将开始会'],
    ['phrase', 'OK通过!', '通过'],
    ['phrase', '', '无'],
    ['number', '第12年', '12'],
    ['character_string', 'A-12 号', 'A-12'],
  ])('%s %s → %s', (kind, value, fitted) => {
    expect(fitToKeyword(kind, value)).toBe(fitted)
  })
  it('counts a character outside the basic plane as one, and never splits it', () => {
    const fitted = fitToKeyword('thing', `${'𠮷'.repeat(25)}`)
    expect(Array.from(fitted)).toHaveLength(20)
    expect(fitted).toBe(`${'𠮷'.repeat(19)}…`)
  })
})

describe('a send (fillTemplate)', () => {
  const values = {
    meetingTitle: '党小组会：学习新修订的纪律处分条例',
    meetingType: '党小组会',
    meetingTime: at('2026-11-18T15:00:00'),
    place: '实验小学党员活动室',
    note: '会议将于1小时后开始',
  }
  it('fills exactly the configured keywords, each written for its kind', () => {
    const data = fillTemplate(
      'meetingReminder',
      {
        templateId: 'xF1hDqH5kAbc',
        fields: [
          { keyword: 'thing8', value: 'meetingTitle' },
          { keyword: 'time3', value: 'meetingTime' },
          { keyword: 'thing6', value: 'meetingTime' },
        ],
      },
      values,
    )
    expect(data).toEqual({
      thing8: { value: '党小组会：学习新修订的纪律处分条例' },
      time3: { value: '2026年11月18日 15:00' },
      thing6: { value: '11月18日 15:00' },
    })
  })
  it('writes a day as a date, a month as its range of days, in Beijing time whatever the host zone', () => {
    expect(
      fillTemplate(
        'themeDay',
        {
          templateId: 'xF1hDqH5kAbc',
          fields: [
            { keyword: 'date1', value: 'month' },
            { keyword: 'thing2', value: 'month' },
          ],
        },
        { branchName: '实验小学党支部', month: '2028-02', note: '' },
      ),
    ).toEqual({ date1: { value: '2028年2月1日~2028年2月29日' }, thing2: { value: '2028年2月' } })
    expect(
      fillTemplate(
        'meetingReminder',
        { templateId: 'xF1hDqH5kAbc', fields: [{ keyword: 'time1', value: 'meetingTime' }] },
        { ...values, meetingTime: at('2027-01-01T00:30:00') },
      ),
    ).toEqual({ time1: { value: '2027年1月1日 00:30' } })
  })
  it('previews the message a member would read, with each value’s sample', () => {
    expect(previewTemplate('leaveDecision', { templateId: 'x', fields: SUGGESTED_FIELDS.leaveDecision })).toEqual([
      { keyword: 'thing1', text: '党小组会：学习新修订的纪律处分条例' },
      { keyword: 'time2', text: '2026年11月18日 15:00' },
      { keyword: 'phrase3', text: '已批准' },
      { keyword: 'thing4', text: '请会后补学会议内容' },
    ])
  })
})
