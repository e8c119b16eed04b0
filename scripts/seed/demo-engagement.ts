/**
 * Demo 党员示范岗, 志愿服务 and 结对帮扶 for 实验小学党支部 (the demo's
 * secretary, committee member and member personas) and 城关小学: posts in force
 * with deeds, an activity already held with its hours, upcoming ones to sign up
 * for (one full, one the bureau's), and two pairs with visits. Deterministic
 * for a given `now`.
 */
import { shanghaiDate } from '../../cloudfunctions/domain/time'
import type {
  DesignationDoc,
  PairDoc,
  PairVisitDoc,
  PostDeedDoc,
  VolunteerActivityDoc,
  VolunteerBranchYearDoc,
  VolunteerHoursDoc,
  VolunteerSignupDoc,
} from '../../types/assessment'
import type { DemoBureau } from './demo-bureau'
import type { SeedBatch } from './demo-parts'

const DAY = 86_400_000
const HOUR = 3_600_000

export function demoEngagement(bureau: DemoBureau, now: number): SeedBatch[] {
  const tenantId = bureau.tenants[0]._id
  const day = (offset: number) => shanghaiDate(now + offset * DAY)
  // Activities start on the hour (Shanghai), some days from now.
  const hourOn = (offset: number, hour: number) => {
    const midnight = new Date(`${day(offset)}T00:00:00+08:00`).getTime()
    return midnight + hour * HOUR
  }
  const branchOf = new Map(bureau.members.map((member) => [member._id, member.branchId]))
  const inBranch = (branchId: string) =>
    bureau.members.filter((member) => member.branchId === branchId && member.status === 'active').map((m) => m._id)
  const shiyan = inBranch('org_b_shiyan')
  const chengguan = inBranch('org_b_chengguan')
  const secretary = 'm_shiyan_01'

  const designation = (
    id: string,
    memberId: string,
    kind: DesignationDoc['kind'],
    post: string,
    commitment: string,
  ): DesignationDoc => ({
    _id: id,
    tenantId,
    branchId: branchOf.get(memberId) ?? 'org_b_shiyan',
    memberId,
    kind,
    post,
    commitment,
    from: day(-60),
    to: day(300),
    endedOn: null,
    createdBy: secretary,
    createdAt: now - 60 * DAY,
  })
  const designations = [
    designation(
      'dsg_demo_1',
      'm_shiyan_03',
      'model_post',
      '六年级数学教学示范岗',
      '每周为学困生义务辅导一次，每学期上一节示范课。',
    ),
    designation(
      'dsg_demo_2',
      'm_shiyan_04',
      'pioneer_post',
      '课后服务先锋岗',
      '承担课后服务延时看护，确保每天放学后安全有序。',
    ),
    designation(
      'dsg_demo_3',
      'm_shiyan_06',
      'responsibility_area',
      '校门口文明劝导责任区',
      '每周一、三早晨在校门口文明劝导，守护学生上学安全。',
    ),
    ...(chengguan[2]
      ? [
          designation(
            'dsg_demo_4',
            chengguan[2],
            'model_post',
            '班主任工作示范岗',
            '每月开展一次家访，及时关心留守儿童的学习生活。',
          ),
        ]
      : []),
  ]
  const deeds: PostDeedDoc[] = [
    ['deed_demo_1', 'dsg_demo_1', 'm_shiyan_03', -20, '为六年级3名学困生进行课后辅导，讲解分数应用题。'],
    ['deed_demo_2', 'dsg_demo_1', 'm_shiyan_03', -6, '在全校上数学示范课《圆的面积》，30余名教师听课。'],
    ['deed_demo_3', 'dsg_demo_3', 'm_shiyan_06', -3, '早晨在校门口劝导家长车辆有序停放，协助低年级学生过马路。'],
  ].map(([id, designationId, memberId, offset, text]) => ({
    _id: id as string,
    tenantId,
    designationId: designationId as string,
    memberId: memberId as string,
    on: day(offset as number),
    text: text as string,
    fileIds: [],
    at: now + (offset as number) * DAY,
  }))

  const activity = (
    id: string,
    branchId: string | null,
    title: string,
    place: string,
    offset: number,
    hours: [number, number],
    places: number,
    signed: number,
  ): VolunteerActivityDoc => ({
    _id: id,
    tenantId,
    branchId,
    title,
    place,
    startsAt: hourOn(offset, hours[0]),
    endsAt: hourOn(offset, hours[1]),
    places,
    signed,
    status: 'published',
    createdBy: branchId === null ? 'm_bureau_01' : secretary,
    createdAt: now + (offset - 7) * DAY,
  })
  const heldSigned = shiyan.slice(1, 5)
  const soonSigned = shiyan.slice(2, 4)
  const countySigned = [...shiyan.slice(4, 5), ...chengguan.slice(1, 3)]
  const fullSigned = chengguan.slice(3, 5)
  const activities = [
    activity('va_demo_held', 'org_b_shiyan', '社区义务家教', '城关社区活动中心', -10, [9, 12], 8, heldSigned.length),
    activity('va_demo_soon', 'org_b_shiyan', '校园周边交通安全劝导', '实验小学东门', 5, [7, 9], 10, soonSigned.length),
    activity(
      'va_demo_county',
      null,
      '“关爱留守儿童”县城志愿行',
      '县青少年活动中心',
      12,
      [14, 17],
      30,
      countySigned.length,
    ),
    activity(
      'va_demo_full',
      'org_b_chengguan',
      '敬老院慰问演出',
      '城关镇敬老院',
      8,
      [9, 11],
      fullSigned.length,
      fullSigned.length,
    ),
  ]
  const signup = (activityId: string, memberId: string, checkedInAt: number | null): VolunteerSignupDoc => ({
    _id: `${activityId}:${memberId}`,
    tenantId,
    activityId,
    memberId,
    branchId: branchOf.get(memberId) ?? '',
    status: 'signed',
    at: now - 12 * DAY,
    checkedInAt,
    wrongCodes: 0,
  })
  const held = activities[0]
  const signups = [
    // Three of the four checked in at the held activity; one did not come.
    ...heldSigned.map((memberId, i) =>
      signup(held._id, memberId, i < 3 ? held.startsAt - 10 * 60_000 + i * 60_000 : null),
    ),
    ...soonSigned.map((memberId) => signup('va_demo_soon', memberId, null)),
    ...countySigned.map((memberId) => signup('va_demo_county', memberId, null)),
    ...fullSigned.map((memberId) => signup('va_demo_full', memberId, null)),
  ]
  const hours: VolunteerHoursDoc[] = heldSigned.slice(0, 3).map((memberId, i) => ({
    _id: `${held._id}:${memberId}`,
    tenantId,
    activityId: held._id,
    memberId,
    branchId: branchOf.get(memberId) ?? '',
    halfHours: i === 2 ? 4 : 6,
    via: 'check_in',
    recordedBy: secretary,
    at: held.endsAt + HOUR,
  }))

  // Each branch's year of hours, as every credit keeps it.
  const totals = new Map<string, VolunteerBranchYearDoc>()
  for (const row of hours) {
    const year = Number(shanghaiDate(row.at).slice(0, 4))
    const id = `${row.branchId}:${year}`
    const total = totals.get(id) ?? { _id: id, tenantId, branchId: row.branchId, year, halfHours: 0 }
    total.halfHours += row.halfHours
    totals.set(id, total)
  }

  const pairs: PairDoc[] = [
    {
      _id: 'pair_demo_1',
      tenantId,
      branchId: 'org_b_shiyan',
      kind: 'member_student',
      memberId: 'm_shiyan_06',
      partnerBranchId: null,
      partnerLabel: '三年级(2)班 小周',
      since: day(-90),
      until: null,
      createdBy: secretary,
    },
    {
      _id: 'pair_demo_2',
      tenantId,
      branchId: 'org_b_shiyan',
      kind: 'branch_branch',
      memberId: null,
      partnerBranchId: 'org_b_shanqu',
      partnerLabel: '山区学校联合支部',
      since: day(-120),
      until: null,
      createdBy: secretary,
    },
  ]
  const visits: PairVisitDoc[] = [
    ['visit_demo_1', 'pair_demo_1', -40, 'm_shiyan_06', '家访小周，了解寒假作业完成情况，赠送课外读物两本。'],
    ['visit_demo_2', 'pair_demo_1', -9, 'm_shiyan_06', '课后辅导小周语文阅读，与家长沟通在家学习安排。'],
    ['visit_demo_3', 'pair_demo_2', -25, secretary, '到山区学校联合支部开展送教活动，上示范课两节并座谈交流。'],
  ].map(([id, pairId, offset, by, note]) => ({
    _id: id as string,
    tenantId,
    pairId: pairId as string,
    branchId: 'org_b_shiyan',
    on: day(offset as number),
    note: note as string,
    fileIds: [],
    recordedBy: by as string,
  }))

  return [
    ['designations', designations],
    ['post_deeds', deeds],
    ['volunteer_activities', activities],
    ['volunteer_signups', signups],
    ['volunteer_hours', hours],
    ['volunteer_branch_years', [...totals.values()]],
    ['pairs', pairs],
    ['pair_visits', visits],
  ]
}
