import { fireEvent, render, screen } from '@testing-library/react'
import { DEFAULT_CATALOGUE } from '../../cloudfunctions/domain/points/default-rules'
import { BranchRows, MemberRows } from '../../src/components/leaderboard-rows'
import { formErrorsOf, NO_ERRORS } from '../../src/lib/form-errors'
import { ClaimReviewList } from '../../src/subpackages/points/components/claim-review'
import { RulesEditor } from '../../src/subpackages/points/components/rules-editor'
import { catalogueFields, catalogueInput, draftOf } from '../../src/subpackages/points/lib/rules-draft'
import type { BranchStanding, Claim, Standing } from '../../types/points'

const standing = (memberId: string, name: string, points: number, rank: number): Standing => ({
  memberId,
  name,
  branchName: '实验小学党支部',
  points,
  rank,
})

describe('积分排行榜 rows', () => {
  test('tied members share a rank and say 并列; the next rank skips; my row is marked', () => {
    const rows = [
      standing('m1', '宋敏', 12, 1),
      standing('m2', '李强', 10, 2),
      standing('m3', '王芳', 10, 2),
      standing('m4', '赵磊', 8, 4),
    ]
    render(<MemberRows rows={rows} me={rows[2]} showBranch={false} />)
    expect(screen.getAllByTestId('member-rank').map((cell) => cell.textContent)).toEqual(['1', '2', '2', '4'])
    const rendered = screen.getAllByTestId('member-row')
    expect(rendered[1].textContent).toContain('并列')
    expect(rendered[2].textContent).toContain('并列')
    expect(rendered[0].textContent).not.toContain('并列')
    expect(rendered[2].className).toContain('board-row--me')
    expect(screen.getByTestId('board-me').textContent).toBe('我的排名：第 2 名 · 10 分')
  })

  test('branches show average, participation and total with the sorted column marked, exempt members named', () => {
    const rows: BranchStanding[] = [
      {
        branchId: 'b1',
        name: '村小联合党支部',
        members: 4,
        activeMembers: 3,
        total: 30,
        average: 10,
        participation: 1,
        rank: 1,
      },
      {
        branchId: 'b2',
        name: '实验小学党支部',
        members: 40,
        activeMembers: 40,
        total: 133,
        average: 3.325,
        participation: 0.45,
        rank: 2,
      },
      {
        branchId: 'b3',
        name: '第一中学党支部',
        members: 20,
        activeMembers: 20,
        total: 66.5 * 2,
        average: 3.325 * 2 - 3.325,
        participation: 0.5,
        rank: 2,
      },
    ]
    render(<BranchRows rows={rows} sort="average" />)
    expect(screen.getAllByTestId('branch-name').map((c) => c.textContent)).toEqual([
      '村小联合党支部',
      '实验小学党支部',
      '第一中学党支部',
    ])
    expect(screen.getAllByTestId('branch-average').map((c) => c.textContent)).toEqual(['10', '3.33', '3.33'])
    expect(screen.getAllByTestId('branch-participation').map((c) => c.textContent)).toEqual(['100%', '45%', '50%'])
    expect(screen.getAllByTestId('branch-total').map((c) => c.textContent)).toEqual(['30', '133', '133'])
    expect(screen.getAllByTestId('branch-rank').map((c) => c.textContent)).toEqual(['1', '2', '2'])
    expect(screen.getAllByTestId('branch-row')[0].textContent).toContain('3 人参与排名（1 人免于排名）')
    expect(screen.getAllByTestId('branch-row')[1].textContent).toContain('并列')
    expect(screen.getByTestId('branch-head-average').className).toContain('board-col--sorted')
    expect(screen.getByTestId('branch-head-total').className).not.toContain('board-col--sorted')
    expect(screen.getAllByTestId('branch-average')[0].className).toContain('board-col--sorted')
  })
})

const claim = (id: string, status: Claim['status'], decisionReason: string | null = null): Claim => ({
  id,
  memberId: 'm6',
  memberName: '李强',
  ruleKey: 'volunteer',
  ruleName: '志愿服务',
  points: 2,
  note: '周末在社区开展义务辅导2小时',
  photos: ['cloud://x/points/t/m6/1.jpg'],
  kind: 'claim',
  proposedByName: '李强',
  status,
  decisionReason,
  createdAt: 0,
})

describe('审核申报 claim review', () => {
  test('a pending claim shows who, what, points, evidence, and approve / reject', () => {
    const onApprove = jest.fn()
    const onReject = jest.fn()
    render(
      <ClaimReviewList claims={[claim('c1', 'pending')]} busyId={null} onApprove={onApprove} onReject={onReject} />,
    )
    const card = screen.getByTestId('claim-card')
    expect(card.textContent).toContain('李强 · 志愿服务')
    expect(card.textContent).toContain('+2 分')
    expect(card.textContent).toContain('佐证照片 1 张')
    fireEvent.click(screen.getByTestId('claim-approve'))
    expect(onApprove).toHaveBeenCalledWith(expect.objectContaining({ id: 'c1' }))
    fireEvent.click(screen.getByTestId('claim-reject'))
    expect(onReject).toHaveBeenCalledWith(expect.objectContaining({ id: 'c1' }))
  })

  test('buttons are disabled while that claim is being decided; a decided claim shows its reason', () => {
    render(
      <ClaimReviewList
        claims={[claim('c1', 'pending'), claim('c2', 'rejected', '缺少活动照片')]}
        busyId="c1"
        onApprove={jest.fn()}
        onReject={jest.fn()}
      />,
    )
    expect(screen.getByTestId('claim-approve').hasAttribute('disabled')).toBe(true)
    expect(screen.getByTestId('claim-status').textContent).toBe('未通过：缺少活动照片')
  })
})

describe('积分细则 rules editor', () => {
  const draft = draftOf(DEFAULT_CATALOGUE)

  test('every rule is listed with points, caps and who may grant it', () => {
    render(
      <RulesEditor
        draft={draft}
        errors={NO_ERRORS}
        saving={false}
        onChange={jest.fn()}
        onAddRule={jest.fn()}
        onSave={jest.fn()}
      />,
    )
    expect(screen.getAllByTestId('rule-card')).toHaveLength(DEFAULT_CATALOGUE.rules.length)
    const volunteer = screen.getAllByTestId('rule-card')[4]
    expect(volunteer.querySelector('[data-testid="rules-input-rules.4.caps.year"]')?.getAttribute('value')).toBe('40')
    expect(volunteer.querySelector('[data-testid="rules-input-rules.4.caps.day"]')?.getAttribute('value')).toBe('5')
  })

  test('INPUT.INVALID issues from the server stand beside their rule field; others are general', () => {
    const errors = formErrorsOf(
      {
        code: 'INPUT.INVALID',
        message: '填写的内容有误，请检查后重试',
        details: [
          { path: ['rules', 4, 'points'], message: '分值不能为0' },
          { path: ['rules', 1, 'caps', 'year'], message: '数值过小：应大于0' },
          { path: ['grades'], message: '等次分数线应从高到低' },
          { path: ['unexpected'], message: '无法识别' },
        ],
      },
      catalogueFields(draft.rules.length),
    )
    render(
      <RulesEditor
        draft={draft}
        errors={errors}
        saving={false}
        onChange={jest.fn()}
        onAddRule={jest.fn()}
        onSave={jest.fn()}
      />,
    )
    expect(screen.getByTestId('rules-error-rules.4.points').textContent).toBe('分值不能为0')
    expect(screen.getByTestId('rules-input-rules.4.points').className).toContain('field-input--invalid')
    expect(screen.getByTestId('rules-error-rules.1.caps.year').textContent).toBe('数值过小：应大于0')
    expect(screen.getByTestId('rules-error-grades').textContent).toBe('等次分数线应从高到低')
    expect(screen.getByTestId('rules-error').textContent).toBe('无法识别')
  })

  test('toggling who may grant changes the draft; blank caps become no cap', () => {
    const onChange = jest.fn()
    render(
      <RulesEditor
        draft={draft}
        errors={NO_ERRORS}
        saving={false}
        onChange={onChange}
        onAddRule={jest.fn()}
        onSave={jest.fn()}
      />,
    )
    const volunteer = screen.getAllByTestId('rule-card')[4]
    fireEvent.click(volunteer.querySelectorAll('[data-testid="rule-grant-role"]')[0])
    const next = onChange.mock.calls[0][0]
    expect(next.rules[4].grantRoles).toEqual(['general_branch_secretary', 'bureau_staff'])
    expect(catalogueInput(draft)).toEqual(DEFAULT_CATALOGUE)
  })
})
