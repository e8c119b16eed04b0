/**
 * Demo 发展党员 files, dated back from the seed's day so every stage and the due list show something:
 * in 实验小学 an applicant whose talk is due, a 积极分子 whose year of training ends within the month
 * and a 发展对象 on the way to the 支部大会; a few more across the county for the bureau's figures.
 * No file is past the 上级党委's approval: a 预备党员 would need their own roster member. 实验小学's
 * 积极分子 and 发展对象 (邵雨晴, 葛振宇) are the ones the meetings demo invites to 列席.
 */
import { stateOf } from '../../cloudfunctions/domain/lifecycle/development-state'
import { addDays, shanghaiDate } from '../../cloudfunctions/domain/time'
import type { DevelopmentFileDoc, StepInput, StepRecord, TeachingRole } from '../../types/lifecycle'
import type { DemoBureau } from './demo-bureau'
import type { SeedBatch } from './demo-parts'

type Plan = {
  id: string
  branchId: string
  name: string
  teachingRole: TeachingRole
  keyTeacher: boolean
  /** Each step with how many days before the seed's day it was recorded. */
  steps: [daysAgo: number, details: StepInput][]
  /** 考察记录, days ago. */
  reviews?: number[]
}

const VOTE = { eligible: 9, present: 9, inFavour: 9 }

function plans(members: (branchId: string, seat: number) => string): Plan[] {
  const activist = (decidedDaysAgo: number, branchId: string): [number, StepInput][] => [
    [decidedDaysAgo + 40, { step: 'application' }],
    [decidedDaysAgo + 20, { step: 'application_talk' }],
    [decidedDaysAgo, { step: 'activist_decision' }],
    [decidedDaysAgo - 3, { step: 'activist_filing' }],
    [decidedDaysAgo - 3, { step: 'contacts_assigned', memberIds: [members(branchId, 3), members(branchId, 4)] }],
  ]
  return [
    {
      id: 'df_demo_shiyan_3',
      branchId: 'org_b_shiyan',
      name: '王思远',
      teachingRole: 'teacher',
      keyTeacher: false,
      steps: [[20, { step: 'application' }]],
    },
    {
      id: 'df_demo_shiyan_1',
      branchId: 'org_b_shiyan',
      name: '邵雨晴',
      teachingRole: 'head_teacher',
      keyTeacher: true,
      steps: activist(340, 'org_b_shiyan'),
      reviews: [300, 210, 120, 30],
    },
    {
      id: 'df_demo_shiyan_2',
      branchId: 'org_b_shiyan',
      name: '葛振宇',
      teachingRole: 'teacher',
      keyTeacher: true,
      steps: [
        ...activist(420, 'org_b_shiyan'),
        [40, { step: 'candidate_decision' }],
        [38, { step: 'candidate_filing' }],
        [38, { step: 'introducers_assigned', memberIds: [members('org_b_shiyan', 2), members('org_b_shiyan', 5)] }],
        [30, { step: 'political_review' }],
        [20, { step: 'intensive_training', hours: 24 }],
      ],
      reviews: [380, 290, 200, 110, 45],
    },
    {
      id: 'df_demo_yz_high_1',
      branchId: 'org_b_yz_high',
      name: '陈可欣',
      teachingRole: 'teacher',
      keyTeacher: true,
      steps: activist(200, 'org_b_yz_high'),
      reviews: [150, 60],
    },
    {
      id: 'df_demo_yz_high_2',
      branchId: 'org_b_yz_high',
      name: '刘浩然',
      teachingRole: 'manager',
      keyTeacher: false,
      steps: [
        [60, { step: 'application' }],
        [45, { step: 'application_talk' }],
      ],
    },
    {
      id: 'df_demo_chengguan_1',
      branchId: 'org_b_chengguan',
      name: '周雨桐',
      teachingRole: 'teacher',
      keyTeacher: false,
      steps: [
        ...activist(500, 'org_b_chengguan'),
        [120, { step: 'candidate_decision' }],
        [118, { step: 'candidate_filing' }],
        [
          118,
          { step: 'introducers_assigned', memberIds: [members('org_b_chengguan', 2), members('org_b_chengguan', 3)] },
        ],
        [110, { step: 'political_review' }],
        [100, { step: 'intensive_training', hours: 32 }],
        [95, { step: 'committee_review' }],
        [85, { step: 'pre_approval', noticeFrom: '', noticeTo: '' }],
        [84, { step: 'application_form' }],
        [80, { step: 'admission_vote', vote: VOTE }],
        [75, { step: 'approval_talk' }],
      ],
      reviews: [450, 360, 270, 180],
    },
    {
      id: 'df_demo_zhizhong_1',
      branchId: 'org_b_zhizhong',
      name: '孙嘉怡',
      teachingRole: 'student',
      keyTeacher: false,
      steps: [[10, { step: 'application' }]],
    },
  ]
}

export function demoDevelopment(bureau: DemoBureau, now: number): SeedBatch[] {
  const tenantId = bureau.tenants[0]._id
  const today = shanghaiDate(now)
  const memberOf = (branchId: string, seat: number) =>
    `${branchId.replace('org_b_', 'm_')}_${String(seat).padStart(2, '0')}`
  const files = plans(memberOf).map((plan): DevelopmentFileDoc => {
    const secretary = memberOf(plan.branchId, 1)
    const steps = plan.steps.map(([daysAgo, details]): StepRecord => {
      const on = addDays(today, -daysAgo)
      // The 公示 ran the six days before the 预审.
      const filled =
        details.step === 'pre_approval'
          ? { ...details, noticeFrom: addDays(on, -7), noticeTo: addDays(on, -1) }
          : details
      return {
        step: details.step,
        on,
        details: filled,
        note: '',
        materials: [],
        recordedBy: secretary,
        recordedAt: now - daysAgo * 86_400_000,
      }
    })
    const file: DevelopmentFileDoc = {
      _id: plan.id,
      tenantId,
      branchId: plan.branchId,
      name: plan.name,
      phone: null,
      teachingRole: plan.teachingRole,
      keyTeacher: plan.keyTeacher,
      stage: 'applicant',
      steps,
      reviews: (plan.reviews ?? []).map((daysAgo, i) => ({
        id: `${plan.id}_note_${i}`,
        on: addDays(today, -daysAgo),
        byMemberId: memberOf(plan.branchId, 3),
        text: '该同志政治立场坚定，积极参加支部组织的学习活动，教育教学工作认真负责，群众评价好。',
        fileIds: [],
      })),
      memberId: null,
      closed: null,
      createdBy: secretary,
      createdAt: now - (plan.steps[0][0] ?? 0) * 86_400_000,
      updatedAt: now,
    }
    return { ...file, stage: stateOf(file).stage }
  })
  return [['development_files', files]]
}
