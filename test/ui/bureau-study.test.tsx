// 学习参与 (bureau): tasks newest first with their figures, paged; a task opens its rows by branch, and a
// branch row opens the study subpackage's who-has-studied page for that task and branch.
import { act, fireEvent, render, screen } from '@testing-library/react'
import { call } from '../../src/services/call'
import StudyPage from '../../src/subpackages/bureau/pages/study/index'
import type { StudyTaskRow } from '../../types/bureau'
import { calls, resetTaroStub } from './taro-stub'

jest.mock('../../src/services/call', () => ({ call: jest.fn() }))
// The export button's download goes through the platform file service, which the page test does not need.
jest.mock('../../src/subpackages/bureau/lib/download', () => ({
  useBureauExport: () => ({ submit: jest.fn(), busy: false }),
}))
const mockedCall = call as unknown as jest.Mock

const task = (n: number): StudyTaskRow => ({
  taskId: `st_${n}`,
  title: `专题学习第${n}讲`,
  startsOn: '2026-04-01',
  dueOn: '2026-04-30',
  branches: 2,
  targeted: 40,
  checkedIn: n,
})

beforeEach(() => {
  mockedCall.mockReset()
  resetTaroStub()
  mockedCall.mockImplementation((_fn: string, action: string, data: { page?: number; taskId?: string }) => {
    if (action === 'studyTasks') {
      const page = data.page ?? 1
      const all = Array.from({ length: 25 }, (_, i) => task(25 - i))
      return Promise.resolve({ ok: true, data: { items: all.slice((page - 1) * 20, page * 20), total: 25, page } })
    }
    if (action === 'studyByBranch')
      return Promise.resolve({
        ok: true,
        data: {
          task: task(25),
          branches: [
            { branchId: 'org_b_shiyan', branchName: '实验小学党支部', targeted: 30, checkedIn: 15, rate: 0.5 },
            { branchId: 'org_b_cg', branchName: '城关小学党支部', targeted: 10, checkedIn: 10, rate: 1 },
          ],
        },
      })
    throw new Error(`unexpected ${action}`)
  })
})

test('pages through tasks newest first, each with check-ins of targeted members', async () => {
  render(<StudyPage />)
  expect((await screen.findByTestId('task-rate-st_25')).textContent).toBe('25/40（62.5%）')
  expect(screen.getByTestId('study-pager').textContent).toContain('第 1 / 2 页，共 25 项')
  await act(async () => {
    fireEvent.click(screen.getByText('下一页'))
  })
  expect(await screen.findByTestId('task-st_5')).toBeTruthy()
  expect(screen.queryByTestId('task-st_25')).toBeNull()
  expect(mockedCall).toHaveBeenLastCalledWith('bureau', 'studyTasks', { page: 2, pageSize: 20 })
})

test('a task opens its branches; a branch opens who has and has not studied there', async () => {
  render(<StudyPage />)
  const first = await screen.findByTestId('task-st_25')
  await act(async () => {
    fireEvent.click(first)
  })
  const row = await screen.findByTestId('study-branch-org_b_shiyan')
  expect(row.textContent).toContain('实验小学党支部')
  expect(row.textContent).toContain('15/30（50%）')
  act(() => {
    fireEvent.click(row)
  })
  expect(calls).toEqual([
    {
      api: 'navigateTo',
      options: { url: '/subpackages/study/pages/participation/index?taskId=st_25&branchId=org_b_shiyan' },
    },
  ])
})
