// The yearly-cycle contracts refuse bad input before any handler runs, and say why in Chinese.
import { AppraisalPolicy, yearlyCycleActions } from '../../types/yearly-cycle'
import type * as z from '../../types/zod'

const refusal = (schema: z.ZodType, value: unknown): string[] | null => {
  const parsed = schema.safeParse(value)
  return parsed.success ? null : parsed.error.issues.map((issue) => issue.message)
}
const A = yearlyCycleActions
const at = (iso: string) => new Date(`${iso}+08:00`).getTime()
const TALK = {
  withMemberId: 'm_li',
  on: '2026-11-02',
  topic: '教学与党性',
  summary: '交流了本学期的教学和思想情况',
  requestId: 'r1',
}
const OPEN = {
  branchId: 'b1',
  year: 2026,
  votingOpensAt: at('2026-12-10T08:00:00'),
  votingClosesAt: at('2026-12-15T18:00:00'),
}
const UNQUALIFIED = {
  memberId: 'm_x',
  grade: 'unqualified',
  reason: '全年无正当理由三次缺席组织生活',
  outcome: 'rectify',
}

describe('yearly-cycle contracts refuse, in Chinese', () => {
  it.each<[string, z.ZodType, unknown, string]>([
    ['a talk summary of a few words', A.recordTalk.input, { ...TALK, summary: '聊了聊' }, '谈话要点不少于10个字'],
    ['a talk on 31 November', A.recordTalk.input, { ...TALK, on: '2026-11-31' }, '日期不存在'],
    [
      'voting that closes before it opens',
      A.openAppraisal.input,
      { ...OPEN, votingClosesAt: OPEN.votingOpensAt },
      '测评截止时间应晚于开始时间',
    ],
    [
      'voting for six weeks',
      A.openAppraisal.input,
      { ...OPEN, votingClosesAt: at('2027-01-25T18:00:00') },
      '测评时间不能超过31天',
    ],
    ['an 优秀 share of 120%', AppraisalPolicy, { excellentCapPercent: 120 }, '优秀比例不能超过100%'],
    [
      '不合格 without a reason',
      A.decideAppraisal.input,
      { roundId: 'ar_1', decisions: [{ ...UNQUALIFIED, reason: null }] },
      '评为不合格须写明理由（不少于10个字）',
    ],
    [
      '不合格 with a one-word reason',
      A.decideAppraisal.input,
      { roundId: 'ar_1', decisions: [{ ...UNQUALIFIED, reason: '差' }] },
      '评为不合格须写明理由（不少于10个字）',
    ],
    [
      '不合格 without its handling',
      A.decideAppraisal.input,
      { roundId: 'ar_1', decisions: [{ ...UNQUALIFIED, outcome: null }] },
      '评为不合格须写明处置：限期改正、劝其退党或除名',
    ],
    [
      'a handling for a 合格 member',
      A.decideAppraisal.input,
      { roundId: 'ar_1', decisions: [{ memberId: 'm_y', grade: 'qualified', outcome: 'removal' }] },
      '只有不合格党员才有处置',
    ],
    [
      'a 对照检查 of one line and no file',
      A.submitSelfExamination.input,
      { orgLifeId: 'b1:2026', text: '认真学习' },
      '对照检查不少于50字，或上传对照检查材料',
    ],
    [
      'a 述职报告 without problems',
      A.submitSecretaryReport.input,
      { roundId: 'rr_1', branchId: 'b1', text: '述'.repeat(200), problems: [] },
      '请列出存在的问题',
    ],
    [
      'a 述职报告 of ten words',
      A.submitSecretaryReport.input,
      { roundId: 'rr_1', branchId: 'b1', text: '一年来认真履行职责', problems: ['学习不够深入'] },
      '述职报告不少于200字',
    ],
  ])('%s', (_case, schema, value, message) => {
    expect(refusal(schema, value)).toContain(message)
  })

  it.each<[string, z.ZodType, unknown]>([
    ['a talk carrying an extra field', A.recordTalk.input, { ...TALK, recordedBy: 'm_sec' }],
    ['a policy with a misspelt field', AppraisalPolicy, { excellentCapPercent: 30, excelentCap: 40 }],
    ['a ballot with a made-up 等次', A.castBallot.input, { roundId: 'ar_1', marks: { m_wang: 'perfect' } }],
    ['a 述职 rating of 很好', A.rateSecretaryReport.input, { reportId: 'rr_1:b1', rating: 'very_good' }],
  ])('%s', (_case, schema, value) => {
    const messages = refusal(schema, value)
    expect(messages).not.toBeNull()
    for (const message of messages ?? []) expect(message).toMatch(/[\u4e00-\u9fa5]/)
  })

  it('accepts what a secretary would send', () => {
    expect(refusal(A.recordTalk.input, TALK)).toBeNull()
    expect(refusal(A.openAppraisal.input, OPEN)).toBeNull()
    expect(
      refusal(A.decideAppraisal.input, {
        roundId: 'ar_1',
        decisions: [UNQUALIFIED, { memberId: 'm_y', grade: 'excellent' }],
      }),
    ).toBeNull()
    expect(
      refusal(A.submitSelfExamination.input, { orgLifeId: 'b1:2026', fileIds: ['cloud://env/self-exam.docx'] }),
    ).toBeNull()
  })
})
