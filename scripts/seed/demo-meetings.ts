/**
 * Demo meetings: every branch held its monthly 三会一课 over the last two
 * months (with a roll), has this month's planned and a 主题党日 next week;
 * 城关小学党支部 skipped last month's 党小组会, so compliance shows a gap.
 */
import { digestsOf } from '../../cloudfunctions/domain/meetings/digest'
import { addMonthsLocal, periodBounds, periodKeyOf } from '../../cloudfunctions/domain/time'
import type { AttendanceDoc, MeetingDoc, MeetingType } from '../../types/meetings'
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

export function demoMeetings(bureau: DemoBureau, now: number): SeedBatch[] {
  const tenantId = bureau.tenants[0]._id
  const meetings: MeetingDoc[] = []
  const attendance: AttendanceDoc[] = []
  const thisMonth = periodBounds(periodKeyOf(now, 'month')).start
  for (const branch of bureau.orgs.filter((org) => org.kind === 'branch')) {
    const members = bureau.members.filter((member) => member.branchId === branch._id && member.status === 'active')
    const secretary = members.find((member) => member.committeePosition === 'secretary') ?? members[0]
    if (!secretary) continue
    const short = branch._id.replace('org_b_', '')
    for (const monthsAgo of [2, 1, 0]) {
      const monthStart = addMonthsLocal(thisMonth, -monthsAgo)
      for (const [type, title, day] of MONTHLY) {
        if (short === 'chengguan' && type === 'group_meeting' && monthsAgo === 1) continue
        const startsAt = monthStart + day * DAY + 15 * HOUR
        const committee = type === 'committee_meeting'
        const attendeeIds = members
          .filter((member) => !committee || member.committeePosition)
          .map((member) => member._id)
        const held = startsAt + 2 * HOUR < now
        const id = `mt_demo_${short}_${type}_${monthsAgo}`
        meetings.push({
          _id: id,
          tenantId,
          branchId: branch._id,
          scope: committee ? { kind: 'committee' } : { kind: 'branch' },
          type,
          title,
          agenda: '1. 传达上级精神；2. 研究部署工作；3. 交流讨论。',
          startsAt,
          endsAt: startsAt + 2 * HOUR,
          place: `${branch.name.replace('党支部', '')}会议室`,
          location: null,
          hostId: secretary._id,
          noteTakerId: secretary._id,
          attendeeIds,
          status: 'scheduled',
          seriesId: null,
          makeUpFor: null,
          cancelReason: null,
          minutes: held
            ? {
                text: '会议传达了上级精神，研究部署了本月工作，党员交流了学习体会。',
                photos: [],
                writtenBy: secretary._id,
                writtenAt: startsAt + 3 * HOUR,
              }
            : null,
          activity: null,
          remindersDone: held ? ['24h', '1h'] : [],
          closedAt: held ? startsAt + 3 * HOUR : null,
          createdBy: secretary._id,
          createdAt: startsAt - 7 * DAY,
          updatedAt: startsAt - 7 * DAY,
        })
        if (!held) continue
        attendeeIds.forEach((memberId, index) => {
          const status = index % 9 === 8 ? 'leave' : index % 7 === 6 ? 'late' : 'present'
          attendance.push({
            _id: `${id}:${memberId}`,
            tenantId,
            meetingId: id,
            branchId: branch._id,
            memberId,
            status,
            via: status === 'leave' ? 'leave' : 'code',
            at: startsAt + (status === 'late' ? 10 * 60_000 : 0),
            recordedBy: memberId,
          })
        })
      }
    }
    const nextWeek = Math.floor((now + 7 * DAY) / HOUR) * HOUR
    meetings.push({
      ...meetings[meetings.length - 1],
      _id: `mt_demo_${short}_lecture_next`,
      type: 'lecture',
      title: '书记讲党课：做新时代的大先生',
      scope: { kind: 'branch' },
      attendeeIds: members.map((member) => member._id),
      startsAt: nextWeek,
      endsAt: nextWeek + 90 * 60_000,
      minutes: null,
      remindersDone: [],
      closedAt: null,
    })
  }
  return [
    ['meetings', meetings],
    // The bureau's matrix and overview read these; the meetings function keeps them as it writes.
    ['meeting_digests', digestsOf(meetings)],
    ['meeting_attendance', attendance],
  ]
}
