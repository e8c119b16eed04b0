/**
 * Demo meetings, a lived year: the last eleven months and this one, held as
 * the evidence rules want them (attendance and minutes recorded the same day): each
 * branch's 支委会, a 党小组会 for each of its 党小组 (hosted by the 组长), a
 * 主题党日 and a 集中学习 every month; a 党员大会 held together with a 党课 once
 * a quarter (合并召开), and a 组织生活会 with 民主评议党员 in December. This
 * month's are planned until their day comes, and a 党课 is scheduled for next
 * week. Most branches are on time every month; 城关小学党支部 lags — its
 * first 党小组 skipped last month's 党小组会 (the bureau's matrix shows the
 * gap), and those of five and eight months ago; 山区学校联合支部 missed its
 * 集中学习 seven months ago, made it up (补开) the month after, and entered
 * those two months' meetings two days after holding them (补录). The same
 * instant seeds the same year. 实验小学 has an 入党积极分子 and a 发展对象
 * who may attend branch meetings without a vote (列席); one of its members is
 * away on training this month, on leave from its meetings.
 */
import { digestsOf, evidenceOf } from '../../cloudfunctions/domain/meetings/digest'
import { isVoting } from '../../cloudfunctions/domain/meetings/scope'
import { addMonthsLocal, periodBounds, periodKeyOf } from '../../cloudfunctions/domain/time'
import type { AttendanceDoc, MeetingDoc, MeetingType, Scope } from '../../types/meetings'
import type { MemberDoc, OrgDoc } from '../../types/roster'
import type { DemoBureau } from './demo-bureau'
import type { SeedBatch } from './demo-parts'

const HOUR = 3_600_000
const DAY = 24 * HOUR
/** How far back the year goes: this month and the eleven before it. */
export const SEEDED_MONTHS = 12
/** The lagging branch's missed 党小组会, in months ago (1 = last month, which the bureau's tests look at). */
const LAGGING_MISSES = new Set([1, 5, 8])
/** The month (ago) 山区联合支部 missed its 集中学习, made up and recorded late the month after. */
const MADE_UP_MONTHS_AGO = 7
/**
 * A member of 实验小学 away on training this month: excused (请假) from its meetings, so the branch has
 * someone with no points yet this month (a secretary's first award to them adds one to participation).
 */
export const AWAY_THIS_MONTH = 'm_shiyan_07'
const MONTHLY: [MeetingType, string, number][] = [
  ['committee_meeting', '支委会：研究本月党建工作', 2],
  ['group_meeting', '党小组会：交流学习体会', 5],
  ['theme_day', '主题党日：志愿服务进社区', 9],
  ['study', '集中学习：学习贯彻全会精神', 14],
]

interface Planned {
  id: string
  type: MeetingType
  alsoCounts?: MeetingType[]
  title: string
  startsAt: number
  scope: Scope
  attendees: MemberDoc[]
  host: MemberDoc
  /** 补开: held after the period it was owed for. */
  makeUpFor?: string
  /** 补录: entered (with its minutes) two days after it was held. */
  recordedLate?: boolean
}

export function demoMeetings(bureau: DemoBureau, now: number): SeedBatch[] {
  const { meetings, attendance } = demoMeetingFacts(bureau, now)
  const voting = new Set(bureau.members.filter(isVoting).map((member) => member._id))
  const evidence = new Map(
    meetings.map((meeting) => [
      meeting._id,
      evidenceOf(
        meeting,
        attendance.filter((row) => row.meetingId === meeting._id),
        voting,
      ),
    ]),
  )
  return [
    ['meetings', meetings],
    // The bureau's matrix and overview read these; the meetings function keeps them as it writes.
    ['meeting_digests', digestsOf(meetings, evidence)],
    ['meeting_attendance', attendance],
  ]
}

/** The year's meetings and their attendance: the points part pays the attendance as the meetings function's events. */
export function demoMeetingFacts(
  bureau: DemoBureau,
  now: number,
): { meetings: MeetingDoc[]; attendance: AttendanceDoc[] } {
  const tenantId = bureau.tenants[0]._id
  const meetings: MeetingDoc[] = []
  const attendance: AttendanceDoc[] = []
  const thisMonth = periodBounds(periodKeyOf(now, 'month')).start
  for (const branch of bureau.orgs.filter((org) => org.kind === 'branch')) {
    const members = bureau.members.filter((member) => member.branchId === branch._id && member.status === 'active')
    const secretary = members.find((member) => member.committeePosition === 'secretary') ?? members[0]
    if (!secretary) continue
    const groups = bureau.orgs.filter((org): org is OrgDoc => org.kind === 'group' && org.parentId === branch._id)
    const short = branch._id.replace('org_b_', '')
    const planned: Planned[] = []
    // Each quarter's 党员大会 goes in the first of its months among the last three (as a three-month demo had
    // them, so tests that name those meetings still find them), else in the latest of its earlier months.
    const quarterMonth = new Map<string, number>()
    for (const ago of [2, 1, 0, ...Array.from({ length: SEEDED_MONTHS - 3 }, (_, i) => i + 3)]) {
      const quarter = periodKeyOf(addMonthsLocal(thisMonth, -ago), 'quarter')
      if (!quarterMonth.has(quarter)) quarterMonth.set(quarter, ago)
    }
    for (let monthsAgo = SEEDED_MONTHS - 1; monthsAgo >= 0; monthsAgo--) {
      const monthStart = addMonthsLocal(thisMonth, -monthsAgo)
      const at = (day: number) => monthStart + day * DAY + 15 * HOUR
      const recordedLate =
        short === 'shanqu' && (monthsAgo === MADE_UP_MONTHS_AGO || monthsAgo === MADE_UP_MONTHS_AGO - 1)
      const before = planned.length
      for (const [type, title, day] of MONTHLY) {
        if (type === 'group_meeting') {
          groups.forEach((group, index) => {
            if (short === 'chengguan' && index === 0 && LAGGING_MISSES.has(monthsAgo)) return
            const attendees = members.filter((member) => member.groupId === group._id)
            planned.push({
              id: `mt_demo_${short}_group_${index + 1}_${monthsAgo}`,
              type,
              title: `${group.name}：交流学习体会`,
              startsAt: at(day),
              scope: { kind: 'group', groupId: group._id },
              attendees,
              host: attendees.find((member) => member._id === group.leaderId) ?? secretary,
            })
          })
          continue
        }
        const committee = type === 'committee_meeting'
        if (short === 'shanqu' && type === 'study' && monthsAgo === MADE_UP_MONTHS_AGO) {
          // Missed in its month; 补开 on the 20th of the next, for the month it was owed.
          planned.push({
            id: `mt_demo_${short}_${type}_${monthsAgo}`,
            type,
            title: '集中学习（补开）：学习贯彻全会精神',
            startsAt: addMonthsLocal(monthStart, 1) + 20 * DAY + 15 * HOUR,
            scope: { kind: 'branch' },
            attendees: members,
            host: secretary,
            makeUpFor: periodKeyOf(monthStart, 'month'),
          })
          continue
        }
        planned.push({
          id: `mt_demo_${short}_${type}_${monthsAgo}`,
          type,
          title,
          startsAt: at(day),
          scope: committee ? { kind: 'committee' } : { kind: 'branch' },
          attendees: members.filter((member) => !committee || member.committeePosition),
          host: secretary,
        })
      }
      const quarter = periodKeyOf(monthStart, 'quarter')
      if (quarterMonth.get(quarter) === monthsAgo) {
        planned.push({
          id: `mt_demo_${short}_general_${monthsAgo}`,
          type: 'general_meeting',
          alsoCounts: ['lecture'],
          title: '党员大会暨书记讲党课',
          startsAt: at(17),
          scope: { kind: 'branch' },
          attendees: members,
          host: secretary,
        })
      }
      if (periodKeyOf(monthStart, 'month').endsWith('-12')) {
        planned.push({
          id: `mt_demo_${short}_org_life_${monthsAgo}`,
          type: 'org_life',
          alsoCounts: ['appraisal'],
          title: '年度组织生活会暨民主评议党员',
          startsAt: at(19),
          scope: { kind: 'branch' },
          attendees: members,
          host: secretary,
        })
      }
      if (recordedLate) for (const plan of planned.slice(before)) plan.recordedLate = true
    }
    for (const plan of planned) {
      const held = plan.startsAt + 2 * HOUR < now
      const createdAt = plan.recordedLate ? plan.startsAt + 2 * DAY : plan.startsAt - 7 * DAY
      const recordedAt = plan.recordedLate ? createdAt : plan.startsAt + 3 * HOUR
      meetings.push({
        _id: plan.id,
        tenantId,
        branchId: branch._id,
        scope: plan.scope,
        type: plan.type,
        alsoCounts: plan.alsoCounts ?? [],
        title: plan.title,
        agenda: '1. 传达上级精神；2. 研究部署工作；3. 交流讨论。',
        startsAt: plan.startsAt,
        endsAt: plan.startsAt + 2 * HOUR,
        place: `${branch.name.replace('党支部', '')}会议室`,
        location: null,
        hostId: plan.host._id,
        noteTakerId: secretary._id,
        attendeeIds: plan.attendees.map((member) => member._id),
        status: 'scheduled',
        seriesId: null,
        makeUpFor: plan.makeUpFor ?? null,
        cancelReason: null,
        minutes: held
          ? {
              text: '会议传达了上级精神，研究部署了本月工作，党员交流了学习体会。',
              photos: [],
              writtenBy: secretary._id,
              writtenAt: recordedAt,
              firstWrittenAt: recordedAt,
            }
          : null,
        activity: null,
        // A meeting entered after it was held was never reminded of.
        remindersDone: held && !plan.recordedLate ? ['24h', '1h'] : [],
        closedAt: held ? recordedAt : null,
        createdBy: secretary._id,
        createdAt,
        updatedAt: createdAt,
      })
      if (!held) continue
      plan.attendees.forEach((member, index) => {
        const away = member._id === AWAY_THIS_MONTH && plan.startsAt >= thisMonth
        const status = away || index % 9 === 8 ? 'leave' : index % 7 === 6 ? 'late' : 'present'
        attendance.push({
          _id: `${plan.id}:${member._id}`,
          tenantId,
          meetingId: plan.id,
          branchId: branch._id,
          memberId: member._id,
          status,
          via: status === 'leave' ? 'leave' : 'code',
          at: plan.startsAt + (status === 'late' ? 10 * 60_000 : 0),
          recordedBy: member._id,
        })
      })
    }
    const nextWeek = Math.floor((now + 7 * DAY) / HOUR) * HOUR
    meetings.push({
      ...meetings[meetings.length - 1],
      _id: `mt_demo_${short}_lecture_next`,
      type: 'lecture',
      alsoCounts: [],
      title: '书记讲党课：做新时代的大先生',
      scope: { kind: 'branch' },
      attendeeIds: members.map((member) => member._id),
      hostId: secretary._id,
      startsAt: nextWeek,
      endsAt: nextWeek + 90 * 60_000,
      minutes: null,
      remindersDone: [],
      closedAt: null,
    })
  }
  return { meetings, attendance }
}
