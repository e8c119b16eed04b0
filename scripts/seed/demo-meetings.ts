/**
 * Demo meetings over the last two months and this one, held as the evidence
 * rules want them (attendance and minutes recorded the same day): each
 * branch's 支委会, a 党小组会 for each of its 党小组 (hosted by the 组长), a
 * 主题党日 and a 集中学习 every month; a 党员大会 held together with a 党课 once
 * a quarter (合并召开), and a 组织生活会 with 民主评议党员 in December. This
 * month's are planned until their day comes, and a 党课 is scheduled for next
 * week. 城关小学党支部's first 党小组 skipped last month's 党小组会, so the
 * bureau's matrix shows a gap. 实验小学 has an 入党积极分子 and a 发展对象
 * who may attend branch meetings without a vote (列席).
 */
import { digestsOf, evidenceOf } from '../../cloudfunctions/domain/meetings/digest'
import { isVoting } from '../../cloudfunctions/domain/meetings/scope'
import { addMonthsLocal, periodBounds, periodKeyOf } from '../../cloudfunctions/domain/time'
import type { AttendanceDoc, MeetingDoc, MeetingType, ProspectFileDoc, Scope } from '../../types/meetings'
import type { MemberDoc, OrgDoc } from '../../types/roster'
import type { DemoBureau } from './demo-bureau'
import type { SeedBatch } from './demo-parts'

const HOUR = 3_600_000
const DAY = 24 * HOUR
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
}

export function demoMeetings(bureau: DemoBureau, now: number): SeedBatch[] {
  const tenantId = bureau.tenants[0]._id
  const meetings: MeetingDoc[] = []
  const attendance: AttendanceDoc[] = []
  const thisMonth = periodBounds(periodKeyOf(now, 'month')).start
  const voting = new Set(bureau.members.filter(isVoting).map((member) => member._id))
  for (const branch of bureau.orgs.filter((org) => org.kind === 'branch')) {
    const members = bureau.members.filter((member) => member.branchId === branch._id && member.status === 'active')
    const secretary = members.find((member) => member.committeePosition === 'secretary') ?? members[0]
    if (!secretary) continue
    const groups = bureau.orgs.filter((org): org is OrgDoc => org.kind === 'group' && org.parentId === branch._id)
    const short = branch._id.replace('org_b_', '')
    const planned: Planned[] = []
    const quarters = new Set<string>()
    for (const monthsAgo of [2, 1, 0]) {
      const monthStart = addMonthsLocal(thisMonth, -monthsAgo)
      const at = (day: number) => monthStart + day * DAY + 15 * HOUR
      for (const [type, title, day] of MONTHLY) {
        if (type === 'group_meeting') {
          groups.forEach((group, index) => {
            if (short === 'chengguan' && index === 0 && monthsAgo === 1) return
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
      if (!quarters.has(quarter)) {
        quarters.add(quarter)
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
    }
    for (const plan of planned) {
      const held = plan.startsAt + 2 * HOUR < now
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
        makeUpFor: null,
        cancelReason: null,
        minutes: held
          ? {
              text: '会议传达了上级精神，研究部署了本月工作，党员交流了学习体会。',
              photos: [],
              writtenBy: secretary._id,
              writtenAt: plan.startsAt + 3 * HOUR,
              firstWrittenAt: plan.startsAt + 3 * HOUR,
            }
          : null,
        activity: null,
        remindersDone: held ? ['24h', '1h'] : [],
        closedAt: held ? plan.startsAt + 3 * HOUR : null,
        createdBy: secretary._id,
        createdAt: plan.startsAt - 7 * DAY,
        updatedAt: plan.startsAt - 7 * DAY,
      })
      if (!held) continue
      plan.attendees.forEach((member, index) => {
        const status = index % 9 === 8 ? 'leave' : index % 7 === 6 ? 'late' : 'present'
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
  const prospects: ProspectFileDoc[] = [
    { _id: 'df_demo_shiyan_1', tenantId, branchId: 'org_b_shiyan', name: '邵雨晴', stage: 'activist', closed: null },
    { _id: 'df_demo_shiyan_2', tenantId, branchId: 'org_b_shiyan', name: '葛振宇', stage: 'candidate', closed: null },
  ]
  return [
    ['meetings', meetings],
    // The bureau's matrix and overview read these; the meetings function keeps them as it writes.
    ['meeting_digests', digestsOf(meetings, evidence)],
    ['meeting_attendance', attendance],
    // 发展党员 files (the lifecycle domain's): only what meetings needs to invite them to 列席.
    ['development_files', prospects],
  ]
}
