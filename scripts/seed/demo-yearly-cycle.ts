/**
 * Demo of the yearly cycle (年度工作) for the current year, relative to `now`:
 * the bureau's 组织生活会 theme; 谈心谈话 from complete (高中部, 职业中学) to
 * barely begun (山区联合支部); 组织生活会 under way in three branches; a
 * 民主评议 decided (高中部), one voting (实验小学, three ballots in), one
 * counting (职业中学), one in 个人自评 (初中部), and none yet in 城关小学 and 山区
 * (the browser journey opens 山区's); the 书记述职 round open with members
 * rating, two reports in. The year digests are built by the function's own
 * rule. Deterministic: ballot slot ids come from a seeded generator.
 */

import { shanghaiDate, shanghaiPeriods } from '../../cloudfunctions/domain/time'
import { cycleDigest } from '../../cloudfunctions/domain/yearly-cycle/cycle-digest'
import type { MemberDoc } from '../../types/roster'
import type {
  AppraisalGrade,
  AppraisalResultDoc,
  AppraisalRoundDoc,
  BallotDoc,
  BallotVoterDoc,
  CycleDigestDoc,
  OpinionDoc,
  OrgLifeDoc,
  ReportRatingDoc,
  ReportRoundDoc,
  SecretaryReportDoc,
  SelfExaminationDoc,
  SelfReviewDoc,
  TalkDoc,
} from '../../types/yearly-cycle'
import type { DemoBureau } from './demo-bureau'
import type { SeedBatch } from './demo-parts'
import { generator } from './random'

const HOUR = 3_600_000
const DAY = 24 * HOUR

const TALK_TOPICS = ['思想和工作情况', '教学教研与党性修养', '师德师风与家校沟通', '对支部工作的意见建议']

export function demoYearlyCycle(bureau: DemoBureau, now: number): SeedBatch[] {
  const tenantId = bureau.tenants[0]._id
  const year = Number(shanghaiPeriods(now).year)
  const yearStart = `${year}-01-01`
  const random = generator(20_261_118)
  const hex = (length: number) => Array.from({ length }, () => Math.floor(random() * 16).toString(16)).join('')
  const membersOf = (branchId: string) =>
    bureau.members.filter((member) => member.branchId === branchId && member.status === 'active')
  const committeeOf = (members: MemberDoc[]) => members.filter((member) => member.committeePosition !== null)
  const secretaryOf = (members: MemberDoc[]) => members.find((member) => member.committeePosition === 'secretary')
  /** A day `ago` days back, never before the year began (so a talk belongs to this year). */
  const dayAgo = (ago: number) => {
    const day = shanghaiDate(now - ago * DAY)
    return day < yearStart ? yearStart : day
  }
  const bureauStaff = bureau.members.find((member) => member._id === 'm_bureau_01')

  // 谈心谈话: how far each branch has got (committee pairs talked, members talked with).
  const talks: TalkDoc[] = []
  const talkPlan: Record<string, { pairs: number; members: number }> = {
    org_b_yz_high: { pairs: 99, members: 99 },
    org_b_yz_junior: { pairs: 99, members: 3 },
    org_b_shiyan: { pairs: 6, members: 2 },
    org_b_chengguan: { pairs: 3, members: 3 },
    org_b_zhizhong: { pairs: 99, members: 99 },
    org_b_shanqu: { pairs: 1, members: 0 },
  }
  for (const [branchId, plan] of Object.entries(talkPlan)) {
    const members = membersOf(branchId)
    const committee = committeeOf(members)
    const pairs: [MemberDoc, MemberDoc][] = []
    for (let i = 0; i < committee.length; i++)
      for (let j = i + 1; j < committee.length; j++) pairs.push([committee[i], committee[j]])
    const others = members.filter((member) => member.committeePosition === null)
    const held: [MemberDoc, MemberDoc][] = [
      ...pairs.slice(0, plan.pairs),
      ...others
        .slice(0, plan.members)
        .map((member, i): [MemberDoc, MemberDoc] => [committee[i % committee.length], member]),
    ]
    held.forEach(([a, b], i) => {
      const on = dayAgo(60 - i * 3)
      talks.push({
        _id: `talk_demo_${branchId.replace('org_b_', '')}_${i + 1}`,
        tenantId,
        branchId,
        year,
        pair: [a._id, b._id].sort() as [string, string],
        on,
        topic: TALK_TOPICS[i % TALK_TOPICS.length],
        summary: `交流了近期${TALK_TOPICS[i % TALK_TOPICS.length]}，${b.name}同志表示将在教育教学中发挥党员先锋模范作用。`,
        recordedBy: a._id,
        recordedAt: now - (60 - i * 3) * DAY,
      })
    })
  }

  // 组织生活会: the bureau's theme, and three branches under way.
  const theme = '学习贯彻党的创新理论，增强党性、提高本领、推动教育高质量发展'
  const themes = [
    {
      _id: `${tenantId}:${year}`,
      tenantId,
      year,
      theme,
      guidance: '各支部于第四季度召开，会前广泛征求意见、开展谈心谈话，对照检查材料须查找具体问题。',
      publishedBy: bureauStaff?._id ?? 'seed',
      publishedAt: now - 40 * DAY,
    },
  ]
  const orgLives: OrgLifeDoc[] = []
  const opinions: OpinionDoc[] = []
  const selfExaminations: SelfExaminationDoc[] = []
  const lifePlan: Record<string, { opinions: number; closed: boolean; exams: number }> = {
    org_b_yz_high: { opinions: 4, closed: true, exams: 99 },
    org_b_yz_junior: { opinions: 2, closed: false, exams: 3 },
    org_b_shiyan: { opinions: 3, closed: false, exams: 0 },
  }
  const OPINION_TEXTS = [
    '希望支部组织活动更多结合教育教学实际，减少形式化的材料要求。',
    '建议党员教师在课后服务和家访中多带头。',
    '支委会研究事项可以更及时地向党员通报。',
    '群众反映学校食堂管理可以更透明，建议党员带头监督。',
  ]
  for (const [branchId, plan] of Object.entries(lifePlan)) {
    const members = membersOf(branchId)
    const secretary = secretaryOf(members)
    const id = `${branchId}:${year}`
    orgLives.push({
      _id: id,
      tenantId,
      branchId,
      year,
      theme,
      opinionsClosedAt: plan.closed ? now - 10 * DAY : null,
      meetingId: null,
      report: null,
      createdBy: secretary?._id ?? 'seed',
      createdAt: now - 30 * DAY,
      updatedAt: now - 10 * DAY,
    })
    for (let i = 0; i < plan.opinions; i++) {
      const publicOne = i === 3
      const signed = i === 1 ? members[6] : undefined
      opinions.push({
        _id: `op_demo_${branchId.replace('org_b_', '')}_${i + 1}`,
        tenantId,
        orgLifeId: id,
        branchId,
        source: publicOne ? 'public' : 'member',
        authorId: signed?._id ?? null,
        text: OPINION_TEXTS[i],
        day: dayAgo(25 - i),
      })
    }
    for (const member of members.slice(0, plan.exams)) {
      selfExaminations.push({
        _id: `${id}:${member._id}`,
        tenantId,
        orgLifeId: id,
        memberId: member._id,
        text: `对照党章党规和本年度主题，${member.name}同志查找了理论学习不够系统、联系服务学生家长不够主动等问题，并提出了整改措施：一是坚持每周自学；二是每学期家访不少于十次；三是带头参加志愿服务。`,
        fileIds: [],
        submittedAt: now - 8 * DAY,
      })
    }
  }

  // 民主评议: one round per branch in a different phase; ballots filled from the seeded generator.
  const rounds: AppraisalRoundDoc[] = []
  const ballots: BallotDoc[] = []
  const voterDocs: BallotVoterDoc[] = []
  const results: AppraisalResultDoc[] = []
  const selfReviews: SelfReviewDoc[] = []
  const roundPlan: Record<string, { opens: number; closes: number; voted: number; decided: boolean }> = {
    org_b_yz_high: { opens: -12 * DAY, closes: -5 * DAY, voted: 99, decided: true },
    org_b_shiyan: { opens: -DAY, closes: 5 * DAY, voted: 3, decided: false },
    org_b_zhizhong: { opens: -6 * DAY, closes: -HOUR, voted: 99, decided: false },
    org_b_yz_junior: { opens: 2 * DAY, closes: 7 * DAY, voted: 0, decided: false },
  }
  const grades: AppraisalGrade[] = ['excellent', 'qualified', 'qualified', 'qualified', 'basic']
  for (const [branchId, plan] of Object.entries(roundPlan)) {
    const members = membersOf(branchId)
    const id = `ar_${year}_${branchId}`
    const appraisees = members.map((member) => member._id)
    const voters = members.filter((member) => member.memberType === 'formal').map((member) => member._id)
    const decidedAt = now - 3 * DAY
    rounds.push({
      _id: id,
      tenantId,
      branchId,
      year,
      orgLifeId: lifePlan[branchId] ? `${branchId}:${year}` : null,
      meetingId: null,
      votingOpensAt: now + plan.opens,
      votingClosesAt: now + plan.closes,
      appraisees,
      voters,
      exemptions: [],
      excellentCapPercent: 30,
      status: plan.decided ? 'decided' : 'open',
      decidedAt: plan.decided ? decidedAt : null,
      createdBy: secretaryOf(members)?._id ?? 'seed',
      createdAt: now + plan.opens - DAY,
    })
    const voted = voters.slice(0, plan.voted)
    for (let i = 0; i < voters.length; i++) {
      const filled = i < voted.length
      ballots.push({
        _id: hex(24),
        tenantId,
        boxId: id,
        marks: filled
          ? Object.fromEntries(appraisees.map((memberId) => [memberId, grades[Math.floor(random() * grades.length)]]))
          : null,
      })
    }
    for (const memberId of voted) voterDocs.push({ _id: `${id}:${memberId}`, tenantId, boxId: id, memberId })
    for (const member of members.slice(0, 4)) {
      selfReviews.push({
        _id: `${id}:${member._id}`,
        tenantId,
        roundId: id,
        memberId: member._id,
        text: `本年度${member.name}同志认真学习党的创新理论，按时参加组织生活，完成教育教学任务，在师德师风方面严格要求自己；不足之处是理论学习还不够深入，今后将加强学习，发挥先锋模范作用。`,
        submittedAt: now + plan.opens - HOUR,
      })
    }
    if (plan.decided) {
      const cap = Math.floor((appraisees.length * 30) / 100)
      appraisees.forEach((memberId, i) => {
        results.push({
          _id: `${id}:${memberId}`,
          tenantId,
          roundId: id,
          branchId,
          memberId,
          grade: i < cap ? 'excellent' : 'qualified',
          reason: null,
          outcome: null,
          decidedAt,
        })
      })
    }
  }

  // 书记述职: the round open with members rating; 高中部's report in and rated, 实验小学's in.
  const reportRound: ReportRoundDoc = {
    _id: `rr_${year}_${tenantId}`,
    tenantId,
    year,
    deadline: now + 14 * DAY,
    membersRate: true,
    status: 'open',
    createdBy: bureauStaff?._id ?? 'seed',
    createdAt: now - 20 * DAY,
  }
  const reports: SecretaryReportDoc[] = []
  const reportRatings: ReportRatingDoc[] = []
  const reportPlan: Record<string, { ago: number; rated: boolean }> = {
    org_b_yz_high: { ago: 5, rated: true },
    org_b_shiyan: { ago: 1, rated: false },
  }
  for (const [branchId, plan] of Object.entries(reportPlan)) {
    const members = membersOf(branchId)
    const secretary = secretaryOf(members)
    if (!secretary) continue
    const id = `${reportRound._id}:${branchId}`
    const raters = members.filter((member) => member._id !== secretary._id).map((member) => member._id)
    reports.push({
      _id: id,
      tenantId,
      roundId: reportRound._id,
      branchId,
      secretaryId: secretary._id,
      text: `${year}年，支部坚持以党建引领学校发展，认真落实“三会一课”、主题党日和谈心谈话等制度，全年召开支部党员大会四次、支委会十二次，组织党员集中学习十二次；结合“双减”工作开展党员示范岗创建，党员教师带头承担课后服务和家访任务；组织开展志愿服务进社区活动六次，参与党员教师全覆盖。在意识形态工作方面，支部定期研判教师思想动态，落实课堂教学和教材管理要求。下一步，支部将进一步加强理论武装，提升组织生活质量，推动党建与教育教学深度融合。`,
      fileIds: [],
      problems: [
        '理论学习的系统性和深度还不够',
        '组织生活形式比较单一，党员参与的主动性有待提高',
        '党建与业务融合的抓手不够多',
      ],
      raters,
      submittedAt: now - plan.ago * DAY,
    })
    const box = `report:${id}`
    raters.forEach((memberId, i) => {
      const filled = plan.rated && i < 3
      ballots.push({
        _id: hex(24),
        tenantId,
        boxId: box,
        marks: filled ? { report: i === 2 ? 'fairly_good' : 'good' } : null,
      })
      if (filled) voterDocs.push({ _id: `${box}:${memberId}`, tenantId, boxId: box, memberId })
    })
    if (plan.rated && bureauStaff) {
      reportRatings.push({
        _id: `${id}:${bureauStaff._id}`,
        tenantId,
        reportId: id,
        raterId: bureauStaff._id,
        rating: 'good',
        comment: '制度落实扎实，党建与业务融合有特色，建议进一步丰富组织生活形式。',
        at: now - 2 * DAY,
      })
    }
  }

  // The year digests, by the same rule the function keeps them with.
  const digests: CycleDigestDoc[] = bureau.orgs
    .filter((org) => org.kind === 'branch')
    .map((branch) => {
      const members = membersOf(branch._id)
      const orgLife = orgLives.find((life) => life.branchId === branch._id) ?? null
      const round = rounds.find((candidate) => candidate.branchId === branch._id) ?? null
      const report = reports.find((candidate) => candidate.branchId === branch._id) ?? null
      return cycleDigest({
        tenantId,
        branchId: branch._id,
        year,
        people: {
          committeeIds: committeeOf(members).map((member) => member._id),
          memberIds: members.map((member) => member._id),
        },
        talks: talks.filter((talk) => talk.branchId === branch._id),
        orgLife,
        opinions: opinions.filter((opinion) => opinion.orgLifeId === orgLife?._id).length,
        selfExaminedIds: selfExaminations
          .filter((exam) => exam.orgLifeId === orgLife?._id)
          .map((exam) => exam.memberId),
        rectifications: { total: 0, closed: 0 },
        round,
        grades: results.filter((result) => result.roundId === round?._id).map((result) => result.grade),
        report: report && {
          roundId: reportRound._id,
          reportId: report._id,
          submittedAt: report.submittedAt,
          bureau: reportRatings.filter((rating) => rating.reportId === report._id).map((rating) => rating.rating),
        },
        now,
      })
    })

  return [
    ['talks', talks],
    ['org_life_themes', themes],
    ['org_life', orgLives],
    ['org_life_opinions', opinions],
    ['self_examinations', selfExaminations],
    ['appraisal_rounds', rounds],
    ['ballots', ballots],
    ['ballot_voters', voterDocs],
    ['self_reviews', selfReviews],
    ['appraisal_results', results],
    ['report_rounds', [reportRound]],
    ['secretary_reports', reports],
    ['report_ratings', reportRatings],
    ['cycle_digests', digests],
  ]
}
