import { convertScore, findScoreColumns, readScoreRows } from '../../cloudfunctions/domain/points/score-import'

const members = [
  { id: 'm1', name: '王芳', phone: '13911110001' },
  { id: 'm2', name: '李强', phone: null },
  { id: 'm3', name: '张伟', phone: '13911110003' },
  { id: 'm4', name: '张伟', phone: '13911110004' },
]

describe('外部积分导入 rules', () => {
  test('headers are found under a title row, in common spellings', () => {
    const sheet = [['学习强国积分统计'], ['序号', '党员姓名', '联系电话', '学习积分']]
    expect(findScoreColumns(sheet)).toEqual({ rowIndex: 1, name: 1, phone: 2, score: 3 })
    expect(findScoreColumns([['姓名', '备注']])).toBeNull()
  })

  test('conversion rounds to whole points', () => {
    expect(convertScore(35, 0.1)).toBe(4)
    expect(convertScore(34, 0.1)).toBe(3)
    expect(convertScore(120, 0.1)).toBe(12)
  })

  test('rows match by phone, else by a unique name; problems are named per row', () => {
    const sheet = [
      ['姓名', '手机号码', '积分'],
      ['王芳', '139 1111 0001', 100],
      ['李强', '', '50分'],
      ['张伟', '', 30],
      ['张伟', '13911110004', 30],
      ['王芳', '13911110003', 10],
      ['赵六', '', 10],
      ['李强', '', -5],
      [],
      ['李强', '', 'abc'],
    ]
    const rows = readScoreRows(sheet, { rowIndex: 0, name: 0, phone: 1, score: 2 }, members, 0.1)
    expect(rows.map((r) => [r.row, r.status, r.points, r.memberId])).toEqual([
      [2, 'pay', 10, 'm1'],
      [3, 'pay', 5, 'm2'],
      [4, 'error', 0, null],
      [5, 'pay', 3, 'm4'],
      [6, 'error', 0, null],
      [7, 'error', 0, null],
      [8, 'error', 0, null],
      [10, 'error', 0, null],
    ])
    expect(rows[2].message).toBe('本支部有同名党员，请填写手机号码')
    expect(rows[4].message).toBe('手机号码登记的党员是张伟，与姓名不符')
    expect(rows[5].message).toBe('本支部没有这名党员')
    expect(rows[6].message).toBe('积分不能为负数')
    expect(rows[7].message).toBe('积分应为数字')
  })
})
