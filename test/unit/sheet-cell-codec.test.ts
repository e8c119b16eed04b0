import { decodeCells, encodeCells } from '../../cloudfunctions/domain/sheet/cell-codec'

describe('cells across the sheets function', () => {
  it('bring dates back as dates, at any depth, and every other cell as it was', () => {
    const joined = new Date('2019-07-01T00:00:00.000Z')
    const rows: unknown[][] = [
      ['姓名', '入党日期', '手机号码'],
      ['王建国', joined, 13800138000],
      ['李梅', { formula: 'DATE(2020,7,1)', result: new Date('2020-07-01T00:00:00.000Z') }, null],
      [{ richText: [{ text: '张' }, { text: '三' }] }, '2019.07', true],
      [],
    ]
    const travelled = JSON.parse(JSON.stringify(encodeCells(rows))) as unknown[][]
    const back = decodeCells(travelled)
    expect(back).toEqual(rows)
    expect(back[1][1]).toBeInstanceOf(Date)
    expect((back[2][1] as { result: unknown }).result).toBeInstanceOf(Date)
  })

  it('leave a cell that only looks like an encoded date alone', () => {
    const rows = [[{ $date: 'not a time' }, { $date: 1, extra: true }]]
    expect(decodeCells(encodeCells(rows))).toEqual(rows)
  })
})
