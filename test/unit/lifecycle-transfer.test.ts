// 组织关系转接: a 介绍信's validity and states until the 回执 or 报到, and what a transfer within the county
// moves in the meetings still to come.
import {
  completionRefusal,
  letterExpiresOn,
  transferState,
} from '../../cloudfunctions/domain/lifecycle/transfer-letter'
import {
  groupMeetingMoves,
  meetingMoves,
  type UpcomingMeeting,
} from '../../cloudfunctions/domain/transfer/meeting-moves'
import type { TransferDoc } from '../../types/lifecycle'

type Letter = Pick<TransferDoc, 'direction' | 'status' | 'issuedOn' | 'validDays'>
const out = (over: Partial<Letter> = {}): Letter => ({
  direction: 'out',
  status: 'open',
  issuedOn: '2026-06-01',
  validDays: 30,
  ...over,
})
const incoming = (over: Partial<Letter> = {}) => out({ direction: 'in', ...over })

describe('介绍信 validity (the day of issue counts)', () => {
  it.each([
    ['2026-06-01', 30, '2026-06-30'],
    ['2026-06-01', 1, '2026-06-01'],
    ['2026-12-15', 90, '2027-03-14'],
    ['2028-02-01', 29, '2028-02-29'],
  ])('issued %s, valid %i days → through %s', (issuedOn, validDays, last) => {
    expect(letterExpiresOn({ issuedOn, validDays })).toBe(last)
  })
})

describe('where a transfer stands', () => {
  it.each<[string, Letter, string, string]>([
    ['转出, letter still valid', out(), '2026-06-30', 'issued'],
    ['转出, no 回执 and the letter ran out', out(), '2026-07-01', 'expired'],
    ['转出, 回执 back', out({ status: 'done' }), '2026-07-20', 'received'],
    ['转入, waiting for 报到', incoming(), '2026-06-15', 'pending'],
    ['转入, never came', incoming(), '2026-08-01', 'expired'],
    ['转入, reported', incoming({ status: 'done' }), '2026-08-01', 'arrived'],
    ['withdrawn', out({ status: 'cancelled' }), '2026-06-15', 'cancelled'],
  ])('%s → %s', (_case, letter, today, state) => {
    expect(transferState(letter, today)).toBe(state)
  })
})

describe('completing a transfer', () => {
  it.each<[string, Letter, string, string, string | null]>([
    ['回执 within the validity', out(), '2026-06-20', '2026-06-25', null],
    ['回执 arriving after the validity (the paper was slow)', out(), '2026-07-10', '2026-07-12', null],
    ['报到 on the last valid day', incoming(), '2026-06-30', '2026-06-30', null],
    ['报到 a day after the letter ran out', incoming(), '2026-07-01', '2026-07-01', 'TRANSFER.LETTER_EXPIRED'],
    ['a date still to come', out(), '2026-06-26', '2026-06-25', 'DATE.IN_FUTURE'],
    ['a date before the letter', out(), '2026-05-31', '2026-06-25', 'DATE.BEFORE_PREVIOUS'],
    ['a second 回执', out({ status: 'done' }), '2026-06-20', '2026-06-25', 'TRANSFER.DONE'],
    ['a withdrawn letter', incoming({ status: 'cancelled' }), '2026-06-20', '2026-06-25', 'TRANSFER.DONE'],
  ])('%s', (_case, letter, on, today, refusal) => {
    expect(completionRefusal(letter, on, today)).toBe(refusal)
  })
})

describe('a transfer within the county moves the meetings to come', () => {
  const now = new Date('2026-05-10T12:00:00+08:00').getTime()
  const day = 86_400_000
  const meeting = (id: string, over: Partial<UpcomingMeeting>): UpcomingMeeting => ({
    _id: id,
    branchId: 'b_old',
    scope: { kind: 'branch' },
    attendeeIds: ['m_zhang', 'm_li'],
    startsAt: now + day,
    status: 'scheduled',
    ...over,
  })
  const meetings = [
    meeting('old_general', {}),
    meeting('old_past', { startsAt: now - day }),
    meeting('old_group', { scope: { kind: 'group', groupId: 'g_old' } }),
    meeting('old_cancelled', { status: 'cancelled' }),
    meeting('new_general', { branchId: 'b_new', attendeeIds: ['m_wang'] }),
    meeting('new_my_group', { branchId: 'b_new', scope: { kind: 'group', groupId: 'g_new' }, attendeeIds: [] }),
    meeting('new_other_group', { branchId: 'b_new', scope: { kind: 'group', groupId: 'g_x' }, attendeeIds: [] }),
    meeting('new_committee', { branchId: 'b_new', scope: { kind: 'committee' }, attendeeIds: [] }),
    meeting('new_started', { branchId: 'b_new', startsAt: now, attendeeIds: [] }),
  ]
  it.each([
    ['joining a party group', 'g_new', ['new_general', 'new_my_group']],
    ['no party group yet', null, ['new_general']],
  ])('%s', (_case, toGroupId, join) => {
    expect(meetingMoves({ id: 'm_zhang', toGroupId }, 'b_old', 'b_new', meetings, now)).toEqual({
      leave: ['old_general', 'old_group'],
      join,
    })
  })
  // A 党小组 merged or closed within b_old: only group meetings to come move; the branch's stay.
  const inBranch = [
    ...meetings.filter((m) => m.branchId === 'b_old'),
    meeting('old_other_group', { scope: { kind: 'group', groupId: 'g_other' }, attendeeIds: [] }),
    meeting('old_other_group_past', { scope: { kind: 'group', groupId: 'g_other' }, startsAt: now - day }),
  ]
  it.each([
    ['merged into another group', 'g_other', ['old_other_group']],
    ['closed, its members in no group', null, []],
  ])('a group %s', (_case, toGroupId, join) => {
    expect(groupMeetingMoves('g_old', toGroupId, inBranch, now)).toEqual({ leave: ['old_group'], join })
  })
})
