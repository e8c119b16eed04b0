import { groupPersonas, parsePersonas, UNBOUND_VISITOR } from '../../src/subpackages/dev/personas'

describe('persona picker', () => {
  test('reads what the emulator sends and skips unusable entries', () => {
    expect(
      parsePersonas([
        { _id: 'o-sec', name: '王建国', label: '实验小学党支部 支部书记', roles: ['member', 'branch_secretary'] },
        { _id: 'o-min' },
        { name: 'no id' },
        'junk',
      ]),
    ).toEqual([
      {
        openid: 'o-sec',
        name: '王建国',
        label: '实验小学党支部 支部书记',
        roles: ['member', 'branch_secretary'],
        branchName: null,
      },
      { openid: 'o-min', name: 'o-min', label: '', roles: [], branchName: null },
    ])
    expect(parsePersonas({ personas: [] })).toBeNull()
  })

  test('groups bureau staff, secretaries, members and the unbound, always offering an unbound user', () => {
    const personas = parsePersonas([
      { _id: 'o-m', name: '李晓雨', label: '党员', roles: ['member'] },
      { _id: 'o-s', name: '王建国', label: '支部书记' },
      { _id: 'o-b', name: '赵敏', label: '教育局党委组织科', roles: ['bureau_staff'] },
    ])
    const groups = groupPersonas(personas ?? [])
    expect(groups.map((g) => [g.title, g.personas.map((p) => p.openid)])).toEqual([
      ['教育局党委', ['o-b']],
      ['支部书记', ['o-s']],
      ['党员', ['o-m']],
      ['未绑定', [UNBOUND_VISITOR.openid]],
    ])
  })

  test('a seeded unbound persona joins the built-in unbound user', () => {
    const groups = groupPersonas(parsePersonas([{ _id: 'o-x', name: '新教师', label: '未绑定的微信' }]) ?? [])
    expect(groups).toEqual([
      expect.objectContaining({
        key: 'unbound',
        personas: [expect.objectContaining({ openid: 'o-x' }), UNBOUND_VISITOR],
      }),
    ])
  })
})
