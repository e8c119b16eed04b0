/**
 * Demo meetings, a lived year: every branch held its monthly 三会一课 over the
 * last twelve months with a roll and minutes written the same day, has this
 * month's planned and a 党课 next week. Most branches are on time every month;
 * 城关小学党支部 lags — it skipped its 党小组会 last month, five months ago and
 * eight months ago; 山区联合支部 missed its 集中学习 seven months ago and made
 * it up (补开) the month after, recording those months' meetings after the
 * fact (补录). Everything follows from `now`: the same instant seeds the same year.
 */
import { digestsOf } from '../../cloudfunctions/domain/meetings/digest'
import { addMonthsLocal, periodBounds, periodKeyOf } from '../../cloudfunctions/domain/time'
import type { AttendanceDoc, MeetingDoc, MeetingType } from '../../types/meetings'
import type { DemoBureau } from './demo-bureau'
import type { SeedBatch } from './demo-parts'

const HOUR = 3_600_000
const DAY = 24 * HOUR
/** How far back the year goes: this month and the eleven before it. */
export const SEEDED_MONTHS = 12
/** The lagging branch's missed 党小组会, in months ago (1 = last month, which the bureau's tests look at). */
const LAGGING_MISSES = new Set([1, 5, 8])
/** The branch that makes up and records late: the month its 集中学习 was missed, made up the month after. */
const MADE_UP_MONTHS_AGO = 7
/** Held in the middle month of each past quarter (支部党员大会 and 党课 are owed quarterly). */
const QUARTERLY: [MeetingType, string, number][] = [
  ['general_meeting', '支部党员大会：通报季度工作，讨论发展党员', 19],
  ['lecture', '书记讲党课：立德树人，守好育人初心', 23],
]
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
    for (let monthsAgo = SEEDED_MONTHS - 1; monthsAgo >= 0; monthsAgo--) {
      const monthStart = addMonthsLocal(thisMonth, -monthsAgo)
      const quarterMiddle = Number(periodKeyOf(monthStart, 'month').slice(5)) % 3 === 2
      for (const [type, title, day] of quarterMiddle && monthsAgo >= 1 ? [...MONTHLY, ...QUARTERLY] : MONTHLY) {
        if (short === 'chengguan' && type === 'group_meeting' && LAGGING_MISSES.has(monthsAgo)) continue
        const madeUp = short === 'shanqu' && type === 'study' && monthsAgo === MADE_UP_MONTHS_AGO
        // 补开: the missed 集中学习 is held on the 20th of the month after, for the month it was owed.
        const startsAt = madeUp
          ? addMonthsLocal(monthStart, 1) + 20 * DAY + 15 * HOUR
          : monthStart + day * DAY + 15 * HOUR
        // 补录: the branch enters those months' meetings two days after holding them.
        const recordedLate =
          short === 'shanqu' && (monthsAgo === MADE_UP_MONTHS_AGO || monthsAgo === MADE_UP_MONTHS_AGO - 1)
        const createdAt = recordedLate ? startsAt + 2 * DAY : startsAt - 7 * DAY
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
          makeUpFor: madeUp ? periodKeyOf(monthStart, 'month') : null,
          cancelReason: null,
          minutes: held
            ? {
                text: '会议传达了上级精神，研究部署了本月工作，党员交流了学习体会。',
                photos: [],
                writtenBy: secretary._id,
                writtenAt: recordedLate ? createdAt : startsAt + 3 * HOUR,
              }
            : null,
          activity: null,
          // A meeting entered after it was held was never reminded of.
          remindersDone: held && !recordedLate ? ['24h', '1h'] : [],
          closedAt: held ? Math.max(createdAt, startsAt + 3 * HOUR) : null,
          createdBy: secretary._id,
          createdAt,
          updatedAt: createdAt,
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
