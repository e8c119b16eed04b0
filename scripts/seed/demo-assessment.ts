/**
 * Demo 五星支部 assessment: this year's scheme and open round (deadline a
 * month ahead) with a few self-assessment drafts, and last year's published
 * round, so 考核排名 has a trend to show. Deterministic for a given `now`.
 */
import { branchScore } from '../../cloudfunctions/domain/assessment/branch-score'
import type { SelfEntry } from '../../cloudfunctions/domain/assessment/self-score'
import { schoolKindOf } from '../../cloudfunctions/domain/bureau/school-kind'
import { shanghaiPeriods } from '../../cloudfunctions/domain/time'
import type {
  AssessmentEntryDoc,
  AssessmentResultDoc,
  AssessmentRoundDoc,
  AssessmentSchemeDoc,
  Scheme,
} from '../../types/assessment'
import type { MeetingType } from '../../types/meetings'
import type { DemoBureau } from './demo-bureau'
import type { SeedBatch } from './demo-parts'

const DAY = 86_400_000

/** A bureau's scheme in five areas, computed from the app's data where it can be and self-assessed elsewhere. */
export function demoScheme(year: number): Scheme {
  return {
    year,
    name: `${year}年度五星支部创建考核细则`,
    areas: [
      {
        key: 'a1',
        name: '组织生活',
        indicators: [
          {
            key: 'a1_1',
            name: '三会一课按期召开',
            kind: 'computed',
            source: 'meetings_compliance',
            scoring: { method: 'ratio', target: 1 },
            maxScore: 25,
            guidance: '按会议记录计：应开未开的按比例扣分',
          },
          {
            key: 'a1_2',
            name: '主题党日每月开展',
            kind: 'computed',
            source: 'theme_days',
            scoring: { method: 'per_miss', points: 2 },
            maxScore: 15,
            guidance: '每缺一次扣2分',
          },
        ],
      },
      {
        key: 'a2',
        name: '党员队伍',
        indicators: [
          {
            key: 'a2_1',
            name: '党员学习打卡',
            kind: 'computed',
            source: 'study_participation',
            scoring: { method: 'ratio', target: 0.9 },
            maxScore: 15,
            guidance: '参与率达90%得满分',
          },
          {
            key: 'a2_2',
            name: '党员积分活跃',
            kind: 'computed',
            source: 'points_activity',
            scoring: { method: 'ratio', target: 0.8 },
            maxScore: 15,
            guidance: '本年有积分记录的党员达80%得满分',
          },
        ],
      },
      {
        key: 'a3',
        name: '作用发挥',
        indicators: [
          {
            key: 'a3_1',
            name: '党建品牌创建',
            kind: 'self',
            evidenceRequired: true,
            maxScore: 15,
            guidance: '有品牌名称、活动载体和成效，附照片或材料',
          },
          {
            key: 'a3_2',
            name: '为民服务实事',
            kind: 'self',
            evidenceRequired: true,
            maxScore: 15,
            guidance: '为师生办实事，附照片或材料',
          },
        ],
      },
    ],
    stars: [
      { stars: 1, minScore: 60 },
      { stars: 2, minScore: 70 },
      { stars: 3, minScore: 80 },
      { stars: 4, minScore: 85 },
      { stars: 5, minScore: 90 },
    ],
  }
}

/** `count` judged 三会一课 items of a type, the first `held` of them held and the rest missing. */
function items(count: number, held: number, type: MeetingType) {
  return Array.from({ length: count }, (_, i) => ({
    type,
    status: i < held ? ('held' as const) : ('missing' as const),
  }))
}

export function demoAssessment(bureau: DemoBureau, now: number): SeedBatch[] {
  const tenantId = bureau.tenants[0]._id
  const year = Number(shanghaiPeriods(now).year)
  const staff = bureau.members.find((member) => member.grants.some((grant) => grant.role === 'bureau_staff'))
  const by = staff?._id ?? 'seed'
  const branches = bureau.orgs.filter((org) => org.kind === 'branch')
  const schemes: AssessmentSchemeDoc[] = [year - 1, year].map((y) => ({
    ...demoScheme(y),
    _id: `${tenantId}:${y}`,
    tenantId,
    savedBy: by,
    savedAt: now - 30 * DAY,
  }))
  const round = (y: number, published: boolean): AssessmentRoundDoc => ({
    _id: `${tenantId}_${y}`,
    tenantId,
    year: y,
    deadline: published ? now - 300 * DAY : now + 30 * DAY,
    status: published ? 'published' : 'open',
    publishedAt: published ? now - 290 * DAY : null,
    createdBy: by,
    createdAt: now - (published ? 330 : 7) * DAY,
  })
  const rounds = [round(year - 1, true), round(year, false)]

  // Last year: each branch's published result, from a believable year of figures that differ by branch.
  const last = demoScheme(year - 1)
  const results: AssessmentResultDoc[] = branches.map((branch, index) => {
    const members = 8 + index
    const held = 16 - (index % 4)
    const entries = new Map<string, SelfEntry>(
      ['a3_1', 'a3_2'].map((key, k) => [
        key,
        {
          text: '已开展',
          fileIds: ['demo'],
          claimedScore: null,
          score: 15 - ((index + k) % 4),
          comment: '成效总结可更具体',
        },
      ]),
    )
    const score = branchScore(
      last,
      {
        meetings: {
          compliance: [
            ...items(12, held - 4, 'committee_meeting'),
            ...items(4, 4, 'lecture'),
            ...items(12, 12 - (index % 3), 'theme_day'),
          ],
        },
        study: { targeted: members * 10, checkedIn: members * (7 + (index % 3)) },
        points: { members, withEntries: members - (index % 3) },
      },
      entries,
    )
    return {
      _id: `${tenantId}_${year - 1}:${branch._id}`,
      tenantId,
      roundId: `${tenantId}_${year - 1}`,
      year: year - 1,
      branchId: branch._id,
      schoolKind: schoolKindOf(branch),
      score,
      publishedAt: now - 290 * DAY,
    }
  })

  // This year: 实验小学 has written its 党建品牌 (photos still to add); 城关小学 both items, with its own scores.
  const entry = (branchId: string, key: string, text: string, claimedScore: number | null): AssessmentEntryDoc => ({
    _id: `${tenantId}_${year}:${branchId}:${key}`,
    tenantId,
    roundId: `${tenantId}_${year}`,
    branchId,
    indicatorKey: key,
    text,
    fileIds: [],
    claimedScore,
    updatedAt: now - 2 * DAY,
    score: null,
    comment: null,
    scoredBy: null,
    scoredAt: null,
  })
  const entries = [
    entry('org_b_shiyan', 'a3_1', '打造“红烛先锋”党建品牌：党员教师示范课12节，结对帮扶学困生30名。', 14),
    entry('org_b_chengguan', 'a3_1', '“城关红帆”党建品牌：党员先锋岗8个，家长开放日3次。', 13),
    entry('org_b_chengguan', 'a3_2', '为师生办实事5件：课后服务延时、食堂改造、教师午休室等。', 14),
  ]
  return [
    ['assessment_schemes', schemes],
    ['assessment_rounds', rounds],
    ['assessment_results', results],
    ['assessment_entries', entries],
  ]
}
