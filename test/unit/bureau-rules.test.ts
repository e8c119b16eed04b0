import { lastTwelveMonths, previousMonth, shareOf, targetedIn } from '../../cloudfunctions/domain/bureau/rates'
import { schoolKindOf } from '../../cloudfunctions/domain/bureau/school-kind'

// Cell states and the compliance rule: test/unit/meeting-compliance.test.ts.

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

test.each([
  ['实验小学党支部', undefined, 'primary'],
  ['第一中学高中部党支部', undefined, 'secondary'],
  ['职业中学党支部', undefined, 'vocational'],
  ['山区学校联合支部', ['一村小', '二村小'], 'joint'],
  ['机关党支部', undefined, 'other'],
] as const)('%s is a %s school', (name, schools, kind) => {
  expect(schoolKindOf({ name, schools: schools ? [...schools] : undefined })).toBe(kind)
})
