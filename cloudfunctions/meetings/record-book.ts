import { MEETING_TYPE_LABELS } from '../../types/labels'
import { countAttendance } from '../domain/meetings/attendance-summary'
import { periodBounds, periodKeyOf, shanghaiMinute, shanghaiStamp } from '../domain/time'
import { COLLECTIONS } from '../runtime/collections'
import { randomCode } from '../runtime/new-id'
import { within } from '../runtime/range'
import type { HandlerContext } from '../runtime/router'
import { loadBranch, requireAccess } from '../shared/branch-access'
import { writeXlsx } from '../shared/spreadsheet'

/** 三会一课记录本: a branch's meetings of a period in order, for the bureau's inspection (调阅). */
export async function recordBook(
  input: { branchId: string; period?: string; export: boolean },
  { caller, store, files, clock }: HandlerContext,
) {
  const branch = await loadBranch(store, caller, input.branchId)
  requireAccess(caller, branch, 'read')
  const now = clock.now()
  const period = input.period ?? periodKeyOf(now, 'year')
  const { start, end } = periodBounds(period)
  const meetings = await store.findAll(
    COLLECTIONS.meetings,
    { tenantId: branch.tenantId, branchId: branch._id, startsAt: within(store, start, end) },
    { orderBy: [['startsAt', 'asc']] },
  )
  const rows = meetings.length
    ? await store.findAll(COLLECTIONS.meetingAttendance, {
        tenantId: branch.tenantId,
        branchId: branch._id,
        meetingId: store.command.in(meetings.map((meeting) => meeting._id)),
      })
    : []
  const entries = meetings.map((meeting) => {
    const statuses = new Map(
      rows.filter((row) => row.meetingId === meeting._id).map((row) => [row.memberId, row.status]),
    )
    return {
      id: meeting._id,
      type: meeting.type,
      title: meeting.title,
      startsAt: meeting.startsAt,
      place: meeting.place,
      status: meeting.status,
      counts: countAttendance(meeting.attendeeIds, statuses),
      minutes: meeting.minutes ? meeting.minutes.text : null,
    }
  })
  let fileUrl: string | null = null
  if (input.export) {
    const header = [
      '序号',
      '会议类型',
      '会议名称',
      '时间',
      '地点',
      '应到',
      '实到',
      '迟到',
      '请假',
      '缺席',
      '状态',
      '会议记录',
    ]
    const body = entries.map((entry, index) => [
      index + 1,
      MEETING_TYPE_LABELS[entry.type],
      entry.title,
      shanghaiMinute(entry.startsAt),
      entry.place,
      entry.counts.expected,
      entry.counts.present + entry.counts.late,
      entry.counts.late,
      entry.counts.leave,
      entry.counts.absent + entry.counts.unmarked,
      entry.status === 'cancelled' ? '已取消' : entry.startsAt <= now ? '已召开' : '未召开',
      entry.minutes ?? '',
    ])
    const xlsx = await writeXlsx([{ name: `三会一课记录本 ${period}`, headers: header, rows: body }])
    const fileID = await files.upload(
      // Under a random folder, named for the reader: the download keeps this name (as the roster export does).
      `exports/${branch.tenantId}/${caller.member._id}/${randomCode(8)}/三会一课记录本-${branch.name}-${period}-${shanghaiStamp(now)}.xlsx`,
      xlsx,
    )
    fileUrl = await files.link(fileID, 600)
  }
  return { branchName: branch.name, period, entries, fileUrl }
}
