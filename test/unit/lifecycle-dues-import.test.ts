// The 党费基数 import's reading rules: headers in common spellings, categories in the words secretaries write,
// wages in 元 to 分 (two decimals at most, no negatives, nothing absurd), and what a row says against last save.
import {
  findDuesColumns,
  readBaseFen,
  readCategory,
  readDuesRows,
} from '../../cloudfunctions/domain/lifecycle/dues-import'
import { DEFAULT_DUES_SCHEDULE } from '../../cloudfunctions/domain/lifecycle/dues-schedule'

describe('党费基数 import rules', () => {
  it('finds 姓名 and a wage or category column under a title row', () => {
    expect(
      findDuesColumns([['2027年党费基数'], ['序号', '党员姓名', '联系电话', '人员类别', '税后月工资（元）']]),
    ).toEqual({
      rowIndex: 1,
      name: 1,
      phone: 2,
      category: 3,
      wage: 4,
    })
    expect(findDuesColumns([['姓名', '类别']])).toMatchObject({ category: 1, wage: null, phone: null })
    expect(findDuesColumns([['姓名', '手机号码']])).toBeNull()
  })

  it.each<[unknown, string | null]>([
    ['', 'employed'],
    ['在职', 'employed'],
    ['退休', 'retired'],
    ['离退休（按月养老金）', 'retired'],
    ['学生', 'student'],
    ['失业、下岗', 'unemployed'],
    ['低保', 'subsistence'],
    ['公务员', null],
  ])('category %p', (cell, category) => {
    const read = readCategory(cell)
    expect(read.ok ? read.value : null).toBe(category)
  })

  it.each<[unknown, number | null | string]>([
    [4500, 450_000],
    ['4,500.50', 450_050],
    ['￥4500元', 450_000],
    [4500.1, 450_010],
    [0, 0],
    ['', null],
    [4500.123, '税后月工资最多填写两位小数（精确到分）'],
    [-1, '税后月工资不能为负数'],
    ['-1', '税后月工资不能为负数'],
    ['四千五', '税后月工资应为金额（元），如 4500 或 4500.50'],
    [100_000, 10_000_000],
    [100_000.01, '税后月工资超过10万元，请核对是否多填了0'],
  ])('wage %p', (cell, expected) => {
    const read = readBaseFen(cell)
    expect(read.ok ? read.value : read.message).toBe(expected)
  })

  it('prices each row, says what it replaces, and leaves the fixed categories without a base', () => {
    const members = [
      { id: 'm1', name: '王芳', phone: '13911110001' },
      { id: 'm2', name: '李强', phone: null },
      { id: 'm3', name: '赵敏', phone: null },
    ]
    const saved = new Map([
      ['m1', { category: 'employed' as const, baseFen: 450_000 }],
      ['m3', { category: 'employed' as const, baseFen: 300_000 }],
    ])
    const sheet = [
      ['姓名', '手机号码', '类别', '税后月工资'],
      ['王芳', '13911110001', '在职', 4500],
      ['李强', '', '退休', ''],
      ['李强', '', '学生', 1200],
      ['赵敏', '', '在职', 3000.01],
    ]
    const columns = findDuesColumns(sheet)
    if (!columns) throw new Error('the headers are not found')
    const rows = readDuesRows(sheet, columns, members, DEFAULT_DUES_SCHEDULE, saved)
    expect(rows.map((r) => [r.row, r.status, r.baseFen, r.monthlyFen, r.message])).toEqual([
      [2, 'unchanged', 450_000, 4_500, '与已核定的基数相同'],
      [3, 'error', null, null, '离退休党员须填写月养老金'],
      [4, 'set', 0, 20, '按固定金额交纳，所填工资不作为基数'],
      [5, 'set', 300_001, 3_000, '原基数 3000.00 元'],
    ])
  })
})
