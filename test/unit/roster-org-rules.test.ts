import {
  appointRefusal,
  destinationRefusal,
  fitsUnder,
  mayChangeOrg,
  mayCreateUnder,
  mergeRefusal,
  reparented,
  schoolsFit,
} from '../../cloudfunctions/domain/roster/org-rules'
import type { Grant, MemberDoc, OrgDoc, OrgKind } from '../../types/roster'

const org = (id: string, kind: OrgKind, ancestors: string[], status: OrgDoc['status'] = 'active') => ({
  _id: id,
  tenantId: 't',
  kind,
  parentId: ancestors.at(-1) ?? null,
  ancestors,
  status,
})
const committee = org('c', 'committee', [])
const gb = org('gb', 'general_branch', ['c'])
const underGb = org('b1', 'branch', ['c', 'gb'])
const direct = org('b2', 'branch', ['c'])
const groupOfB1 = org('g1', 'group', ['c', 'gb', 'b1'])
const groupOfB2 = org('g2', 'group', ['c', 'b2'])

const person = (
  id: string,
  branchId: string | null,
  committeePosition: MemberDoc['committeePosition'],
  grants: Grant[] = [],
): Pick<MemberDoc, '_id' | 'tenantId' | 'status' | 'branchId' | 'committeePosition' | 'grants'> => ({
  _id: id,
  tenantId: 't',
  status: 'active',
  branchId,
  committeePosition,
  grants,
})
const bureau = person('bu', null, null, [{ role: 'bureau_staff' }])
const gbSecretary = person('gs', 'b1', 'secretary', [{ role: 'general_branch_secretary', orgId: 'gb' }])
const secretaryB2 = person('s2', 'b2', 'secretary')
const committeeB2 = person('c2', 'b2', 'organization')
const instructor = person('in', null, null, [{ role: 'instructor', orgIds: ['b2'] }])
const otherTenant = { ...bureau, tenantId: 'other' }

describe('who may change a node (rename, merge away, close, name a 组长)', () => {
  test.each([
    ['bureau staff: the 党委', bureau, committee, true],
    ['bureau staff: a 党总支', bureau, gb, true],
    ['bureau staff: any group', bureau, groupOfB2, true],
    ['总支书记: a branch under their 党总支', gbSecretary, underGb, true],
    ['总支书记: a group there', gbSecretary, groupOfB1, true],
    ['总支书记: their 党总支 itself (the 党委 shapes it)', gbSecretary, gb, false],
    ['总支书记: a branch outside it', gbSecretary, direct, false],
    ['支部书记: a group of their branch', secretaryB2, groupOfB2, true],
    ['支部书记: their branch itself (set up from above)', secretaryB2, direct, false],
    ['支部书记: another branch’s group', secretaryB2, groupOfB1, false],
    ['组织委员: a group of their branch', committeeB2, groupOfB2, false],
    ['党建指导员: a branch they guide', instructor, direct, false],
    ['bureau staff of another tenant', otherTenant, groupOfB2, false],
  ] as const)('%s → %s', (_, caller, node, allowed) => {
    expect(mayChangeOrg(caller, node)).toBe(allowed)
  })
})

describe('what sits under what, and who may create it', () => {
  test.each([
    ['general_branch', committee, true],
    ['general_branch', gb, false],
    ['branch', committee, true],
    ['branch', gb, true],
    ['branch', underGb, false],
    ['group', underGb, true],
    ['group', committee, false],
    ['committee', committee, false],
  ] as const)('a %s under a %s: %s', (kind, parent, fits) => {
    expect(fitsUnder(kind, parent)).toBe(fits)
  })

  test.each([
    ['bureau staff: a 党总支 under the 党委', bureau, committee, 'general_branch', true],
    ['bureau staff: a branch under a 党总支', bureau, gb, 'branch', true],
    ['总支书记: a branch under their 党总支', gbSecretary, gb, 'branch', true],
    ['总支书记: a branch right under the 党委', gbSecretary, committee, 'branch', false],
    ['总支书记: a 党总支', gbSecretary, committee, 'general_branch', false],
    ['支部书记: a group in their branch', secretaryB2, direct, 'group', true],
    ['支部书记: a group in another branch', secretaryB2, underGb, 'group', false],
    ['支部书记: a branch', secretaryB2, committee, 'branch', false],
    ['组织委员: a group in their branch', committeeB2, direct, 'group', false],
    ['bureau staff: a group under the 党委 (wrong level)', bureau, committee, 'group', false],
  ] as const)('%s', (_, caller, parent, kind, allowed) => {
    expect(mayCreateUnder(caller, parent, kind)).toBe(allowed)
  })
})

test.each([
  ['a school branch with its school', 'branch', [{ name: '实验小学', type: 'primary' }], true],
  [
    'a 联合支部 of three schools',
    'branch',
    [
      { name: '石门小学', type: 'primary' },
      { name: '青山小学', type: 'primary' },
      { name: '河口教学点', type: 'teaching_point' },
    ],
    true,
  ],
  ['a branch without a school', 'branch', [], false],
  [
    'the same school twice',
    'branch',
    [
      { name: '石门小学', type: 'primary' },
      { name: '石门小学', type: 'primary' },
    ],
    false,
  ],
  ['a group with a school', 'group', [{ name: '实验小学', type: 'primary' }], false],
  ['a 党总支 without one', 'general_branch', [], true],
] as const)('schools: %s → %s', (_, kind, schools, fits) => {
  expect(schoolsFit(kind, schools)).toBe(fits)
})

describe('merging', () => {
  test.each([
    ['two branches', underGb, direct, null],
    ['two groups of one branch', groupOfB2, org('g3', 'group', ['c', 'b2']), null],
    ['a node into itself', direct, direct, '不能并入自身'],
    ['a branch into a group', direct, groupOfB2, '只能并入同级、同类的党组织'],
    ['into a closed branch', direct, org('bx', 'branch', ['c'], 'closed'), '已撤销的党组织不能合并'],
    ['groups of two branches (that is a 组织关系转接)', groupOfB1, groupOfB2, '党小组只能并入本支部的其他党小组'],
    ['the 党委', committee, org('c2', 'committee', []), '只能并入同级、同类的党组织'],
  ] as const)('%s → %s', (_, from, into, refusal) => {
    expect(mergeRefusal(from, into)).toBe(refusal)
  })
})

describe('where a closing node’s members go', () => {
  test.each([
    ['an empty branch, nowhere', direct, null, false, null],
    ['a branch with members, nowhere', direct, null, true, 'ORG.HAS_MEMBERS'],
    ['a branch with members, to another branch', direct, underGb, true, null],
    ['a branch with members, to a group', direct, groupOfB1, true, 'ORG.BAD_PARENT'],
    ['a branch, to a closed branch', direct, org('bx', 'branch', ['c'], 'closed'), true, 'ORG.BAD_PARENT'],
    ['a branch, to itself', direct, direct, true, 'ORG.BAD_PARENT'],
    ['a group with members, to no group', groupOfB2, null, true, null],
    ['a group, to a group of its branch', groupOfB2, org('g3', 'group', ['c', 'b2']), true, null],
    ['a group, to another branch’s group', groupOfB2, groupOfB1, true, 'ORG.BAD_PARENT'],
    ['a 党总支 with branches, nowhere', gb, null, true, 'ORG.HAS_MEMBERS'],
    ['a 党总支 with branches, to the 党委', gb, committee, true, null],
    ['a 党总支, to a branch', gb, direct, true, 'ORG.BAD_PARENT'],
  ] as const)('%s → %s', (_, node, to, hasContents, refusal) => {
    expect(destinationRefusal(node, to, hasContents)).toBe(refusal)
  })
})

test('moving a branch re-roots it and every node below, keeping their path from it down', () => {
  const paths = reparented({ _id: 'b1', ancestors: ['c', 'gb'] }, { _id: 'gb2', ancestors: ['c'] }, [
    { _id: 'g1', ancestors: ['c', 'gb', 'b1'] },
    { _id: 'x', ancestors: ['c', 'gb'] },
  ])
  expect(Object.fromEntries(paths)).toEqual({ b1: ['c', 'gb2'], g1: ['c', 'gb2', 'b1'] })
})

describe('appointing to the 支委会', () => {
  const target = { _id: 'm9' }
  test.each([
    ['bureau staff: a 书记 anywhere', bureau, direct, 'secretary', null, null],
    ['总支书记: a 书记 under their 党总支', gbSecretary, underGb, 'secretary', null, null],
    ['总支书记: a post outside it', gbSecretary, direct, 'publicity', null, 'AUTH.FORBIDDEN'],
    ['支部书记: a 宣传委员 of their branch', secretaryB2, direct, 'publicity', null, null],
    ['支部书记: ending a 委员 post of their branch', secretaryB2, direct, null, 'discipline', null],
    ['支部书记: a 书记 (appointed from above)', secretaryB2, direct, 'secretary', null, 'AUTH.FORBIDDEN'],
    ['支部书记: a post in another branch', secretaryB2, underGb, 'publicity', null, 'AUTH.FORBIDDEN'],
    ['组织委员: any post', committeeB2, direct, 'publicity', null, 'AUTH.FORBIDDEN'],
  ] as const)('%s', (_, caller, branch, position, current, refusal) => {
    expect(appointRefusal(caller, branch, target, position, current)).toBe(refusal)
  })

  test('nobody appoints themself, bureau staff included', () => {
    expect(appointRefusal(bureau, direct, { _id: 'bu' }, 'secretary', null)).toBe('ORG.SELF')
    expect(appointRefusal(secretaryB2, direct, { _id: 's2' }, null, 'secretary')).toBe('ORG.SELF')
  })
})
