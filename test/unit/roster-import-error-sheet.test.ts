import { errorSheet } from '../../cloudfunctions/domain/roster/import/error-sheet'
import { mapHeaders } from '../../cloudfunctions/domain/roster/import/headers'
import type { ImportIssue } from '../../types/roster-import'

const issue = (
  row: number,
  column: string,
  message: string,
  severity: ImportIssue['severity'] = 'error',
): ImportIssue => ({
  row,
  column,
  code: 'PHONE_INVALID',
  severity,
  message,
})

describe('错误行: the rows an import refused, to fix and import again', () => {
  const sheet = [
    ['实验小学党员花名册'],
    ['姓名', '入党日期', '手机号码'],
    ['王建国', new Date(Date.UTC(2015, 6, 1)), 13800138000],
    ['李丽', '2019.07', '1380013'],
    ['张强', '2099-01-01', '13700137000'],
  ]

  test('the file’s own header and cells, and one 错误原因 per row gathering its errors (warnings left out)', () => {
    const issues = [
      issue(4, '手机号码', '手机号码应为11位'),
      issue(4, '入党日期', '2019.07 按 2019-07-01 导入', 'warning'),
      issue(5, '入党日期', '入党日期2099-01-01晚于今天'),
      issue(5, '手机号码', '该手机号已登记在另一名党员名下'),
    ]
    expect(errorSheet(sheet, 2, issues)).toEqual({
      headers: ['姓名', '入党日期', '手机号码', '错误原因'],
      rows: [
        ['李丽', '2019.07', '1380013', '手机号码：手机号码应为11位'],
        [
          '张强',
          '2099-01-01',
          '13700137000',
          '入党日期：入党日期2099-01-01晚于今天；手机号码：该手机号已登记在另一名党员名下',
        ],
      ],
    })
  })

  test('rows in spreadsheet order, dates as YYYY-MM-DD and long numbers whole; nothing wrong, no rows', () => {
    const out = errorSheet(sheet, 2, [issue(5, '手机号码', 'x'), issue(3, '姓名', 'y')])
    expect(out.rows.map((row) => row[0])).toEqual(['王建国', '张强'])
    expect(out.rows[0].slice(1, 3)).toEqual(['2015-07-01', '13800138000'])
    expect(errorSheet(sheet, 2, []).rows).toEqual([])
  })

  test('identity numbers are never copied into the error sheet, and an earlier 错误原因 gives way to the new one', () => {
    const withIdentity = [
      ['姓名', '身份证号', '手机号码', '错误原因'],
      ['李丽', '110101198001011234', '1380013', '手机号码：旧的原因'],
    ]
    expect(errorSheet(withIdentity, 1, [issue(2, '手机号码', '手机号码应为11位')])).toEqual({
      headers: ['姓名', '手机号码', '错误原因'],
      rows: [['李丽', '1380013', '手机号码：手机号码应为11位']],
    })
  })

  test('imported again, the 错误原因 column is not read as data, nor listed as ignored', () => {
    const header = mapHeaders([['姓名', '手机号码', '错误原因']], 0)
    expect(header.ignored).toEqual([])
    expect(Object.keys(header.columns).sort()).toEqual(['name', 'phone'])
  })
})
