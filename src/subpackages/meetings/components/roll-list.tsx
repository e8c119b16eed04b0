import { Text, View } from '@tarojs/components'
import type { AttendanceCounts, AttendanceStatus, MeetingDetail } from '../../../../types/meetings'
import { ATTENDANCE_LABELS, LEAVE_LABELS } from '../../../lib/meeting-labels'
import { clockTime } from '../../../lib/time'
import './meetings.css'

export type RollRow = NonNullable<MeetingDetail['attendance']>[number]

/** What a secretary marks by hand, in the order of a 考勤表. */
export const MARKS: readonly AttendanceStatus[] = ['present', 'late', 'leave', 'absent']
/** Short chip labels: 出席 rather than 已签到 when the secretary marks. */
export const MARK_LABELS: Record<AttendanceStatus, string> = {
  present: '出席',
  late: '迟到',
  leave: '请假',
  absent: '缺席',
}

/** 应到 / 实到 / 迟到 / 请假 / 缺席 / 未签到 tiles above the roll. */
export function RollCounts({ counts }: { counts: AttendanceCounts }) {
  const tiles: [string, number, string][] = [
    ['应到', counts.expected, 'expected'],
    ['实到', counts.present + counts.late, 'arrived'],
    ['迟到', counts.late, 'late'],
    ['请假', counts.leave, 'leave'],
    ['缺席', counts.absent, 'absent'],
    ['未签到', counts.unmarked, 'unmarked'],
  ]
  return (
    <View className="stats meet-counts" data-testid="roll-counts">
      {tiles.map(([label, value, key]) => (
        <View key={key} className="stat">
          <Text className="stat__value" data-testid={`roll-count-${key}`}>
            {value}
          </Text>
          <Text className="stat__label">{label}</Text>
        </View>
      ))}
    </View>
  )
}

/** A row's state in words: 已签到 09:58, 请假审批中, 未签到. */
export function rollState(row: RollRow): string {
  if (row.status)
    return row.at ? `${ATTENDANCE_LABELS[row.status]} ${clockTime(row.at)}` : ATTENDANCE_LABELS[row.status]
  if (row.leave) return LEAVE_LABELS[row.leave]
  return '未签到'
}

interface RollListProps {
  rows: RollRow[]
  /** When false the roll is read-only (before the window opens, or for readers). */
  editable: boolean
  /** The member whose mark is being saved. */
  busyId: string | null
  onMark: (memberId: string, status: AttendanceStatus) => void
}

/** 考勤登记: every expected attendee with their check-in time; the secretary marks those without phones. */
export function RollList({ rows, editable, busyId, onMark }: RollListProps) {
  return (
    <View data-testid="roll-list">
      {rows.map((row) => (
        <View key={row.memberId} className="meet-member divided" data-testid="roll-row" data-member={row.memberId}>
          <View className="meet-member__head">
            <Text className="meet-member__name">{row.name}</Text>
            <Text className="meet-member__state" data-testid="roll-state">
              {rollState(row)}
            </Text>
          </View>
          {editable ? (
            <View className="chips meet-marks">
              {MARKS.map((status) => (
                <Text
                  key={status}
                  className={`chip${row.status === status ? ' chip--on' : ''}${busyId === row.memberId ? ' chip--busy' : ''}`}
                  data-testid={`roll-mark-${status}`}
                  data-on={row.status === status ? 'true' : 'false'}
                  onClick={() => busyId === null && row.status !== status && onMark(row.memberId, status)}
                >
                  {MARK_LABELS[status]}
                </Text>
              ))}
            </View>
          ) : null}
        </View>
      ))}
    </View>
  )
}
