import { fireEvent, render, screen } from '@testing-library/react'
import { summaryLine } from '../../cloudfunctions/domain/meetings/attendance-summary'
import { owingLines } from '../../src/lib/compliance-lines'
import { NO_ERRORS } from '../../src/lib/form-errors'
import { ComplianceCard } from '../../src/pages/meetings/components/compliance-card'
import { MeetingRow } from '../../src/pages/meetings/components/meeting-row'
import { type LeaveItem, LeaveList } from '../../src/subpackages/meetings/components/leave-list'
import { MinutesForm } from '../../src/subpackages/meetings/components/minutes-form'
import { RecordBookEntries, type RecordBookEntry } from '../../src/subpackages/meetings/components/record-book'
import { RobotForm } from '../../src/subpackages/meetings/components/robot-form'
import { RollCounts, RollList, type RollRow } from '../../src/subpackages/meetings/components/roll-list'
import { minutesSummary } from '../../src/subpackages/meetings/lib/summary'
import type { AttendanceCounts, ComplianceItem, MeetingSummary } from '../../types/meetings'

const at = (hhmm: string) => new Date(`2026-05-12T${hhmm}:00+08:00`).getTime()

const roll: RollRow[] = [
  { memberId: 'm1', name: '宋敏', status: 'present', at: at('14:52'), leave: null },
  { memberId: 'm2', name: '李强', status: 'late', at: at('15:12'), leave: null },
  { memberId: 'm3', name: '王芳', status: 'leave', at: at('10:00'), leave: 'approved' },
  { memberId: 'm4', name: '赵磊', status: null, at: null, leave: 'pending' },
  { memberId: 'm5', name: '陈晓东', status: null, at: null, leave: null },
]
const counts: AttendanceCounts = { expected: 5, present: 1, late: 1, leave: 1, absent: 0, unmarked: 2 }

describe('考勤登记 roll', () => {
  test('counts: 应到, 实到 (present + late), 迟到, 请假, 缺席, 未签到', () => {
    render(<RollCounts counts={counts} />)
    const value = (key: string) => screen.getByTestId(`roll-count-${key}`).textContent
    expect([
      value('expected'),
      value('arrived'),
      value('late'),
      value('leave'),
      value('absent'),
      value('unmarked'),
    ]).toEqual(['5', '2', '1', '1', '0', '2'])
  })

  test('each row says the state with the check-in time; the chip of the current status is on', () => {
    render(<RollList rows={roll} editable busyId={null} onMark={jest.fn()} />)
    expect(screen.getAllByTestId('roll-state').map((cell) => cell.textContent)).toEqual([
      '出席 14:52',
      '迟到 15:12',
      '请假 10:00',
      '请假审批中',
      '未签到',
    ])
    const first = screen.getAllByTestId('roll-row')[0]
    const on = Array.from(first.querySelectorAll('[data-on="true"]'), (chip) => chip.textContent)
    expect(on).toEqual(['出席'])
    expect(screen.getAllByTestId('roll-mark-present')).toHaveLength(5)
  })

  test('tapping a chip marks that member; the current status and a busy roll do nothing', () => {
    const onMark = jest.fn()
    const { rerender } = render(<RollList rows={roll} editable busyId={null} onMark={onMark} />)
    fireEvent.click(screen.getAllByTestId('roll-mark-absent')[4])
    fireEvent.click(screen.getAllByTestId('roll-mark-present')[0])
    expect(onMark.mock.calls).toEqual([['m5', 'absent']])
    rerender(<RollList rows={roll} editable busyId="m5" onMark={onMark} />)
    fireEvent.click(screen.getAllByTestId('roll-mark-late')[3])
    expect(onMark).toHaveBeenCalledTimes(1)
  })

  test('read-only before the window opens: no chips', () => {
    render(<RollList rows={roll} editable={false} busyId={null} onMark={jest.fn()} />)
    expect(screen.queryAllByTestId('roll-mark-present')).toHaveLength(0)
    expect(screen.getAllByTestId('roll-row')).toHaveLength(5)
  })
})

describe('请假审批 list', () => {
  const items: LeaveItem[] = [
    {
      memberId: 'm4',
      name: '赵磊',
      reason: '带学生参加区运动会',
      status: 'pending',
      requestedAt: at('09:00'),
      decisionNote: null,
    },
    {
      memberId: 'm3',
      name: '王芳',
      reason: '外出培训',
      status: 'approved',
      requestedAt: at('08:00'),
      decisionNote: null,
    },
    {
      memberId: 'm6',
      name: '刘洋',
      reason: '家中有事',
      status: 'rejected',
      requestedAt: at('08:30'),
      decisionNote: '本次为民主评议，请调整安排',
    },
  ]

  test('pending requests with their reason and buttons; decided ones below with the decision', () => {
    const onApprove = jest.fn()
    const onReject = jest.fn()
    render(<LeaveList items={items} busyId={null} onApprove={onApprove} onReject={onReject} />)
    const pending = screen.getAllByTestId('leave-pending')
    expect(pending).toHaveLength(1)
    expect(pending[0].textContent).toContain('请假原因：带学生参加区运动会')
    expect(screen.getAllByTestId('leave-status').map((tag) => tag.textContent)).toEqual(['已批准', '未批准'])
    expect(screen.getByText('待审批（1）')).toBeTruthy()
    expect(screen.getByText('已审批（2）')).toBeTruthy()
    expect(screen.getByTestId('leave-decision-note').textContent).toBe('不批准原因：本次为民主评议，请调整安排')
    fireEvent.click(screen.getByTestId('leave-approve'))
    fireEvent.click(screen.getByTestId('leave-reject'))
    expect(onApprove).toHaveBeenCalledWith(items[0])
    expect(onReject).toHaveBeenCalledWith(items[0])
  })

  test('while one is being decided the buttons are disabled', () => {
    render(<LeaveList items={items} busyId="m4" onApprove={jest.fn()} onReject={jest.fn()} />)
    expect(screen.getByTestId('leave-approve').hasAttribute('disabled')).toBe(true)
    expect(screen.getByTestId('leave-reject').hasAttribute('disabled')).toBe(true)
  })

  test('nothing pending says so', () => {
    render(<LeaveList items={items.slice(1)} busyId={null} onApprove={jest.fn()} onReject={jest.fn()} />)
    expect(screen.getByText('没有待审批的请假申请')).toBeTruthy()
  })
})

describe('会议记录 form', () => {
  const props = {
    summary: minutesSummary({ counts, attendance: roll, guests: null }),
    text: '',
    photos: [
      { fileID: 'cloud://local.bucket/meetings/t_demo/mt_1/1-a.jpg', preview: 'blob:1' },
      { fileID: 'cloud://local.bucket/meetings/t_demo/mt_1/2-b.jpg', preview: null },
    ],
    uploading: false,
    saving: false,
    errors: NO_ERRORS,
    savedNote: null,
    onText: jest.fn(),
    onPickPhotos: jest.fn(),
    onRemovePhoto: jest.fn(),
    onSubmit: jest.fn(),
  }

  test('the summary line comes from the roll, word for word as the server writes it; the unmarked are 未签到', () => {
    render(<MinutesForm {...props} />)
    const expected = '应到5人，实到2人，迟到1人，请假1人（王芳），缺席0人，未签到2人'
    expect(screen.getByTestId('minutes-summary').textContent).toBe(expected)
    expect(summaryLine(counts, { leave: ['王芳'], absent: [] })).toBe(expected)
    // After marking closed, with guests: 缺席 with names, 列席.
    const closed = { ...counts, absent: 2, unmarked: 0 }
    const marked = roll.map((row) => (row.status ? row : { ...row, status: 'absent' as const }))
    const guests = [{ id: 'df1', name: '邵雨晴' }]
    const after = '应到5人，实到2人，迟到1人，请假1人（王芳），缺席2人（赵磊、陈晓东），列席1人'
    expect(minutesSummary({ counts: closed, attendance: marked, guests })).toBe(after)
    expect(summaryLine(closed, { leave: ['王芳'], absent: ['赵磊', '陈晓东'] }, 1)).toBe(after)
  })

  test('photos are listed with a count and can be removed', () => {
    render(<MinutesForm {...props} />)
    expect(screen.getAllByTestId('minutes-photo')).toHaveLength(2)
    expect(screen.getByText('会议照片（2/9）')).toBeTruthy()
    fireEvent.click(screen.getAllByText('×')[1])
    expect(props.onRemovePhoto).toHaveBeenCalledWith(props.photos[1].fileID)
  })

  test('fewer than 10 characters cannot be saved; 10 can', () => {
    const { rerender } = render(<MinutesForm {...props} text="传达会议精神" />)
    expect(screen.getByTestId('minutes-length').textContent).toBe('至少10字，还需 4 字')
    expect(screen.getByTestId('minutes-submit').hasAttribute('disabled')).toBe(true)
    rerender(<MinutesForm {...props} text="传达学习上级会议精神并讨论" />)
    expect(screen.getByTestId('minutes-length').textContent).toBe('已写 13 字')
    fireEvent.click(screen.getByTestId('minutes-submit'))
    expect(props.onSubmit).toHaveBeenCalled()
  })

  test('a field error shows beside the text, a general one below', () => {
    render(
      <MinutesForm
        {...props}
        text="传达学习上级会议精神并讨论"
        errors={{ fields: { text: '会议记录至少10个字' }, general: '照片不是您上传的，请重新上传' }}
      />,
    )
    expect(screen.getByTestId('minutes-text-error').textContent).toBe('会议记录至少10个字')
    expect(screen.getByTestId('minutes-error').textContent).toBe('照片不是您上传的，请重新上传')
  })
})

describe('三会一课 compliance card', () => {
  const item = (
    type: ComplianceItem['type'],
    frequency: ComplianceItem['frequency'],
    status: ComplianceItem['status'],
    extra: Partial<ComplianceItem> = {},
  ): ComplianceItem => ({
    type,
    frequency,
    atLeast: 1,
    period: '2026-05',
    groupId: null,
    groupName: null,
    status,
    held: 0,
    meetingIds: [],
    ...extra,
  })

  test('names what is still owed in each running period, in the verb of each type, and what waits for its record', () => {
    const items = [
      item('committee_meeting', 'month', 'held'),
      item('group_meeting', 'month', 'due', { groupId: 'g2', groupName: '高年级党小组' }),
      item('theme_day', 'month', 'planned'),
      item('general_meeting', 'quarter', 'due'),
      item('lecture', 'quarter', 'held_late'),
      item('study', 'half', 'due', { atLeast: 2, held: 0 }),
      item('study', 'month', 'awaiting_record'),
    ]
    render(<ComplianceCard items={items} />)
    expect(screen.getAllByTestId('compliance-owing').map((line) => line.textContent)).toEqual([
      '待补记录：组织集中学习（请尽快登记考勤、填写会议记录）',
      '本月还需：召开党小组会（高年级党小组）',
      '本季度还需：召开支部党员大会',
      '本半年还需：组织集中学习（还需2次）',
    ])
    expect(screen.getByText('已开展 2 项 · 已安排 1 项')).toBeTruthy()
    expect(owingLines([item('lecture', 'term', 'due')])).toEqual(['本学期还需：讲党课'])
  })

  test('nothing owed', () => {
    expect(owingLines([item('group_meeting', 'month', 'planned')])).toEqual([])
    render(<ComplianceCard items={[item('group_meeting', 'month', 'held')]} />)
    expect(screen.getByTestId('compliance-ok').textContent).toBe('规定会议均已开展或已安排')
  })
})

describe('会议 tab rows', () => {
  const meeting = (patch: Partial<MeetingSummary>): MeetingSummary => ({
    id: 'mt_1',
    branchId: 'b1',
    branchName: '实验小学党支部',
    type: 'group_meeting',
    title: '学习党章',
    startsAt: at('15:00'),
    endsAt: at('17:00'),
    place: '党员活动室',
    status: 'scheduled',
    seriesId: null,
    mine: null,
    myLeave: null,
    hasMinutes: false,
    alsoCounts: [],
    backfilled: false,
    record: 'upcoming',
    ...patch,
  })

  test('my attendance as a tag: 出席, 迟到, 缺席, a leave request, 已取消, or none', () => {
    const cases: [Partial<MeetingSummary>, string | null][] = [
      [{ mine: 'present' }, '出席'],
      [{ mine: 'late' }, '迟到'],
      [{ mine: 'absent' }, '缺席'],
      [{ mine: 'leave', myLeave: 'approved' }, '请假'],
      [{ myLeave: 'pending' }, '请假审批中'],
      [{ status: 'cancelled', mine: null }, '已取消'],
      [{}, null],
    ]
    for (const [patch, tag] of cases) {
      const { unmount } = render(<MeetingRow meeting={meeting(patch)} onOpen={jest.fn()} />)
      expect(screen.queryByTestId('meeting-mine')?.textContent ?? null).toBe(tag)
      unmount()
    }
  })

  test('the row shows type, title, time and place, and opens the meeting', () => {
    const onOpen = jest.fn()
    render(<MeetingRow meeting={meeting({ hasMinutes: true })} onOpen={onOpen} />)
    const row = screen.getByTestId('meeting-row')
    expect(row.textContent).toContain('【党小组会】学习党章')
    expect(row.textContent).toContain('5月12日 15:00 · 党员活动室 · 已有记录')
    fireEvent.click(row)
    expect(onOpen).toHaveBeenCalledWith('mt_1')
  })
})

describe('记录本 and 群机器人', () => {
  test('record book entries in order with their record; a roll only once begun, 未签到 not 缺席 before marking closes', () => {
    const entry = (id: string, startsAt: number, patch: Partial<RecordBookEntry> = {}): RecordBookEntry => ({
      id,
      type: 'committee_meeting',
      alsoCounts: [],
      title: `支委会${id}`,
      startsAt,
      place: '会议室',
      status: 'scheduled',
      record: 'held',
      backfilled: false,
      counts,
      minutes: null,
      ...patch,
    })
    render(
      <RecordBookEntries
        entries={[
          entry('1', at('09:00'), { minutes: '研究发展党员工作', backfilled: true }),
          entry('2', at('14:00'), { record: 'running' }),
          entry('3', at('18:00'), { record: 'upcoming' }),
        ]}
      />,
    )
    const rows = screen.getAllByTestId('record-entry')
    expect(rows[0].textContent).toContain('1. 【支委会】支委会1')
    expect(screen.getAllByTestId('record-entry-state').map((state) => state.textContent)).toEqual([
      '已开展·补录',
      '进行中',
      '未开始',
    ])
    expect(rows[0].textContent).toContain('研究发展党员工作')
    expect(screen.getAllByTestId('record-counts').map((line) => line.textContent)).toEqual([
      '应到5人，实到2人，请假1人，缺席0人，未签到2人',
      '应到5人，实到2人，请假1人，缺席0人，未签到2人',
    ])
  })

  test('the robot form shows the URL masked and a webhook error', () => {
    render(
      <RobotForm
        maskedUrl="https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=ab****yz"
        setAt={at('10:00')}
        url="https://example.com/hook"
        error="请填写企业微信群机器人的 Webhook 地址"
        saving={false}
        onUrl={jest.fn()}
        onSave={jest.fn()}
        onClear={jest.fn()}
      />,
    )
    expect(screen.getByTestId('robot-current').textContent).toContain('ab****yz')
    expect(screen.getByTestId('robot-error').textContent).toContain('Webhook')
    expect(screen.getByTestId('robot-clear')).toBeTruthy()
  })
})
