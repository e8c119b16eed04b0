import type { MeetingRecordState } from '../../types/compliance'
import { MEETING_RECORD_LABELS, meetingTypesLabel } from '../../types/labels'
import type { AttendanceStatus, MeetingDoc, MeetingType } from '../../types/meetings'
import type { PdfDocument } from '../../types/pdf'
import type { OrgDoc } from '../../types/roster'
import type { SheetTable } from '../../types/sheets'
import { recordOf } from '../domain/meeting-compliance/evidence'
import { countAttendance } from '../domain/meetings/attendance-summary'
import { digestEntryOf, evidenceOf } from '../domain/meetings/digest'
import { isVoting } from '../domain/meetings/scope'
import { periodBounds, shanghaiMinute, shanghaiStamp } from '../domain/time'
import { COLLECTIONS } from '../runtime/collections'
import { within } from '../runtime/range'
import type { Store } from '../runtime/store'
import { type Exporter, exportPdf, exportXlsx } from './exports'
import { loadRules } from './meeting-rules'
import { membersByIds } from './members'

/**
 * 三会一课记录本: a branch's meetings of a period in order, with their record,
 * attendance and minutes — what the secretary keeps and the bureau inspects
 * (调阅). The meetings function's record book and the bureau's 调阅 both read
 * it here; the caller has checked who may. A record never runs ahead of time:
 * a meeting not yet begun reads 未开始, one under way 进行中, and only those
 * marked absent count as 缺席 (the rest are 未签到 until marking closes).
 */
export interface RecordBook {
  branchName: string
  period: string
  entries: RecordBookEntry[]
}

export interface RecordBookEntry {
  id: string
  type: MeetingType
  alsoCounts: MeetingType[]
  title: string
  startsAt: number
  place: string
  status: MeetingDoc['status']
  record: MeetingRecordState
  backfilled: boolean
  counts: ReturnType<typeof countAttendance>
  minutes: string | null
}

export async function readRecordBook(store: Store, branch: OrgDoc, period: string, now: number): Promise<RecordBook> {
  const { start, end } = periodBounds(period)
  const [meetings, rules] = await Promise.all([
    store.findAll(
      COLLECTIONS.meetings,
      { tenantId: branch.tenantId, branchId: branch._id, startsAt: within(store, start, end) },
      { orderBy: [['startsAt', 'asc']] },
    ),
    loadRules(store, branch.tenantId),
  ])
  const rows = meetings.length
    ? await store.findAll(COLLECTIONS.meetingAttendance, {
        tenantId: branch.tenantId,
        branchId: branch._id,
        meetingId: store.command.in(meetings.map((meeting) => meeting._id)),
      })
    : []
  const people = await membersByIds(store, [...new Set(meetings.flatMap((meeting) => meeting.attendeeIds))])
  const voting = new Set([...people.values()].filter(isVoting).map((member) => member._id))
  const entries = meetings.map((meeting): RecordBookEntry => {
    const own = rows.filter((row) => row.meetingId === meeting._id)
    const statuses = new Map<string, AttendanceStatus>(own.map((row) => [row.memberId, row.status]))
    const entry = digestEntryOf(meeting, evidenceOf(meeting, own, voting))
    return {
      id: meeting._id,
      type: meeting.type,
      alsoCounts: meeting.alsoCounts ?? [],
      title: meeting.title,
      startsAt: meeting.startsAt,
      place: meeting.place,
      status: meeting.status,
      record: recordOf(entry, meeting.type, now, rules),
      backfilled: Boolean(meeting.backfilled),
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

/** A meeting has a roll to show once it began (and was not cancelled): before that its figures read '—'. */
const hasRoll = (entry: RecordBookEntry) => entry.record !== 'upcoming' && entry.record !== 'cancelled'

/** 实到, 请假, 缺席 (only those marked absent), 未签到 of an entry, '—' before it began. */
function rollFigures(entry: RecordBookEntry): [string, string, string, string] {
  if (!hasRoll(entry)) return ['—', '—', '—', '—']
  const { counts } = entry
  return [String(counts.present + counts.late), String(counts.leave), String(counts.absent), String(counts.unmarked)]
}

/** 已开展 / 待补记录 / 未开始 …, with 补录 beside a meeting entered after the fact. */
export function recordLabel(entry: Pick<RecordBookEntry, 'record' | 'backfilled'>): string {
  return `${MEETING_RECORD_LABELS[entry.record]}${entry.backfilled ? '（补录）' : ''}`
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
      '请假',
      '缺席',
      '未签到',
      '情况',
      '会议记录',
    ],
    rows: book.entries.map((entry, index) => {
      const [attended, leave, absent, unmarked] = rollFigures(entry)
      return [
        index + 1,
        meetingTypesLabel(entry),
        entry.title,
        shanghaiMinute(entry.startsAt),
        entry.place,
        entry.counts.expected,
        attended,
        leave,
        absent,
        unmarked,
        recordLabel(entry),
        entry.minutes ?? '',
      ]
    }),
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
        headers: ['序号', '类型', '会议名称', '时间', '应到', '实到', '请假', '缺席', '情况'],
        rows: book.entries.map((entry, index) => {
          const [attended, leave, absent] = rollFigures(entry)
          return [
            String(index + 1),
            meetingTypesLabel(entry),
            entry.title,
            shanghaiMinute(entry.startsAt),
            String(entry.counts.expected),
            attended,
            leave,
            absent,
            recordLabel(entry),
          ]
        }),
        widths: [26, 62, 130, 96, 28, 28, 28, 28, 73],
      },
      ...book.entries.flatMap((entry, index) =>
        entry.minutes
          ? [
              {
                kind: 'text' as const,
                text: `${index + 1}. ${entry.title}（${shanghaiMinute(entry.startsAt)}，${entry.place}）${entry.backfilled ? '【补录】' : ''}`,
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
