import { MEETING_TYPE_LABELS } from '../../types/labels'
import type { AttendanceStatus, MeetingDoc } from '../../types/meetings'
import type { PdfDocument } from '../../types/pdf'
import type { OrgDoc } from '../../types/roster'
import type { SheetTable } from '../../types/sheets'
import { countAttendance } from '../domain/meetings/attendance-summary'
import { periodBounds, shanghaiMinute, shanghaiStamp } from '../domain/time'
import { COLLECTIONS } from '../runtime/collections'
import { within } from '../runtime/range'
import type { Store } from '../runtime/store'
import { type Exporter, exportPdf, exportXlsx } from './exports'

/**
 * 三会一课记录本: a branch's meetings of a period in order, with attendance
 * and minutes — what the secretary keeps and the bureau inspects (调阅). The
 * meetings function's record book and the bureau's 调阅 both read it here;
 * the caller has checked who may.
 */
export interface RecordBook {
  branchName: string
  period: string
  entries: RecordBookEntry[]
}

export interface RecordBookEntry {
  id: string
  type: MeetingDoc['type']
  title: string
  startsAt: number
  place: string
  status: MeetingDoc['status']
  counts: ReturnType<typeof countAttendance>
  minutes: string | null
}

export async function readRecordBook(store: Store, branch: OrgDoc, period: string): Promise<RecordBook> {
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
    const statuses = new Map<string, AttendanceStatus>(
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
  return { branchName: branch.name, period, entries }
}

/** Which action exported a record book, and of which branch: for the audit log. */
export interface RecordBookExport {
  action: string
  targetId: string
}

/** The record book as .xlsx, one row per meeting: a 10-minute link for the caller. */
export function exportRecordBookXlsx(ctx: Exporter, book: RecordBook, now: number, by: RecordBookExport) {
  const table: SheetTable = {
    name: `三会一课记录本 ${book.period}`,
    headers: [
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
    ],
    rows: book.entries.map((entry, index) => [
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
    ]),
  }
  const fileName = `三会一课记录本-${book.branchName}-${book.period}-${shanghaiStamp(now)}.xlsx`
  return exportXlsx(ctx, fileName, [table], {
    ...by,
    summary: `导出${book.branchName}${book.period}三会一课记录本（.xlsx）`,
  })
}

/** The printable record book: a table of the meetings, then each one's minutes. */
export function recordBookDocument(book: RecordBook, now: number): PdfDocument {
  return {
    title: `${book.branchName}三会一课记录本`,
    blocks: [
      { kind: 'text', text: book.branchName, size: 18, align: 'center' },
      { kind: 'text', text: `三会一课记录本（${book.period}）`, size: 14, align: 'center' },
      {
        kind: 'text',
        text: `导出时间：${shanghaiMinute(now)}　共 ${book.entries.length} 次会议`,
        size: 9,
        align: 'center',
        color: '#666666',
      },
      { kind: 'gap', lines: 1 },
      {
        kind: 'table',
        headers: ['序号', '类型', '会议名称', '时间', '应到', '实到', '请假', '缺席'],
        rows: book.entries.map((entry, index) => [
          String(index + 1),
          MEETING_TYPE_LABELS[entry.type],
          entry.status === 'cancelled' ? `${entry.title}（已取消）` : entry.title,
          shanghaiMinute(entry.startsAt),
          String(entry.counts.expected),
          String(entry.counts.present + entry.counts.late),
          String(entry.counts.leave),
          String(entry.counts.absent + entry.counts.unmarked),
        ]),
        widths: [30, 70, 150, 110, 36, 36, 36, 31],
      },
      ...book.entries.flatMap((entry, index) =>
        entry.minutes
          ? [
              {
                kind: 'text' as const,
                text: `${index + 1}. ${entry.title}（${shanghaiMinute(entry.startsAt)}，${entry.place}）`,
                size: 11,
              },
              { kind: 'text' as const, text: `会议记录：${entry.minutes}`, size: 9, indent: 12 },
              { kind: 'gap' as const, lines: 0.5 },
            ]
          : [],
      ),
    ],
  }
}

/** The record book printed by the pdf function into the caller's exports: a 10-minute link. */
export async function exportRecordBookPdf(ctx: Exporter, book: RecordBook, now: number, by: RecordBookExport) {
  const fileName = `三会一课记录本-${book.branchName}-${book.period}-${shanghaiStamp(now)}.pdf`
  return exportPdf(ctx, fileName, recordBookDocument(book, now), {
    ...by,
    summary: `导出${book.branchName}${book.period}三会一课记录本（PDF）`,
  })
}
