// 转发到群 and 提醒未到 on a meeting, as the H5 build draws them (the card as the group would see it), and the
// 群里提醒 page's 发送测试消息 / 立即提醒 with what the server answered.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { createRef } from 'react'
import { call } from '../../src/services/call'
import { RobotActions } from '../../src/subpackages/meetings/components/robot-actions'
import { ShareCardPanel, type ShareRef } from '../../src/subpackages/meetings/components/share-card-panel'
import { missingCardView, shareCardView, stillMissing } from '../../src/subpackages/meetings/lib/share-card'
import type { AttendanceCounts, MeetingDetail } from '../../types/meetings'
import { resetTaroStub } from './taro-stub'

jest.mock('../../src/services/call', () => ({ call: jest.fn() }))
const mockedCall = call as unknown as jest.Mock

const at = (hhmm: string) => new Date(`2026-05-12T${hhmm}:00+08:00`).getTime()
const counts: AttendanceCounts = { expected: 20, present: 10, late: 2, leave: 2, absent: 0, unmarked: 6 }
const row = (name: string, status: 'present' | null, leave: 'pending' | 'approved' | null = null) => ({
  memberId: name,
  name,
  status,
  at: null,
  leave,
})
const meeting = {
  id: 'mt_1',
  type: 'group_meeting',
  title: '党小组会：学习新修订的纪律处分条例',
  startsAt: at('15:00'),
  endsAt: at('17:00'),
  attendance: [row('宋敏', 'present'), row('李强', null), row('王芳', null, 'approved'), row('赵磊', null, 'pending')],
} as unknown as MeetingDetail

beforeEach(() => {
  mockedCall.mockReset()
  resetTaroStub()
})

describe('the card’s words', () => {
  test('转发到群 says who has checked in of those expected, and who is on leave', () => {
    expect(shareCardView(meeting, counts)).toEqual({
      title: '【党小组会】学习新修订的纪律处分条例｜已签到 12/20，请假 2',
      parameterList: [
        { name: 'member_count', value: '12' },
        { name: 'room_limit', value: '20' },
      ],
    })
  })
  test('提醒未到 names those neither checked in nor on leave, five at most', () => {
    expect(stillMissing(meeting)).toEqual(['李强'])
    const many = ['一', '二', '三', '四', '五', '六', '七'].map((n) => `党员${n}`)
    expect(missingCardView(meeting, counts, many).title).toBe(
      '【党小组会】学习新修订的纪律处分条例｜尚未签到：党员一、党员二、党员三、党员四、党员五等7人',
    )
  })
})

describe('转发到群 on H5', () => {
  test('shows the card as the group would see it, with the figures the server counted', async () => {
    mockedCall.mockImplementation((_fn: string, action: string) => {
      if (action === 'shareCard')
        return Promise.resolve({ ok: true, data: { activityId: 'act_1', expiresAt: at('23:00'), counts } })
      throw new Error(`unexpected ${action}`)
    })
    const share = createRef() as ShareRef
    render(<ShareCardPanel meeting={meeting} share={share} now={at('10:00')} />)
    // Before the start there is nobody to call missing yet.
    expect(screen.queryByTestId('meeting-share-missing')).toBeNull()
    await act(async () => {
      fireEvent.click(screen.getByTestId('meeting-share-card'))
    })
    await screen.findByTestId('share-card-preview')
    expect(screen.getByTestId('share-card-title').textContent).toBe(
      '【党小组会】学习新修订的纪律处分条例｜已签到 12/20，请假 2',
    )
    expect(screen.getByTestId('share-card-figures').textContent).toBe('已签到 12 / 应到 20（随签到自动更新）')
    expect(share.current?.title).toContain('已签到 12/20')
  })

  test('after the start, 提醒未到 reminds first, then shows the card naming who is missing now', async () => {
    const later = { ...meeting, attendance: [...(meeting.attendance ?? []).slice(0, 3), row('赵磊', null)] }
    mockedCall.mockImplementation((_fn: string, action: string) => {
      if (action === 'remindAbsent')
        return Promise.resolve({ ok: true, data: { reminded: 2, subscribeSent: 1, robotQueued: true } })
      if (action === 'shareCard')
        return Promise.resolve({ ok: true, data: { activityId: 'act_1', expiresAt: at('23:00'), counts } })
      if (action === 'get') return Promise.resolve({ ok: true, data: later })
      throw new Error(`unexpected ${action}`)
    })
    const share = createRef() as ShareRef
    render(<ShareCardPanel meeting={meeting} share={share} now={at('15:10')} />)
    await act(async () => {
      fireEvent.click(screen.getByTestId('meeting-share-missing'))
    })
    await waitFor(() =>
      expect(screen.getByTestId('share-card-title').textContent).toBe(
        '【党小组会】学习新修订的纪律处分条例｜尚未签到：李强、赵磊',
      ),
    )
    expect(mockedCall.mock.calls.map(([, action]) => action)).toEqual(['remindAbsent', 'shareCard', 'get'])
  })
})

describe('群里提醒: 发送测试消息 and 立即提醒', () => {
  test('say when the message went out, or why it did not', async () => {
    mockedCall.mockImplementation((_fn: string, action: string) => {
      if (action === 'testRobot') return Promise.resolve({ ok: true, data: { sentAt: at('10:05') } })
      if (action === 'remindNow')
        return Promise.resolve({
          ok: false,
          error: { code: 'MEETING.NONE_UPCOMING', message: '本支部近期没有待召开的会议' },
        })
      throw new Error(`unexpected ${action}`)
    })
    render(<RobotActions branchId="org_b_shiyan" />)
    await act(async () => {
      fireEvent.click(screen.getByTestId('robot-test'))
    })
    expect((await screen.findByTestId('robot-said')).textContent).toBe(
      '测试消息已于 10:05 发到群里，请到企业微信群查看',
    )
    await act(async () => {
      fireEvent.click(screen.getByTestId('robot-remind-now'))
    })
    expect((await screen.findByTestId('robot-action-error')).textContent).toBe('本支部近期没有待召开的会议')
    expect(screen.queryByTestId('robot-said')).toBeNull()
  })
})
