import {
  cellState,
  monthStanding,
  owedTypes,
  periodsOfYear,
  recordsSince,
} from '../../cloudfunctions/domain/bureau/cells'
import { lastTwelveMonths, previousMonth, shareOf, targetedIn } from '../../cloudfunctions/domain/bureau/rates'
import { schoolKindOf } from '../../cloudfunctions/domain/bureau/school-kind'
import { periodBounds } from '../../cloudfunctions/domain/time'
import type { ComplianceItem } from '../../types/meetings'
import type { School, SchoolType } from '../../types/roster'

const item = (type: ComplianceItem['type'], status: ComplianceItem['status']): ComplianceItem => ({
  type,
  frequency: 'month',
  period: '2026-10',
  status,
  meetingIds: [],
})
const inNovember = periodBounds('2026-11').start + 86_400_000

describe('a matrix cell’s state', () => {
  test('missing wins over open, open over late, late over held', () => {
    expect(cellState([item('group_meeting', 'missing'), item('study', 'due')], '2026-10', inNovember)).toBe('missing')
    expect(cellState([item('group_meeting', 'planned'), item('study', 'held_late')], '2026-10', inNovember)).toBe(
      'open',
    )
    expect(cellState([item('group_meeting', 'held_late'), item('study', 'held')], '2026-10', inNovember)).toBe('late')
    expect(cellState([item('group_meeting', 'held')], '2026-10', inNovember)).toBe('held')
  })
  test('a period not yet begun is future; one with nothing required is held', () => {
    expect(cellState([], '2026-12', inNovember)).toBe('future')
    expect(cellState([], '2026-10', inNovember)).toBe('held')
  })
  test('this month: behind when a required meeting is neither held nor scheduled', () => {
    expect(monthStanding([item('group_meeting', 'planned'), item('study', 'held')])).toBe('on_track')
    expect(monthStanding([item('group_meeting', 'due')])).toBe('behind')
    expect(owedTypes([item('group_meeting', 'due'), item('study', 'held'), item('theme_day', 'missing')])).toEqual([
      'group_meeting',
      'theme_day',
    ])
  })
  test('the periods of a year by month or quarter', () => {
    expect(periodsOfYear(2026, 'month')).toHaveLength(12)
    expect(periodsOfYear(2026, 'month')[0]).toBe('2026-01')
    expect(periodsOfYear(2026, 'quarter')).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'])
  })
})

describe('rates and months', () => {
  test('the last twelve months cross the year', () => {
    expect(lastTwelveMonths('2026-03')).toEqual([
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ])
    expect(previousMonth('2026-01')).toBe('2025-12')
  })
  test('a share rounds to three places and is null without a whole', () => {
    expect(shareOf(6, 66)).toBe(0.091)
    expect(shareOf(3, 0)).toBeNull()
    expect(shareOf(12, 10)).toBe(1)
  })
  test('targeted members: all active members of a listed branch, or the listed members there', () => {
    expect(targetedIn({ branchIds: ['b1'], memberIds: null }, 'b1', 20, 0)).toBe(20)
    expect(targetedIn({ branchIds: ['b1'], memberIds: ['m1', 'm2'] }, 'b1', 20, 2)).toBe(2)
    expect(targetedIn({ branchIds: ['b1'], memberIds: null }, 'b2', 20, 0)).toBe(0)
  })
})

const school = (name: string, type: SchoolType): School => ({ name, type })

test.each([
  ['实验小学党支部', undefined, 'primary'],
  ['第一中学高中部党支部', undefined, 'secondary'],
  ['职业中学党支部', undefined, 'vocational'],
  ['山区学校联合支部', [school('一村小', 'primary'), school('二村小', 'teaching_point')], 'joint'],
  ['机关党支部', undefined, 'other'],
  ['城南学校党支部 (九年一贯制 from its type, not its name)', [school('城南学校', 'nine_year')], 'secondary'],
  [
    '石门片区党支部 (two schools make it joint whatever its name)',
    [school('石门小学', 'primary'), school('石门幼儿园', 'kindergarten')],
    'joint',
  ],
  ['育才中学附属小学党支部 (the type wins over the name)', [school('育才中学附属小学', 'primary')], 'primary'],
  ['特教学校党支部', [school('县特殊教育学校', 'special')], 'other'],
] as const)('%s is a %s school', (name, schools, kind) => {
  expect(schoolKindOf({ name, schools: schools ? [...schools] : undefined })).toBe(kind)
})

describe('records since', () => {
  const at = (iso: string) => new Date(`${iso}+08:00`).getTime()
  const now = at('2026-11-23T10:00:00')
  test('begin on the first of the month of the earliest meeting, or this month with none', () => {
    expect(recordsSince(at('2026-03-17T15:00:00'), now)).toBe(at('2026-03-01T00:00:00'))
    expect(recordsSince(null, now)).toBe(at('2026-11-01T00:00:00'))
  })
  test('a period that ended before them is none, even with items missing; the first month is judged', () => {
    const since = at('2026-03-01T00:00:00')
    expect(cellState([{ status: 'missing' }], '2026-02', now, since)).toBe('none')
    expect(cellState([{ status: 'missing' }], '2026-Q1', now, since)).toBe('missing')
    expect(cellState([{ status: 'missing' }], '2026-03', now, since)).toBe('missing')
    expect(cellState([], '2026-12', now, since)).toBe('future')
  })
})
