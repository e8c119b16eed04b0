// The meeting form the schedule, edit and 补录 pages share: the draft's rules (a type brings its own scope,
// combined types must fit it, one Shanghai date and time make the instants) and the labelled fields a
// secretary sees (who is invited, the types a meeting may also count as, the committee note).
import { fireEvent, render, screen } from '@testing-library/react'
import { useState } from 'react'
import { NO_ERRORS } from '../../src/lib/form-errors'
import { type BranchRoster, MeetingFields } from '../../src/subpackages/meetings/components/meeting-fields'
import {
  blankDraft,
  combinableWith,
  fieldsOf,
  type MeetingDraft,
  scopeOf,
  scopesFor,
  withType,
} from '../../src/subpackages/meetings/lib/meeting-draft'
import { BackfillForm } from '../../src/subpackages/meetings/pages/backfill/index'

jest.mock(
  '../../src/services/location',
  () => ({ pickPlace: jest.fn(), currentPosition: jest.fn(), PICK_PLACE_LABEL: '使用当前位置作为签到地点' }),
  { virtual: true },
)

// The 补录 form saves through the transport, which these tests never reach.
jest.mock('../../src/services/call', () => ({ call: jest.fn() }))
// The 补录 form's photo picker: nothing is picked or uploaded in these tests.
jest.mock('../../src/services/cloud-files', () => ({ pickPhotos: jest.fn(), uploadToCloud: jest.fn() }), {
  virtual: true,
})

const NOW = new Date('2026-05-12T09:00:00+08:00').getTime()

describe('the draft', () => {
  it('a type brings its own scope; combined types that no longer fit are dropped', () => {
    const lecture = { ...blankDraft('lecture', NOW), scopeKind: 'group' as const, alsoCounts: ['theme_day' as const] }
    expect(withType(lecture, 'committee_meeting')).toMatchObject({ scopeKind: 'committee', alsoCounts: [] })
    expect(withType(lecture, 'study')).toMatchObject({ scopeKind: 'group', alsoCounts: ['theme_day'] })
    expect(withType(blankDraft('lecture', NOW), 'group_meeting').scopeKind).toBe('group')
    expect(scopesFor(['lecture'])).toEqual(['branch', 'group'])
    expect(scopesFor(['general_meeting', 'lecture'])).toEqual(['branch'])
    expect(combinableWith('org_life', 'branch')).toEqual(
      expect.arrayContaining(['appraisal', 'general_meeting', 'lecture']),
    )
    expect(combinableWith('committee_meeting', 'committee')).toEqual([])
  })

  it('one Shanghai date and start time, and a length, make the instants', () => {
    const draft: MeetingDraft = { ...blankDraft('theme_day', NOW), date: '2026-05-20', time: '15:30', minutes: 90 }
    const fields = fieldsOf(draft)
    expect(fields.startsAt).toBe(new Date('2026-05-20T15:30:00+08:00').getTime())
    expect(fields.endsAt - fields.startsAt).toBe(90 * 60_000)
    expect(blankDraft('theme_day', NOW).date).toBe('2026-05-13')
    expect(blankDraft('theme_day', NOW, true).date).toBe('2026-05-11')
  })

  it('a 党小组会 names its group; a branch meeting may invite the prospects', () => {
    expect(scopeOf(blankDraft('group_meeting', NOW))).toBeNull()
    expect(scopeOf({ ...blankDraft('group_meeting', NOW), groupId: 'g1' })).toEqual({ kind: 'group', groupId: 'g1' })
    expect(scopeOf({ ...blankDraft('lecture', NOW), prospects: true })).toEqual({ kind: 'branch', prospects: true })
  })
})

const roster: BranchRoster = {
  branchName: '山区学校联合支部',
  members: [
    { id: 'm1', name: '王建国', groupId: 'g1', committeePosition: 'secretary', voting: true },
    { id: 'm2', name: '李秀英', groupId: 'g1', committeePosition: null, voting: true },
    { id: 'm3', name: '张志强', groupId: 'g2', committeePosition: null, voting: false },
  ],
  groups: [
    { id: 'g1', name: '石门小学党小组', leaderId: 'm2' },
    { id: 'g2', name: '青山小学党小组', leaderId: null },
  ],
  hasCommittee: false,
  prospects: [{ id: 'df1', name: '邵雨晴', stage: 'activist' }],
}

function Form({ initial }: { initial: MeetingDraft }) {
  const [draft, setDraft] = useState(initial)
  return (
    <>
      <MeetingFields draft={draft} onChange={setDraft} roster={roster} errors={NO_ERRORS} mode="new" />
      <output data-testid="draft">{JSON.stringify(scopeOf(draft))}</output>
      <output data-testid="also">{draft.alsoCounts.join(',')}</output>
    </>
  )
}

describe('the fields a secretary sees', () => {
  it('a 党课 may be for the branch or one 党小组, with the prospects, and count as another type too', () => {
    render(<Form initial={blankDraft('lecture', NOW)} />)
    expect(screen.getByText('入党积极分子、发展对象列席（1人，不计应到、无表决权）')).toBeTruthy()
    fireEvent.click(screen.getByTestId('meeting-also-general_meeting'))
    expect(screen.getByTestId('also').textContent).toBe('general_meeting')
    fireEvent.click(screen.getByTestId('meeting-scope-group'))
    expect(screen.getByTestId('draft').textContent).toBe('null')
    expect(screen.getByTestId('meeting-invited').textContent).toBe('参会：请先选择党小组')
    fireEvent.click(screen.getByTestId('meeting-group-g1'))
    expect(screen.getByTestId('draft').textContent).toBe('{"kind":"group","groupId":"g1"}')
    expect(screen.getByTestId('meeting-invited').textContent).toBe('参会：2名党员')
    // A group scope drops combined types that do not allow it.
    expect(screen.getByTestId('also').textContent).toBe('')
  })

  it('a 党小组会’s host starts as the group’s 组长', () => {
    render(<Form initial={blankDraft('group_meeting', NOW)} />)
    fireEvent.click(screen.getByTestId('meeting-group-g1'))
    expect(screen.getByTestId('meeting-host').textContent).toContain('李秀英')
  })

  it('a 支委会 is for the committee, and says when the branch has none', () => {
    render(<Form initial={blankDraft('committee_meeting', NOW)} />)
    expect(screen.getByTestId('meeting-scope').textContent).toBe('支部委员（1人）')
    expect(screen.getByText('本支部正式党员不足7人，未设支委会，支委会不作考核要求')).toBeTruthy()
    expect(screen.queryByTestId('meeting-also')).toBeNull()
  })

  it('date and time come from pickers, and the place button picks the check-in place', () => {
    render(<Form initial={{ ...blankDraft('theme_day', NOW), date: '2026-05-20', time: '15:30' }} />)
    expect(screen.getByTestId('meeting-date').textContent).toContain('2026-05-20')
    expect(screen.getByTestId('meeting-time').textContent).toContain('15:30')
    expect(screen.getByTestId('meeting-length').textContent).toContain('2小时')
    expect(screen.getByTestId('meeting-pick-place').textContent).toBe('使用当前位置作为签到地点（选填）')
    expect(screen.getByTestId('meeting-host').textContent).toContain('请选择')
  })
})

describe('补录', () => {
  it('leaves the secretary out of the roll they enter, and says who marks them', () => {
    render(<BackfillForm roster={roster} branchId="b1" tenantId="t1" selfId="m1" />)
    fireEvent.click(screen.getByTestId('meeting-group-g1'))
    // 石门小学党小组 is 王建国 (the secretary, filling the form) and 李秀英: only 李秀英 is on the roll.
    expect(screen.getAllByTestId('backfill-member').map((row) => row.textContent)).toEqual([
      expect.stringContaining('李秀英'),
    ])
    expect(screen.getByTestId('backfill-self').textContent).toContain('您本人的考勤不能自己登记')
    fireEvent.click(screen.getByTestId('meeting-group-g2'))
    expect(screen.queryByTestId('backfill-self')).toBeNull()
  })
})
