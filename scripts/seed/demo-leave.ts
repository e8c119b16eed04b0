/**
 * Demo 请假 over the year: every excused absence (请假) of the seeded meetings
 * was asked for two days before and approved by the branch secretary the
 * next morning; in each branch one request three months ago was declined
 * (the member came); and a member of 实验小学 has asked for leave from next
 * week's 党课, waiting in the secretary's 支部待办.
 */
import { periodBounds, periodKeyOf } from '../../cloudfunctions/domain/time'
import type { LeaveDoc } from '../../types/meetings'
import type { DemoBureau } from './demo-bureau'
import { demoMeetingFacts } from './demo-meetings'
import type { SeedBatch, SeedOptions } from './demo-parts'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const REASONS = ['参加县教研室组织的培训', '带学生外出参加比赛', '家中老人住院需陪护', '参加上级组织的监考工作']

export function demoLeave(bureau: DemoBureau, now: number, options: SeedOptions): SeedBatch[] {
  const tenantId = bureau.tenants[0]._id
  const { meetings, attendance } = demoMeetingFacts(bureau, now)
  const meetingOf = new Map(meetings.map((meeting) => [meeting._id, meeting]))
  const secretaryOf = new Map(
    bureau.members.filter((m) => m.committeePosition === 'secretary' && m.branchId).map((m) => [m.branchId, m]),
  )
  const nameOf = new Map(bureau.members.map((member) => [member._id, member.name]))
  const leaves: LeaveDoc[] = []
  const request = (meetingId: string, memberId: string, index: number): LeaveDoc | null => {
    const meeting = meetingOf.get(meetingId)
    const secretary = meeting && secretaryOf.get(meeting.branchId)
    if (!meeting || !secretary || secretary._id === memberId) return null
    return {
      _id: `${meetingId}:${memberId}`,
      tenantId,
      meetingId,
      branchId: meeting.branchId,
      memberId,
      memberName: nameOf.get(memberId) ?? '',
      reason: REASONS[index % REASONS.length],
      status: 'approved',
      requestedAt: meeting.startsAt - 2 * DAY,
      decidedBy: secretary._id,
      decidedAt: meeting.startsAt - DAY - 6 * HOUR,
      decisionNote: null,
    }
  }
  attendance
    .filter((row) => row.status === 'leave')
    .forEach((row, index) => {
      const leave = request(row.meetingId, row.memberId, index)
      if (leave) leaves.push(leave)
    })
  // Declined: the branch's 主题党日 three months ago, asked by a member who then came.
  for (const [branchId, secretary] of secretaryOf) {
    const meetingId = `mt_demo_${(branchId as string).replace('org_b_', '')}_theme_day_3`
    const came = attendance.find(
      (row) => row.meetingId === meetingId && row.status === 'present' && row.memberId !== secretary._id,
    )
    const leave = came && request(came.meetingId, came.memberId, 1)
    if (leave)
      leaves.push({ ...leave, status: 'rejected', decisionNote: '主题党日为全体党员参加的活动，请调整课务后参加' })
  }
  // Pending: next week's 党课 in 实验小学.
  const pending = request('mt_demo_shiyan_lecture_next', 'm_shiyan_07', 0)
  if (pending)
    leaves.push({ ...pending, status: 'pending', requestedAt: now - 3 * HOUR, decidedBy: null, decidedAt: null })
  // Without history, this month's requests only.
  const since = options.history ? 0 : periodBounds(periodKeyOf(now, 'month')).start
  return [['meeting_leaves', leaves.filter((leave) => leave.requestedAt >= since)]]
}
