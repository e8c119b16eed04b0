// 数据校对 (bureau): the points check calls reconcile again from each returned cursor until done, with
// progress and the running count of repairs; 停止 stops after the current call and 继续 goes on from
// its cursor; a failure shows its message and 重试 resumes where it stopped; the digest rebuild says what it did.
import { act, fireEvent, render, screen } from '@testing-library/react'
import { call } from '../../src/services/call'
import { DigestRebuild, PointsCheck } from '../../src/subpackages/bureau/components/data-checks'

jest.mock('../../src/services/call', () => ({ call: jest.fn() }))
const mockedCall = call as unknown as jest.Mock

const step = (n: number, of: number, driftCount: number, done = false) => ({
  ok: true,
  data: {
    entries: 100,
    totals: 50,
    drift: Array.from({ length: driftCount }, (_, i) => ({ id: `t:m:m_${n}_${i}:all`, was: 1, is: 2 })),
    driftCount,
    done,
    cursor: done ? null : `m:${n}`,
    progress: { phase: done ? 'done' : 'members', done: n, of },
  },
})

beforeEach(() => mockedCall.mockReset())

async function start() {
  render(<PointsCheck />)
  fireEvent.click(screen.getByTestId('check-start'))
  await act(async () => {
    fireEvent.click(screen.getByText('开始'))
  })
}

test('runs from cursor to cursor until done, adding up what it repaired', async () => {
  mockedCall
    .mockResolvedValueOnce(step(1, 3, 2))
    .mockResolvedValueOnce(step(2, 3, 0))
    .mockResolvedValueOnce(step(3, 3, 1, true))
  await start()
  expect(mockedCall.mock.calls.map((c) => c[2])).toEqual([{ cursor: null }, { cursor: 'm:1' }, { cursor: 'm:2' }])
  expect(screen.getByTestId('check-result').textContent).toBe('校对完成：修正 3 项')
  expect(screen.getByTestId('check-progress').textContent).toContain('已校对全部 3 项')
  expect(screen.getByTestId('check-drift').textContent).toContain('1 → 2')
  expect(screen.getByTestId('check-start').textContent).toBe('重新校对')
})

test('a clean run says no drift was found', async () => {
  mockedCall.mockResolvedValueOnce(step(1, 1, 0, true))
  await start()
  expect(screen.getByTestId('check-result').textContent).toBe('校对完成，未发现偏差')
})

test('停止 stops after the current call; 继续 goes on from its cursor', async () => {
  let release: (value: unknown) => void = () => undefined
  mockedCall.mockImplementationOnce(() => new Promise((resolve) => (release = resolve)))
  await start()
  expect(screen.getByTestId('check-stop')).toBeTruthy()
  fireEvent.click(screen.getByTestId('check-stop'))
  await act(async () => release(step(1, 4, 1)))
  expect(mockedCall).toHaveBeenCalledTimes(1)
  expect(screen.getByTestId('check-result').textContent).toBe('已停止，已修正 1 项')
  expect(screen.getByTestId('check-progress').textContent).toContain('党员合计：已校对 1 / 4')
  mockedCall.mockResolvedValueOnce(step(4, 4, 0, true))
  await act(async () => {
    fireEvent.click(screen.getByTestId('check-resume'))
  })
  expect(mockedCall).toHaveBeenLastCalledWith('points', 'reconcile', { cursor: 'm:1' })
  expect(screen.getByTestId('check-result').textContent).toBe('校对完成：修正 1 项')
})

test('a failed call shows why; 重试 resumes from the last cursor', async () => {
  mockedCall
    .mockResolvedValueOnce(step(1, 2, 0))
    .mockResolvedValueOnce({ ok: false, error: { code: 'SYSTEM.UNAVAILABLE', message: '网络不可用，请稍后重试' } })
  await start()
  expect(screen.getByTestId('check-error').textContent).toBe('网络不可用，请稍后重试')
  mockedCall.mockResolvedValueOnce(step(2, 2, 0, true))
  await act(async () => {
    fireEvent.click(screen.getByTestId('check-resume'))
  })
  expect(mockedCall).toHaveBeenLastCalledWith('points', 'reconcile', { cursor: 'm:1' })
  expect(screen.queryByTestId('check-error')).toBeNull()
  expect(screen.getByTestId('check-result').textContent).toBe('校对完成，未发现偏差')
})

test('the digest rebuild of a year goes on from each cursor and says what changed, month by month', async () => {
  const records = (held: number, awaiting: number, missing: number) => ({
    upcoming: 0,
    running: 0,
    awaiting_record: awaiting,
    held,
    no_quorum: 0,
    missing,
    cancelled: 0,
  })
  const states = {
    held: 0,
    late: 0,
    awaiting: 0,
    no_quorum: 0,
    missing: 0,
    not_required: 0,
    open: 0,
    future: 0,
    none: 0,
  }
  mockedCall
    .mockResolvedValueOnce({
      ok: true,
      data: {
        year: 2026,
        done: false,
        cursor: 4,
        progress: { done: 4, of: 6 },
        branches: 4,
        meetings: 100,
        drifted: 2,
        records: records(90, 2, 8),
        changes: [
          { branchId: 'b1', branchName: '城关小学党支部', period: '2026-10', before: 'held', after: 'missing' },
        ],
        changed: 1,
        states,
      },
    })
    .mockResolvedValueOnce({
      ok: true,
      data: {
        year: 2026,
        done: true,
        cursor: 6,
        progress: { done: 6, of: 6 },
        branches: 2,
        meetings: 48,
        drifted: 0,
        records: records(48, 0, 0),
        changes: [],
        changed: 0,
        states,
      },
    })
  render(<DigestRebuild thisYear={2026} />)
  await act(async () => {
    fireEvent.click(screen.getByTestId('digest-start'))
  })
  expect(mockedCall.mock.calls).toEqual([
    ['meetings', 'rebuildDigests', { year: 2026, cursor: 0 }],
    ['meetings', 'rebuildDigests', { year: 2026, cursor: 4 }],
  ])
  expect(screen.getByTestId('digest-result').textContent).toBe(
    '2026年：6 个支部、148 次会议（已开展 138、待补记录 2、未开展 8），修正摘要 2 项，1 个月份的状态随之改变',
  )
  expect(screen.getByTestId('digest-changes').textContent).toContain('城关小学党支部 2026-10已开展 → 未开展')
})
