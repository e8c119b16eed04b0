import { type ImportPlan, planImport, type StoredMember } from '../../cloudfunctions/domain/roster/import/plan-import'
import { type ImportContext, previewImport } from '../../cloudfunctions/domain/roster/import/validate-rows'

const branches = [{ id: 'b1', name: '第一中学党支部' }]
const groups = [
  { id: 'g1', name: '第一党小组', branchId: 'b1' },
  { id: 'g2', name: '第二党小组', branchId: 'b1' },
]

const FILE = [
  ['第一中学党支部党员花名册'],
  ['姓名', '人员类别', '入党日期', '转正日期', '党小组', '手机号码', '职务', '身份证号'],
  ['王建国', '正式党员', '2005-07-01', '2006-07-01', '第一党小组', '13800138000', '支部书记', '110101197001017777'],
  ['李　芳', '预备党员', '2024.07.01', '2025.07.01', '第二党小组', '', '', ''],
  ['阿依古丽・买买提', '正式', 43647, 44013, '第一党小组', '+86 139 0013 9000', '组织委员', ''],
  [],
  ['孙丽', '', '2010年7月1日', '', '', '１３７００１３７０００', '教师', ''],
]

/** A secretary of 第一中学 previews against the stored roster and plans the writes. */
function importOnce(file: unknown[][], stored: StoredMember[]): ImportPlan {
  const context: ImportContext = {
    today: '2025-03-01',
    branches,
    groups,
    existing: stored.map((member) => ({
      id: member._id,
      name: member.name,
      phone: member.phone,
      branchId: member.branchId,
    })),
    targetBranchId: 'b1',
    maxRows: 100,
  }
  const preview = previewImport(file, context)
  expect(preview.issues.filter((issue) => issue.severity === 'error')).toEqual([])
  return planImport(preview.validRows, stored)
}

/** Applies a plan as the handler would, so the next import sees its result. */
function apply(plan: ImportPlan, stored: StoredMember[]): StoredMember[] {
  const next = stored.map((member) => {
    const update = plan.update.find((change) => change.id === member._id)
    return update ? { ...member, ...update.changes } : member
  })
  return [...next, ...plan.create.map((create, index) => ({ _id: `new${stored.length + index}`, ...create.fields }))]
}

const writes = (plan: ImportPlan) => plan.create.length + plan.update.length

describe('write plan', () => {
  test('first import of a file creates every valid row', () => {
    const plan = importOnce(FILE, [])
    expect(plan.create.map((create) => create.fields.name)).toEqual(['王建国', '李芳', '阿依古丽·买买提', '孙丽'])
    expect(plan.create[3]?.fields).toEqual({
      name: '孙丽',
      branchId: 'b1',
      memberType: 'formal', // a blank 人员类别 is a full member
      joinedOn: '2010-07-01',
      probationEndsOn: null,
      groupId: null,
      phone: '13700137000',
      committeePosition: null,
    })
    expect(plan.update).toEqual([])
  })

  test('re-import of the same file plans zero writes', () => {
    const stored = apply(importOnce(FILE, []), [])
    const again = importOnce(FILE, stored)
    expect(writes(again)).toBe(0)
    expect(again.unchanged).toBe(4)
  })

  test('re-import after the secretary added a namesake with a phone still matches the phone-less row', () => {
    const stored = apply(importOnce(FILE, []), [])
    stored.push({ ...stored[1], _id: 'other', phone: '13500135000' } as StoredMember)
    expect(writes(importOnce(FILE, stored))).toBe(0)
  })

  test.each<[string, (file: unknown[][]) => void, Record<string, unknown>]>([
    [
      'a changed 人员类别 updates only the member type',
      (file) => {
        file[3][1] = '正式党员'
      },
      { 李芳: { memberType: 'formal' } },
    ],
    [
      'a phone given later updates the phone in place',
      (file) => {
        file[3][5] = '13600136000'
      },
      { 李芳: { phone: '13600136000' } },
    ],
    [
      'a blank 党小组 cell clears the group',
      (file) => {
        file[2][4] = ''
      },
      { 王建国: { groupId: null } },
    ],
    [
      'a new position is set, an old one cleared',
      (file) => {
        file[2][6] = '教师'
        file[6][6] = '宣传委员'
      },
      { 王建国: { committeePosition: null }, 孙丽: { committeePosition: 'publicity' } },
    ],
  ])('%s', (_case, edit, expected) => {
    const stored = apply(importOnce(FILE, []), [])
    const file = FILE.map((cells) => [...cells])
    edit(file)
    const plan = importOnce(file, stored)
    expect(plan.create).toEqual([])
    const nameOf = (id: string) => stored.find((member) => member._id === id)?.name ?? id
    expect(Object.fromEntries(plan.update.map((update) => [nameOf(update.id), update.changes]))).toEqual(expected)
  })

  test('a file without a 党小组 column leaves the stored groups alone', () => {
    const stored = apply(importOnce(FILE, []), [])
    const withoutGroups = FILE.map((cells) => cells.filter((_, index) => index !== 4))
    expect(writes(importOnce(withoutGroups, stored))).toBe(0)
  })

  test('a stored name with stray spacing is tidied to the file’s normalised name', () => {
    const stored = apply(importOnce(FILE, []), [])
    const wang = stored.find((member) => member.name === '王建国') as StoredMember
    wang.name = '王建国 '
    const plan = importOnce(FILE, stored)
    expect(plan.update).toEqual([{ id: wang._id, row: 3, changes: { name: '王建国' } }])
  })

  test('a matched member deleted since the preview is reported stale, not written', () => {
    const plan = planImport(
      [{ row: 3, key: 'phone:13800138000', matchMemberId: 'gone', fields: { name: '王建国', branchId: 'b1' } }],
      [],
    )
    expect(plan).toEqual({ create: [], update: [], unchanged: 0, stale: [3] })
  })
})
