import { type ImportContext, previewImport } from '../../cloudfunctions/domain/roster/import/validate-rows'
import { ImportPreview } from '../../types/roster-import'

const HEADER = ['姓名', '人员类别', '入党日期', '转正日期', '所在党支部', '党小组', '手机号码', '职务']

const context = (over: Partial<ImportContext> = {}): ImportContext => ({
  today: '2025-03-01',
  branches: [
    { id: 'b1', name: '第一中学党支部' },
    { id: 'b2', name: '实验小学党支部' },
  ],
  groups: [
    { id: 'g1', name: '第一党小组', branchId: 'b1' },
    { id: 'g2', name: '语文组党小组', branchId: 'b2' },
    { id: 'g3', name: '第一党小组', branchId: 'b2' },
  ],
  existing: [
    { id: 'm1', name: '王建国', phone: '13800138000', branchId: 'b1' },
    { id: 'm2', name: '李芳', phone: null, branchId: 'b1' },
    { id: 'm3', name: '张伟', phone: '13900139000', branchId: 'b2' },
    { id: 'm4', name: '刘洋', phone: null, branchId: 'b1' },
    { id: 'm5', name: '刘洋', phone: null, branchId: 'b1' },
  ],
  targetBranchId: null,
  maxRows: 100,
  ...over,
})

/** A data row under HEADER; unspecified cells are those of a good row. */
const row = (over: Partial<Record<(typeof HEADER)[number], unknown>> = {}): unknown[] => {
  const good: Record<string, unknown> = {
    姓名: '赵敏',
    人员类别: '正式党员',
    入党日期: '2015-07-01',
    转正日期: '2016-07-01',
    所在党支部: '第一中学党支部',
    党小组: '第一党小组',
    手机号码: '13700137000',
    职务: '教师',
    ...over,
  }
  return HEADER.map((header) => good[header])
}

const preview = (rows: unknown[][], over: Partial<ImportContext> = {}) => {
  const result = previewImport([HEADER, ...rows], context(over))
  // Every preview is a valid contract value: it crosses the wire to the page.
  expect(ImportPreview.parse(result)).toEqual(result)
  return result
}

const issuesOf = (result: ImportPreview) =>
  result.issues.map(({ row, column, code, severity }) => ({
    row,
    column,
    code,
    ...(severity === 'warning' ? { severity } : {}),
  }))

describe('row-by-row issues a secretary sees in the preview', () => {
  test.each<
    [string, unknown[][], Partial<ImportContext>, { row: number; column: string; code: string; severity?: string }[]]
  >([
    ['a good row has no issue', [row()], {}, []],
    ['missing name → 姓名 NAME_MISSING', [row({ 姓名: '' })], {}, [{ row: 2, column: '姓名', code: 'NAME_MISSING' }]],
    [
      'odd name → NAME_INVALID',
      [row({ 姓名: '张三（已转出）' })],
      {},
      [{ row: 2, column: '姓名', code: 'NAME_INVALID' }],
    ],
    [
      'unknown branch → BRANCH_UNKNOWN',
      [row({ 所在党支部: '第九中学党支部' })],
      {},
      [{ row: 2, column: '所在党支部', code: 'BRANCH_UNKNOWN' }],
    ],
    ['branch written without 党支部 resolves', [row({ 所在党支部: '第一中学' })], {}, []],
    [
      'unknown group → GROUP_UNKNOWN',
      [row({ 党小组: '数学组' })],
      {},
      [{ row: 2, column: '党小组', code: 'GROUP_UNKNOWN' }],
    ],
    [
      'group of another branch → GROUP_NOT_IN_BRANCH',
      [row({ 党小组: '语文组党小组' })],
      {},
      [{ row: 2, column: '党小组', code: 'GROUP_NOT_IN_BRANCH' }],
    ],
    [
      'impossible date 2019-02-30 → DATE_INVALID',
      [row({ 入党日期: '2019-02-30', 转正日期: '' })],
      {},
      [{ row: 2, column: '入党日期', code: 'DATE_INVALID' }],
    ],
    [
      '入党日期 after today → DATE_IN_FUTURE',
      [row({ 入党日期: '2025-07-01', 转正日期: '' })],
      {},
      [{ row: 2, column: '入党日期', code: 'DATE_IN_FUTURE' }],
    ],
    [
      '入党日期 before 1921 → DATE_TOO_EARLY',
      [row({ 入党日期: '1911-10-10', 转正日期: '' })],
      {},
      [{ row: 2, column: '入党日期', code: 'DATE_TOO_EARLY' }],
    ],
    [
      'probationary member without 转正日期 is fine',
      [row({ 人员类别: '预备党员', 入党日期: '2024-07-01', 转正日期: '' })],
      {},
      [],
    ],
    [
      'probationary member whose 转正日期 lies ahead is fine',
      [row({ 人员类别: '预备', 入党日期: '2024-07-01', 转正日期: '2025-07-01' })],
      {},
      [],
    ],
    [
      '转正日期 before 入党日期 → PROBATION_BEFORE_JOIN',
      [row({ 入党日期: '2019-07-01', 转正日期: '2018-07-01' })],
      {},
      [{ row: 2, column: '转正日期', code: 'PROBATION_BEFORE_JOIN' }],
    ],
    [
      'month-only 入党日期 2019.07 → warning, row still valid',
      [row({ 入党日期: '2019.07', 转正日期: '' })],
      {},
      [{ row: 2, column: '入党日期', code: 'DATE_MONTH_ONLY', severity: 'warning' }],
    ],
    [
      '入党积极分子 is not a member type → MEMBER_TYPE_UNKNOWN',
      [row({ 人员类别: '入党积极分子' })],
      {},
      [{ row: 2, column: '人员类别', code: 'MEMBER_TYPE_UNKNOWN' }],
    ],
    [
      'bad phone → PHONE_INVALID',
      [row({ 手机号码: '1380013' })],
      {},
      [{ row: 2, column: '手机号码', code: 'PHONE_INVALID' }],
    ],
    [
      'duplicate phone in file → issue on both rows',
      [row({ 姓名: '赵敏' }), row({ 姓名: '钱多' })],
      {},
      [
        { row: 2, column: '手机号码', code: 'DUPLICATE_IN_FILE' },
        { row: 3, column: '手机号码', code: 'DUPLICATE_IN_FILE' },
      ],
    ],
    [
      'same name and no phone twice in one branch → issue on both rows',
      [row({ 手机号码: '' }), row({ 手机号码: '' })],
      {},
      [
        { row: 2, column: '姓名', code: 'DUPLICATE_IN_FILE' },
        { row: 3, column: '姓名', code: 'DUPLICATE_IN_FILE' },
      ],
    ],
    [
      'same name in two branches is two people',
      [row({ 手机号码: '' }), row({ 手机号码: '', 所在党支部: '实验小学', 党小组: '' })],
      {},
      [],
    ],
    [
      'phone of an existing member of another name → PHONE_TAKEN',
      [row({ 手机号码: '13800138000' })],
      {},
      [{ row: 2, column: '手机号码', code: 'PHONE_TAKEN' }],
    ],
    [
      'existing member of another branch (same name and phone) → MEMBER_IN_OTHER_BRANCH',
      [row({ 姓名: '张伟', 手机号码: '13900139000' })],
      {},
      [{ row: 2, column: '姓名', code: 'MEMBER_IN_OTHER_BRANCH' }],
    ],
    [
      'two members named 刘洋 in the branch and no phone → MATCH_AMBIGUOUS',
      [row({ 姓名: '刘洋', 手机号码: '' })],
      {},
      [{ row: 2, column: '姓名', code: 'MATCH_AMBIGUOUS' }],
    ],
    [
      'a namesake with another phone → warning, imported as a new member',
      [row({ 姓名: '王建国', 手机号码: '13600136000' })],
      {},
      [{ row: 2, column: '姓名', code: 'NAME_TAKEN_OTHER_PHONE', severity: 'warning' }],
    ],
    [
      'two rows that resolve to one member → issue on both',
      [row({ 姓名: '李芳', 手机号码: '13600136000' }), row({ 姓名: '李芳', 手机号码: '' })],
      {},
      [
        { row: 2, column: '姓名', code: 'DUPLICATE_IN_FILE' },
        { row: 3, column: '姓名', code: 'DUPLICATE_IN_FILE' },
      ],
    ],
    [
      "a secretary's file naming another branch → BRANCH_NOT_TARGET",
      [row({ 所在党支部: '实验小学党支部', 党小组: '' })],
      { targetBranchId: 'b1' },
      [{ row: 2, column: '所在党支部', code: 'BRANCH_NOT_TARGET' }],
    ],
    ['a secretary may leave 所在党支部 blank', [row({ 所在党支部: '' })], { targetBranchId: 'b1' }, []],
    [
      'a second 书记 for a branch that has one → SECRETARY_TAKEN',
      [row({ 职务: '书记' })],
      { existing: [{ id: 'm9', name: '孙书记', phone: null, branchId: 'b1', committeePosition: 'secretary' }] },
      [{ row: 2, column: '职务', code: 'SECRETARY_TAKEN' }],
    ],
    [
      'a new 书记 while the file moves the sitting one to another post is fine',
      [row({ 职务: '书记' }), row({ 姓名: '孙书记', 手机号码: '13600136001', 职务: '组织委员' })],
      {
        existing: [{ id: 'm9', name: '孙书记', phone: '13600136001', branchId: 'b1', committeePosition: 'secretary' }],
      },
      [],
    ],
    [
      'two 书记 of one branch in one file → issue on both',
      [row({ 职务: '书记' }), row({ 姓名: '钱多', 手机号码: '13600136002', 职务: '书记' })],
      {},
      [
        { row: 2, column: '职务', code: 'SECRETARY_TAKEN' },
        { row: 3, column: '职务', code: 'SECRETARY_TAKEN' },
      ],
    ],
    [
      'bureau staff leaving 所在党支部 blank → BRANCH_MISSING',
      [row({ 所在党支部: '' })],
      {},
      [{ row: 2, column: '所在党支部', code: 'BRANCH_MISSING' }],
    ],
    [
      'formula without a cached result → CELL_FORMULA',
      [row({ 姓名: { formula: 'A1' } })],
      {},
      [{ row: 2, column: '姓名', code: 'CELL_FORMULA' }],
    ],
    ['formula with a cached result is read', [row({ 姓名: { formula: 'CONCAT("赵","敏")', result: '赵敏' } })], {}, []],
    [
      'blank rows are skipped silently and rows keep their spreadsheet numbers',
      [[], ['', '  ', null], row({ 姓名: '' })],
      {},
      [{ row: 4, column: '姓名', code: 'NAME_MISSING' }],
    ],
  ])('%s', (_case, rows, over, expected) => {
    const result = preview(rows, over)
    expect(issuesOf(result)).toEqual(expected)
    const errors = new Set(result.issues.filter((issue) => issue.severity === 'error').map((issue) => issue.row))
    expect(result.validRows.map((valid) => valid.row)).toEqual(
      rows.map((_, index) => index + 2).filter((at) => !errors.has(at) && !isBlank(rows[at - 2])),
    )
  })
})

const isBlank = (cells: unknown[]) =>
  cells.every((cell) => cell === null || cell === undefined || String(cell).trim() === '')

describe('valid rows', () => {
  test('a good row carries canonical fields and a phone key', () => {
    const result = preview([
      row({ 人员类别: '预备党员', 入党日期: '2024年7月1日', 转正日期: '2025.07.01', 职务: '支部书记' }),
    ])
    expect(result.validRows).toEqual([
      {
        row: 2,
        key: 'phone:13700137000',
        matchMemberId: null,
        fields: {
          name: '赵敏',
          memberType: 'probationary',
          joinedOn: '2024-07-01',
          probationEndsOn: '2025-07-01',
          branchId: 'b1',
          groupId: 'g1',
          phone: '13700137000',
          committeePosition: 'secretary',
        },
      },
    ])
    expect(result.totals).toEqual({ dataRows: 1, validRows: 1, invalidRows: 0, matched: 0, added: 1 })
  })

  test.each<[string, unknown[], string, string | null]>([
    ['matched by phone', row({ 姓名: '王建国', 手机号码: '138 0013 8000' }), 'phone:13800138000', 'm1'],
    [
      'matched by name within the branch when there is no phone',
      row({ 姓名: '李芳', 手机号码: '' }),
      'name:b1:李芳',
      'm2',
    ],
    [
      'a phone given for a member stored without one',
      row({ 姓名: '李芳', 手机号码: '13500135000' }),
      'phone:13500135000',
      'm2',
    ],
    ['a new member', row({ 姓名: '孙丽', 手机号码: '' }), 'name:b1:孙丽', null],
  ])('%s', (_case, cells, key, matchMemberId) => {
    const [valid] = preview([cells]).validRows
    expect({ key: valid?.key, matchMemberId: valid?.matchMemberId }).toEqual({ key, matchMemberId })
  })

  test('a column the file lacks is absent from the fields (the stored value stays); a blank cell is null', () => {
    const result = previewImport(
      [
        ['姓名', '所在党支部', '党小组'],
        ['赵敏', '第一中学党支部', ''],
      ],
      context(),
    )
    expect(result.validRows[0]?.fields).toEqual({ name: '赵敏', branchId: 'b1', groupId: null })
  })
})

describe('the file as a whole', () => {
  test('title rows before the header are passed over', () => {
    const result = previewImport([['第一中学党支部党员花名册'], ['填报日期：2025年3月'], [], HEADER, row()], context())
    expect(result.issues).toEqual([])
    expect(result.validRows.map((valid) => valid.row)).toEqual([5])
  })

  test('no 姓名 column → one ROSTER.IMPORT_HEADERS issue', () => {
    const result = previewImport(
      [
        ['名字', '电话'],
        ['赵敏', '13700137000'],
      ],
      context(),
    )
    expect(issuesOf(result)).toEqual([{ row: 0, column: '姓名', code: 'ROSTER.IMPORT_HEADERS' }])
    expect(result.validRows).toEqual([])
  })

  test('bureau file without 所在党支部 column → ROSTER.IMPORT_HEADERS naming it', () => {
    const result = previewImport([['姓名'], ['赵敏']], context())
    expect(issuesOf(result)).toEqual([{ row: 0, column: '所在党支部', code: 'ROSTER.IMPORT_HEADERS' }])
  })

  test("a secretary's file needs no 所在党支部 column", () => {
    const result = previewImport([['姓名'], ['赵敏']], context({ targetBranchId: 'b1' }))
    expect(result.issues).toEqual([])
    expect(result.validRows[0]?.fields).toEqual({ name: '赵敏', branchId: 'b1' })
  })

  test.each<[string, unknown[][]]>([
    ['empty sheet', []],
    ['only blank rows', [[], ['', null]]],
    ['header without data rows', [HEADER, [], ['']]],
  ])('%s → ROSTER.IMPORT_NO_ROWS', (_case, sheet) => {
    expect(issuesOf(previewImport(sheet, context()))).toEqual([{ row: 0, column: '', code: 'ROSTER.IMPORT_NO_ROWS' }])
  })

  test('more rows than allowed → one ROSTER.IMPORT_TOO_LARGE issue and no row is checked', () => {
    const rows = Array.from({ length: 11 }, () => row({ 姓名: '' }))
    const result = preview(rows, { maxRows: 10 })
    expect(issuesOf(result)).toEqual([{ row: 0, column: '', code: 'ROSTER.IMPORT_TOO_LARGE' }])
    expect(result.totals.dataRows).toBe(0)
  })

  test('身份证号 column dropped and its values absent from the preview JSON', () => {
    const sheet = [
      ['姓名', '身份证号', '所在党支部', '手机号码', '公民身份号码'],
      ['赵敏', '110101199003077777', '第一中学党支部', '13700137000', '11010119900307777X'],
      // A bad row too: its issues must not quote the identity number either.
      ['', '110101199003071234', '第九中学', '110101199003075678', ''],
    ]
    const result = previewImport(sheet, context())
    expect(result.droppedColumns).toEqual(['身份证号', '公民身份号码'])
    const json = JSON.stringify(result)
    for (const id of ['110101199003077777', '11010119900307777X', '110101199003071234', '110101199003075678']) {
      expect(json).not.toContain(id)
    }
    expect(result.validRows).toHaveLength(1)
  })

  test('extra columns are listed as ignored; 性别 and 出生日期 are not stored (PIPL: collect the minimum)', () => {
    const result = previewImport(
      [
        ['序号', '姓名', '性别', '出生日期', '学历', '所在党支部', '备注'],
        [1, '赵敏', '女', '1990-03-07', '本科', '第一中学党支部', '无'],
      ],
      context(),
    )
    expect(result.ignoredColumns).toEqual(['序号', '性别', '出生日期', '学历', '备注'])
    expect(Object.keys(result.validRows[0]?.fields ?? {}).sort()).toEqual(['branchId', 'name'])
    expect(JSON.stringify(result)).not.toContain('1990-03-07')
  })

  test('totals add up', () => {
    const result = preview([row({ 姓名: '王建国', 手机号码: '13800138000' }), row(), row({ 姓名: '' }), []])
    expect(result.totals).toEqual({ dataRows: 3, validRows: 2, invalidRows: 1, matched: 1, added: 1 })
  })
})
