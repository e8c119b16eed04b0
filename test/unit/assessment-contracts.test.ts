// The assessment contracts refuse bad input before any handler runs, and say why in Chinese.
import { assessmentActions, engagementActions } from '../../types/assessment'
import type * as z from '../../types/zod'

const refusal = (schema: z.ZodType, value: unknown): string[] | null => {
  const parsed = schema.safeParse(value)
  return parsed.success ? null : parsed.error.issues.map((issue) => issue.message)
}
const A = { ...assessmentActions, ...engagementActions }
const at = (iso: string) => new Date(`${iso}+08:00`).getTime()
const POST = {
  requestId: 'req_post',
  memberId: 'm_li',
  kind: 'model_post',
  post: '初三数学教学示范岗',
  commitment: '带头上好示范课，每学期结对帮扶两名青年教师',
  from: '2026-03-01',
  to: '2026-08-31',
}
const ACTIVITY = {
  requestId: 'req_activity',
  branchId: 'b1',
  title: '周末义务辅导',
  place: '社区图书室',
  startsAt: at('2026-05-16T08:30:00'),
  endsAt: at('2026-05-16T11:30:00'),
  places: 10,
}
const SELF = { roundId: 'ar_1', branchId: 'b1', indicatorKey: 'a2_1', text: '创建“红烛先锋”党建品牌，送教下乡12次' }

describe('assessment contracts refuse, in Chinese', () => {
  it.each<[string, z.ZodType, unknown, string]>([
    ['a post ending before it starts', A.designatePost.input, { ...POST, to: '2026-02-01' }, '结束日期应晚于开始日期'],
    ['a commitment of four words', A.designatePost.input, { ...POST, commitment: '做好表率' }, '承诺不少于10个字'],
    ['an activity with no places', A.publishVolunteerActivity.input, { ...ACTIVITY, places: 0 }, '名额至少1人'],
    [
      'an activity ending as it starts',
      A.publishVolunteerActivity.input,
      { ...ACTIVITY, endsAt: ACTIVITY.startsAt },
      '结束时间应晚于开始时间',
    ],
    [
      'an activity of two days',
      A.publishVolunteerActivity.input,
      { ...ACTIVITY, endsAt: at('2026-05-18T08:30:00') },
      '活动时长不能超过24小时',
    ],
    [
      '2.3 hours',
      A.recordVolunteerHours.input,
      { activityId: 'va_1', entries: [{ memberId: 'm_li', hours: 2.3 }] },
      '时长以半小时计',
    ],
    [
      'no hours',
      A.recordVolunteerHours.input,
      { activityId: 'va_1', entries: [{ memberId: 'm_li', hours: 0 }] },
      '时长应大于0',
    ],
    [
      '30 hours at once',
      A.recordVolunteerHours.input,
      { activityId: 'va_1', entries: [{ memberId: 'm_li', hours: 30 }] },
      '单次时长不超过24小时',
    ],
    [
      'a branch pair without the other branch',
      A.createPair.input,
      { requestId: 'req_pair', branchId: 'b1', kind: 'branch_branch', partnerLabel: '山区小学', since: '2026-03-01' },
      '支部结对须选择对方支部；党员结对须选择党员',
    ],
    [
      'a student described at length',
      A.createPair.input,
      {
        requestId: 'req_pair',
        branchId: 'b1',
        kind: 'member_student',
        memberId: 'm_li',
        partnerLabel: '初二(3)班 李某某，家住某村某组，父母在外务工，由祖母照顾，学习成绩中等',
        since: '2026-03-01',
      },
      '结对对象只需简称，不超过30字',
    ],
    [
      'a self-assessment of a few words',
      A.saveSelfAssessment.input,
      { ...SELF, text: '已完成' },
      '请写明开展情况（不少于10个字）',
    ],
    ['a negative claimed score', A.saveSelfAssessment.input, { ...SELF, claimedScore: -1 }, '分值不能为负数'],
    [
      'a score of 7.25',
      A.scoreSelfAssessment.input,
      { roundId: 'ar_1', branchId: 'b1', indicatorKey: 'a2_1', score: 7.25 },
      '分值最多保留一位小数',
    ],
  ])('%s', (_case, schema, value, message) => {
    expect(refusal(schema, value)).toContain(message)
  })

  it('accepts what a secretary and the bureau would send', () => {
    expect(refusal(A.designatePost.input, POST)).toBeNull()
    expect(refusal(A.publishVolunteerActivity.input, ACTIVITY)).toBeNull()
    expect(
      refusal(A.recordVolunteerHours.input, { activityId: 'va_1', entries: [{ memberId: 'm_li', hours: 2.5 }] }),
    ).toBeNull()
    expect(refusal(A.saveSelfAssessment.input, { ...SELF, claimedScore: 9.5 })).toBeNull()
    expect(
      refusal(A.createPair.input, {
        requestId: 'req_pair',
        branchId: 'b1',
        kind: 'branch_branch',
        partnerBranchId: 'b9',
        partnerLabel: '山区小学',
        since: '2026-03-01',
      }),
    ).toBeNull()
  })
})
