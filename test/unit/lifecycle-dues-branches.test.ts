// Which branch a member owes each month's dues to, read from their membership history: owed from 入党时间
// through the month they leave the county or the roster, the months before an in-county move with the old
// branch and the month of the move on with the new one, and a member who comes back owing again — never
// twice for one month. The bills, the branch sheets, the bureau's figures and the arrears all read this.
import {
  type DuesSpan,
  duesSpans,
  type MembershipStep,
  monthBranches,
} from '../../cloudfunctions/domain/lifecycle/dues-branches'

const A = 'org_a'
const B = 'org_b'
let clock = 0
/** A change on a day; `at` increases in the order written, as the functions record them. */
const step = (kind: MembershipStep['kind'], branchId: string, on: string, otherBranchId?: string): MembershipStep => ({
  kind,
  branchId,
  on,
  at: ++clock,
  ...(otherBranchId ? { otherBranchId } : {}),
})
/** An in-county move as the roster's transferMember writes it: 转出 and 转入 at one instant. */
const move = (from: string, to: string, on: string): MembershipStep[] => {
  const at = ++clock
  return [
    { kind: 'transfer_out', branchId: from, otherBranchId: to, on, at },
    { kind: 'transfer_in', branchId: to, otherBranchId: from, on, at },
  ]
}
const active = { joinedOn: '2015-07-01', branchId: A, status: 'active' as const }
const inactive = { ...active, status: 'inactive' as const }

describe('duesSpans', () => {
  it.each<[string, Parameters<typeof duesSpans>[0], MembershipStep[], DuesSpan[]]>([
    ['no history, active: from 入党时间 in their branch', active, [], [{ branchId: A, from: '2015-07', to: null }]],
    ['no history, inactive: the day they left is unknown, nothing owed', inactive, [], []],
    [
      'joined the roster long after 入党时间: owed from 入党时间',
      active,
      [step('join', A, '2026-03-02')],
      [{ branchId: A, from: '2015-07', to: null }],
    ],
    [
      '预备党员 accepted 2026-06-15, on the roster at the approval in July: owed from June',
      { ...active, joinedOn: '2026-06-15' },
      [step('join', A, '2026-07-20')],
      [{ branchId: A, from: '2026-06', to: null }],
    ],
    [
      '转出县外 with the 回执 on 2026-11-20: owed through November',
      inactive,
      [step('join', A, '2026-01-05'), step('transfer_out', A, '2026-11-20')],
      [{ branchId: A, from: '2015-07', to: '2026-11' }],
    ],
    [
      '停用 on the last day of a month: that month is owed, the next is not',
      inactive,
      [step('join', A, '2026-01-05'), step('leave', A, '2026-10-31')],
      [{ branchId: A, from: '2015-07', to: '2026-10' }],
    ],
    [
      'a history that begins with leaving (older roster data): in that branch until then',
      inactive,
      [step('leave', A, '2026-05-10')],
      [{ branchId: A, from: '2015-07', to: '2026-05' }],
    ],
    [
      'moved within the county on 2026-12-10: November with the old branch, December on with the new',
      { ...active, branchId: B },
      [step('join', A, '2026-01-05'), ...move(A, B, '2026-12-10')],
      [
        { branchId: A, from: '2015-07', to: '2026-11' },
        { branchId: B, from: '2026-12', to: null },
      ],
    ],
    [
      'moved on the 1st: that month is already the new branch’s',
      { ...active, branchId: B },
      [...move(A, B, '2026-12-01')],
      [
        { branchId: A, from: '2015-07', to: '2026-11' },
        { branchId: B, from: '2026-12', to: null },
      ],
    ],
    [
      'moved twice in one month (A → B → C): the month goes with the last branch',
      { ...active, branchId: 'org_c' },
      [...move(A, B, '2026-04-03'), ...move(B, 'org_c', '2026-04-25')],
      [
        { branchId: A, from: '2015-07', to: '2026-03' },
        { branchId: 'org_c', from: '2026-04', to: null },
      ],
    ],
    [
      'moved, then moved back a month later',
      active,
      [...move(A, B, '2026-04-03'), ...move(B, A, '2026-05-03')],
      [
        { branchId: A, from: '2015-07', to: '2026-03' },
        { branchId: B, from: '2026-04', to: '2026-04' },
        { branchId: A, from: '2026-05', to: null },
      ],
    ],
    [
      '转入 from outside the county (报到 on 2026-09-08): owed here from September, not from 入党时间',
      active,
      [step('transfer_in', A, '2026-09-08')],
      [{ branchId: A, from: '2026-09', to: null }],
    ],
    [
      'left in March and came back in June to another branch: April and May are not owed',
      { ...active, branchId: B },
      [step('join', A, '2025-01-02'), step('leave', A, '2026-03-15'), step('join', B, '2026-06-01')],
      [
        { branchId: A, from: '2015-07', to: '2026-03' },
        { branchId: B, from: '2026-06', to: null },
      ],
    ],
    [
      'left and came back within one month: the month is owed once, to the branch left',
      active,
      [step('join', A, '2025-01-02'), step('leave', A, '2026-03-05'), step('join', A, '2026-03-25')],
      [
        { branchId: A, from: '2015-07', to: '2026-03' },
        { branchId: A, from: '2026-04', to: null },
      ],
    ],
    [
      'no 入党时间: owed as far back as anyone reads, until leaving',
      { ...inactive, joinedOn: null },
      [step('join', A, '2026-01-05'), step('transfer_out', A, '2026-02-01')],
      [{ branchId: A, from: null, to: '2026-02' }],
    ],
  ])('%s', (_case, member, history, expected) => {
    expect(duesSpans(member, history)).toEqual(expected)
  })

  it('reads changes in the order they happened, whatever order the store answers them in', () => {
    const history = [step('join', A, '2026-01-05'), ...move(A, B, '2026-06-10'), step('leave', B, '2026-09-30')]
    expect(duesSpans(inactive, [...history].reverse())).toEqual(duesSpans(inactive, history))
  })
})

describe('monthBranches', () => {
  it('gives each owed month of the span read its branch, and leaves out months not owed', () => {
    const spans = duesSpans(inactive, [
      step('join', A, '2026-01-05'),
      ...move(A, B, '2026-06-10'),
      step('transfer_out', B, '2026-09-20'),
    ])
    const months = monthBranches(spans, '2026-01', '2026-12')
    expect([...months]).toEqual([
      ['2026-01', A],
      ['2026-02', A],
      ['2026-03', A],
      ['2026-04', A],
      ['2026-05', A],
      ['2026-06', B],
      ['2026-07', B],
      ['2026-08', B],
      ['2026-09', B],
    ])
  })

  it('starts at 入党时间 within the span, and owes nothing outside it', () => {
    const spans = duesSpans({ ...active, joinedOn: '2026-10-18' }, [])
    expect([...monthBranches(spans, '2026-01', '2026-12').keys()]).toEqual(['2026-10', '2026-11', '2026-12'])
    expect(monthBranches(spans, '2025-01', '2025-12').size).toBe(0)
  })
})
