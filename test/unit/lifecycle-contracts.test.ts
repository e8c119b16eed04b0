// The lifecycle contracts refuse bad input before any handler runs, and say why in Chinese.
import { DEFAULT_DUES_SCHEDULE } from '../../cloudfunctions/domain/lifecycle/dues-schedule'
import { DuesSchedule, lifecycleActions, StepInput } from '../../types/lifecycle'
import type * as z from '../../types/zod'

const refusal = (schema: z.ZodType, value: unknown): string[] | null => {
  const parsed = schema.safeParse(value)
  return parsed.success ? null : parsed.error.issues.map((issue) => issue.message)
}
const A = lifecycleActions
const BASE = { memberId: 'm_zhang', year: 2026, category: 'employed', baseFen: 450_000 }
const PAYMENT = { memberId: 'm_zhang', months: ['2026-04'], method: 'cash', paidOn: '2026-04-10', requestId: 'req_1' }
const VOTE = { eligible: 9, present: 8, inFavour: 8 }

describe('lifecycle contracts refuse, in Chinese', () => {
  it.each<[string, z.ZodType, unknown, string]>([
    ['a negative base', A.setDuesBase.input, { ...BASE, baseFen: -1 }, '金额不能为负数'],
    ['a base in fractions of a 分', A.setDuesBase.input, { ...BASE, baseFen: 4500.5 }, '金额应精确到分'],
    ['a base of a hundred million 元', A.setDuesBase.input, { ...BASE, baseFen: 10_000_000_000 }, '金额过大'],
    [
      'a base for a student',
      A.setDuesBase.input,
      { ...BASE, category: 'student' },
      '学生、失业和低保党员按固定金额交纳，不填基数',
    ],
    ['the year 1999', A.setDuesBase.input, { ...BASE, year: 1999 }, '年份应在2000年至2100年之间'],
    ['a payment for month 13', A.recordDuesPayment.input, { ...PAYMENT, months: ['2026-13'] }, '月份格式应为 2026-04'],
    ['a payment for no month', A.recordDuesPayment.input, { ...PAYMENT, months: [] }, '请选择交纳的月份'],
    ['a negative voluntary extra', A.recordDuesPayment.input, { ...PAYMENT, extraFen: -100 }, '金额不能为负数'],
    ['30 February', A.recordDuesPayment.input, { ...PAYMENT, paidOn: '2026-02-30' }, '日期不存在'],
    [
      'a reduction ending before it starts',
      A.setDuesReduction.input,
      {
        requestId: 'req_1',
        memberId: 'm_zhang',
        fromMonth: '2026-06',
        toMonth: '2026-05',
        monthlyFen: 0,
        decision: '6月支委会研究',
        decidedOn: '2026-05-28',
      },
      '结束月份不能早于开始月份',
    ],
    ['one 入党介绍人', StepInput, { step: 'introducers_assigned', memberIds: ['m_li'] }, '入党介绍人应为两名正式党员'],
    [
      'the same 入党介绍人 twice',
      StepInput,
      { step: 'introducers_assigned', memberIds: ['m_li', 'm_li'] },
      '不能重复指定同一人',
    ],
    ['three 培养联系人', StepInput, { step: 'contacts_assigned', memberIds: ['a', 'b', 'c'] }, '培养联系人为一至二名'],
    [
      'a 13-month extension',
      StepInput,
      { step: 'conversion_vote', vote: VOTE, outcome: 'extend', extensionMonths: 13 },
      '延长预备期最长不超过一年',
    ],
    [
      'a 5-month extension',
      StepInput,
      { step: 'conversion_vote', vote: VOTE, outcome: 'extend', extensionMonths: 5 },
      '延长预备期不能少于半年',
    ],
    [
      'an extension without months',
      StepInput,
      { step: 'conversion_vote', vote: VOTE, outcome: 'extend' },
      '延长预备期须填写延长的月数（6至12个月），其他决定不填',
    ],
    [
      '转正 with months of extension',
      StepInput,
      { step: 'conversion_vote', vote: VOTE, outcome: 'convert', extensionMonths: 6 },
      '延长预备期须填写延长的月数（6至12个月），其他决定不填',
    ],
    [
      'more in favour than present',
      StepInput,
      { step: 'admission_vote', vote: { eligible: 9, present: 5, inFavour: 6 } },
      '赞成票不能超过到会人数',
    ],
    [
      'a branch of two voters',
      StepInput,
      { step: 'admission_vote', vote: { eligible: 2, present: 2, inFavour: 2 } },
      '有表决权的正式党员至少3名',
    ],
    [
      'a 介绍信 valid for a year',
      A.issueTransferLetter.input,
      {
        memberId: 'm_zhang',
        letterNo: '2026-018',
        destination: '某市第一中学党支部',
        issuedOn: '2026-06-01',
        validDays: 365,
      },
      '介绍信有效期最长180天',
    ],
    [
      'a 介绍信 without a number',
      A.issueTransferLetter.input,
      {
        requestId: 'req_1',
        memberId: 'm_zhang',
        letterNo: ' ',
        destination: '某市第一中学党支部',
        issuedOn: '2026-06-01',
        validDays: 30,
      },
      '请填写介绍信编号',
    ],
    [
      'a 考察记录 of three words',
      A.addReviewNote.input,
      { requestId: 'req_1', fileId: 'df_1', on: '2026-04-01', text: '表现好' },
      '考察记录不少于10个字',
    ],
  ])('%s', (_case, schema, value, message) => {
    expect(refusal(schema, value)).toContain(message)
  })

  it('accepts what a secretary would type', () => {
    expect(refusal(A.setDuesBase.input, BASE)).toBeNull()
    expect(refusal(A.setDuesBase.input, { ...BASE, category: 'student', baseFen: 0 })).toBeNull()
    expect(refusal(A.recordDuesPayment.input, PAYMENT)).toBeNull()
    expect(
      refusal(StepInput, { step: 'conversion_vote', vote: VOTE, outcome: 'extend', extensionMonths: 6 }),
    ).toBeNull()
    expect(refusal(StepInput, { step: 'conversion_vote', vote: VOTE, outcome: 'convert' })).toBeNull()
  })

  it.each<[string, unknown, string]>([
    [
      'brackets out of order',
      {
        ...DEFAULT_DUES_SCHEDULE,
        employed: [
          { upToFen: 500_000, rateBp: 100 },
          { upToFen: 300_000, rateBp: 50 },
          { upToFen: null, rateBp: 200 },
        ],
      },
      '档次应从低到高排列',
    ],
    [
      'a last bracket with a bound',
      { ...DEFAULT_DUES_SCHEDULE, retired: [{ upToFen: 500_000, rateBp: 50 }] },
      '最后一档不设上限',
    ],
    ['a rate of 20%', { ...DEFAULT_DUES_SCHEDULE, retired: [{ upToFen: null, rateBp: 2000 }] }, '党费比例不能超过10%'],
  ])('a dues schedule with %s', (_case, schedule, message) => {
    expect(refusal(DuesSchedule, schedule)).toContain(message)
  })

  it('refuses a schedule with a misspelt field rather than dropping it', () => {
    expect(refusal(DuesSchedule, { ...DEFAULT_DUES_SCHEDULE, fixedFee: 30 })).not.toBeNull()
  })
})
