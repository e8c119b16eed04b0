import { findHeaderRow, mapHeaders } from '../../cloudfunctions/domain/roster/import/headers'
import { searchKeys } from '../../cloudfunctions/domain/roster/import/search-keys'
import { committeePositionOf, memberTypeOf } from '../../cloudfunctions/domain/roster/import/vocabulary'
import { cellText, readDate, readName, readPhone } from '../../cloudfunctions/domain/sheet/cells'
import { normaliseHeader } from '../../cloudfunctions/domain/sheet/headers'

const value = <T>(read: { ok: true; value: T } | { ok: false }) => (read.ok ? read.value : 'refused')
const code = (read: { ok: true } | { ok: false; problem: { code: string } }) => (read.ok ? 'ok' : read.problem.code)

describe('dates as rosters write them', () => {
  test.each<[string, unknown, string | null]>([
    ['2019年7月1日 → 2019-07-01', '2019年7月1日', '2019-07-01'],
    ['2019.07.01 → 2019-07-01', '2019.07.01', '2019-07-01'],
    ['2019-7-1 → 2019-07-01', '2019-7-1', '2019-07-01'],
    ['2019/7/1 → 2019-07-01', '2019/7/1', '2019-07-01'],
    ['20190701 as text', '20190701', '2019-07-01'],
    ['20190701 typed into a number cell', 20190701, '2019-07-01'],
    ['full-width digits ２０１９年７月１日', '２０１９年７月１日', '2019-07-01'],
    ['spaces inside 2019 年 7 月 1 日', ' 2019 年 7 月 1 日 ', '2019-07-01'],
    ['export with a time 2019-07-01 00:00:00', '2019-07-01 00:00:00', '2019-07-01'],
    ['export with a time 2019/7/1 0:00', '2019/7/1 0:00', '2019-07-01'],
    ['Excel serial 43647 → 2019-07-01', 43647, '2019-07-01'],
    ['Excel serial with a time of day', 43647.75, '2019-07-01'],
    ['serial 61 is 1900-03-01 (after the phantom leap day)', 61, '1900-03-01'],
    ['serial 59 is 1900-02-28', 59, '1900-02-28'],
    ['serial 1 is 1900-01-01', 1, '1900-01-01'],
    ['exceljs Date (UTC midnight)', new Date(Date.UTC(2019, 6, 1)), '2019-07-01'],
    ['formula with a cached date', { formula: 'DATE(2019,7,1)', result: new Date(Date.UTC(2019, 6, 1)) }, '2019-07-01'],
    ['2019.07 (month only) → first of month', '2019.07', '2019-07-01'],
    ['2019年7月 (month only) → first of month', '2019年7月', '2019-07-01'],
    ['the number 2019.07 Excel makes of 2019.07', 2019.07, '2019-07-01'],
    ['the number 2019.12', 2019.12, '2019-12-01'],
    ['blank cell', '  ', null],
    ['empty cell', null, null],
  ])('%s', (_case, raw, expected) => {
    const read = readDate(raw)
    expect(read.ok ? (read.value?.date ?? null) : 'refused').toBe(expected)
  })

  test.each<[string, unknown]>([
    ['2019-02-30 does not exist', '2019-02-30'],
    ['2019-13-01 has no month 13', '2019-13-01'],
    ['2023-02-29 is not a leap year', '2023-02-29'],
    ['serial 60 is Lotus’s phantom 1900-02-29', 60],
    ['the year alone', 2019],
    ['2019.1 could be January or October', 2019.1],
    ['two-digit year 19.7.1', '19.7.1'],
    ['words', '不详'],
    ['a formula nobody calculated', { formula: 'TODAY()' }],
    ['an error value', { error: '#N/A' }],
  ])('%s → DATE_INVALID (or the cell’s own code)', (_case, raw) => {
    expect(readDate(raw).ok).toBe(false)
  })

  test('month only is accepted with a DATE_MONTH_ONLY warning', () => {
    const read = readDate('2019.07')
    expect(read.ok && read.warning?.code).toBe('DATE_MONTH_ONLY')
  })

  test('an identity number in a date column is not echoed in the message', () => {
    const read = readDate('110101199003077777')
    expect(read.ok).toBe(false)
    expect(JSON.stringify(read)).not.toContain('110101199003077777')
  })
})

describe('phones', () => {
  test.each<[string, unknown, string | null | 'refused']>([
    ['plain 13800138000', '13800138000', '13800138000'],
    ['full-width phone １３８００１３８０００ → 13800138000', '１３８００１３８０００', '13800138000'],
    ['spaces 138 0013 8000', '138 0013 8000', '13800138000'],
    ['dashes 138-0013-8000', '138-0013-8000', '13800138000'],
    ['+86 138 0013 8000', '+86 138 0013 8000', '13800138000'],
    ['0086-13800138000', '0086-13800138000', '13800138000'],
    ['a number cell', 13800138000, '13800138000'],
    ['a zero-width space pasted from WeChat', '1380013\u200B8000', '13800138000'],
    ['blank', '', null],
    ['10 digits', '1380013800', 'refused'],
    ['a landline 0871-1234567', '0871-1234567', 'refused'],
    ['two phones in one cell', '13800138000/13900139000', 'refused'],
    ['Excel showed it as 1.38001E+10', '1.38001E+10', 'refused'],
  ])('%s', (_case, raw, expected) => {
    expect(value(readPhone(raw))).toBe(expected)
  })
})

describe('names', () => {
  test.each<[string, unknown, string | null | 'refused']>([
    ['plain 王建国', '王建国', '王建国'],
    ['alignment padding 王　芳 (U+3000)', '王　芳', '王芳'],
    ['spaces 王 建 国', ' 王 建 国 ', '王建国'],
    ['zero-width chars stripped', '王\u200B建\uFEFF国', '王建国'],
    ['minority name with a katakana dot', '阿依古丽・买买提', '阿依古丽·买买提'],
    ['Latin name keeps one space', 'Tom   Smith', 'Tom Smith'],
    ['full-width Latin', 'Ｔｏｍ', 'Tom'],
    ['rich text', { richText: [{ text: '王' }, { text: '建国' }] }, '王建国'],
    ['blank', '   ', null],
    ['control character', '王\u0007建国', 'refused'],
    ['right-to-left override', '王\u202E建国', 'refused'],
    ['31 characters', '王'.repeat(31), 'refused'],
    ['no letters', '12345', 'refused'],
    ['a note in brackets 张三（已转出）', '张三（已转出）', 'refused'],
    ['emoji', '王建国🎉', 'refused'],
  ])('%s', (_case, raw, expected) => {
    expect(value(readName(raw))).toBe(expected)
  })
})

describe('cells', () => {
  test.each<[string, unknown, string]>([
    ['formula with a result uses the result', { formula: 'A1&B1', result: '王建国' }, 'ok'],
    ['shared formula with a result', { sharedFormula: 'C2', result: 3 }, 'ok'],
    ['formula without result', { formula: 'A1&B1' }, 'CELL_FORMULA'],
    ['error value', { error: '#REF!' }, 'CELL_ERROR'],
    ['hyperlink', { text: '王建国', hyperlink: 'mailto:x@example.com' }, 'ok'],
  ])('%s', (_case, raw, expected) => {
    expect(code(cellText(raw))).toBe(expected)
  })
})

describe('headers', () => {
  test.each<[string, string]>([
    ['姓名', '姓名'],
    ['姓　名', '姓名'],
    [' 姓 名 ', '姓名'],
    ['姓名：', '姓名'],
    ['*姓名', '姓名'],
    ['姓名*', '姓名'],
    ['入党日期（年月日）', '入党日期'],
    ['手机号码\n(必填)', '手机号码'],
    ['ｓｈｏｕｊｉ', 'shouji'],
  ])('%s → %s', (header, expected) => {
    expect(normaliseHeader(header)).toBe(expected)
  })

  test('synonyms map to canonical fields; identity columns dropped; 性别/出生日期 ignored (not stored)', () => {
    const sheet = [
      ['第一中学党支部党员花名册'],
      [],
      [
        '序号',
        '姓 名',
        '性别',
        '出生年月',
        '党员类别',
        '入党时间',
        '转正时间',
        '所在支部',
        '所在党小组',
        '联系电话',
        '党内职务',
        '身份证号码',
        '手机',
      ],
    ]
    const at = findHeaderRow(sheet, 10)
    expect(at).toBe(2)
    const map = mapHeaders(sheet, at ?? 0)
    expect(Object.fromEntries(Object.entries(map.columns).map(([field, column]) => [field, column?.header]))).toEqual({
      name: '姓 名',
      memberType: '党员类别',
      joinedOn: '入党时间',
      probationEndsOn: '转正时间',
      branchName: '所在支部',
      groupName: '所在党小组',
      phone: '联系电话',
      committeePosition: '党内职务',
    })
    expect(map.dropped).toEqual(['身份证号码'])
    expect(map.ignored).toEqual(['序号', '性别', '出生年月', '手机'])
  })

  test('no 姓名 header within the first rows → none found', () => {
    expect(findHeaderRow([['名字', '电话']], 10)).toBeNull()
    expect(findHeaderRow([...Array.from({ length: 10 }, () => ['标题']), ['姓名']], 10)).toBeNull()
  })
})

describe('vocabulary', () => {
  test.each<[string, string | null]>([
    ['正式党员', 'formal'],
    ['正式', 'formal'],
    ['中共党员', 'formal'],
    ['预备党员', 'probationary'],
    [' 预 备 ', 'probationary'],
    ['中共预备党员', 'probationary'],
    ['入党积极分子', null],
  ])('人员类别 %s → %s', (text, expected) => {
    expect(memberTypeOf(text)).toBe(expected)
  })

  test.each<[string, string | null]>([
    ['书记', 'secretary'],
    ['支部书记', 'secretary'],
    ['副书记', 'deputy_secretary'],
    ['组织委员', 'organization'],
    ['宣传委员', 'publicity'],
    ['纪检委员', 'discipline'],
    ['校长兼支部书记', 'secretary'],
    ['书记、校长', 'secretary'],
    ['团委书记 (a Youth League post)', null],
    ['教师', null],
    ['', null],
  ])('职务 %s → %s', (text, expected) => {
    expect(committeePositionOf(text.replace(/ \(.*\)$/, ''))).toBe(expected)
  })
})

describe('search keys', () => {
  test.each<[string, string[]]>([
    ['王建国', ['wjg', 'wangjianguo']],
    ['曾小单 (surname read as zeng)', ['zxd', 'zengxiaodan']],
    ['吕梁 (ü typed as v)', ['ll', 'lvliang']],
    ['阿依古丽·买买提', ['ayglmmt', 'ayigulimaimaiti']],
    ['Tom Li', ['tomli']],
  ])('%s', (name, expected) => {
    expect(searchKeys(name.replace(/ \(.*\)$/, ''))).toEqual(expected)
  })
})
