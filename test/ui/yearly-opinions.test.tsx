// 群众意见 on the secretary's 组织生活会 page: the opinions list marks those from the public 群众 (and names
// only who signed); the secretary writes one down, confirms, and it is sent anonymous and from the public,
// once (a retry keeps its requestId); cancelling sends nothing.
import { act, fireEvent, render, screen } from '@testing-library/react'
import { call } from '../../src/services/call'
import { OpinionList, PublicOpinionForm } from '../../src/subpackages/yearly-cycle/components/opinions'
import OrgLifePage from '../../src/subpackages/yearly-cycle/pages/org-life/index'
import { calls, resetTaroStub, setRouterParams } from './taro-stub'

jest.mock('../../src/services/call', () => ({ call: jest.fn() }))
// The page's 情况报告 takes files; nothing is picked or uploaded here.
jest.mock(
  '../../src/services/cloud-files',
  () => ({ pickDocument: jest.fn(), pickPhotos: jest.fn(), uploadToCloud: jest.fn(), openDocumentToRead: jest.fn() }),
  { virtual: true },
)
const mockedCall = call as unknown as jest.Mock

const OPINION = '家长希望学校加强课后服务，党员教师带头参与'
const type = (value: string) =>
  act(() => {
    fireEvent.change(screen.getByTestId('org-life-public-opinion-text'), { target: { value } })
  })

beforeEach(() => {
  mockedCall.mockReset()
  mockedCall.mockResolvedValue({ ok: true, data: { id: 'x' } })
  resetTaroStub()
})

test('the list marks opinions from the public 群众, names those who signed, and says 匿名 otherwise', () => {
  render(
    <OpinionList
      list={{
        total: 3,
        page: 1,
        items: [
          { id: 'o1', source: 'public', author: null, text: OPINION, day: '2026-11-18' },
          { id: 'o2', source: 'member', author: '李秀英', text: '支部活动要更贴近教学', day: '2026-11-17' },
          { id: 'o3', source: 'member', author: null, text: '希望多组织志愿服务', day: '2026-11-16' },
        ],
      }}
    />,
  )
  const [fromPublic, signed, anonymous] = screen.getAllByTestId('org-life-opinion-item')
  expect(fromPublic.querySelector('.tag')?.textContent).toBe('群众')
  expect(fromPublic.textContent).toContain('群众意见（匿名）')
  expect(signed.querySelector('.tag')).toBeNull()
  expect(signed.textContent).toContain('李秀英')
  expect(anonymous.textContent).toContain('匿名')
  expect(screen.getByTestId('org-life-opinions').textContent).toContain('征求到的意见（3条）')
})

test('the secretary records a public opinion after confirming: anonymous, from the public, then the list reloads', async () => {
  const onRecorded = jest.fn()
  render(<PublicOpinionForm orgLifeId="org_b_shiyan:2026" onRecorded={onRecorded} />)
  const record = screen.getByTestId('org-life-public-opinion-record')
  expect(record.hasAttribute('disabled')).toBe(true)
  type(OPINION)
  fireEvent.click(record)
  expect(screen.getByTestId('confirm-dialog').textContent).toContain(OPINION)
  expect(screen.getByTestId('confirm-dialog').textContent).toContain('匿名记录')
  expect(mockedCall).not.toHaveBeenCalled()
  await act(async () => fireEvent.click(screen.getByTestId('confirm-dialog-confirm')))
  expect(mockedCall).toHaveBeenCalledTimes(1)
  expect(mockedCall).toHaveBeenCalledWith('yearly-cycle', 'submitOpinion', {
    requestId: expect.any(String),
    orgLifeId: 'org_b_shiyan:2026',
    text: OPINION,
    anonymous: true,
    fromPublic: true,
  })
  expect(onRecorded).toHaveBeenCalledTimes(1)
  expect((screen.getByTestId('org-life-public-opinion-text') as HTMLTextAreaElement).value).toBe('')
  expect(calls).toContainEqual({ api: 'showToast', options: expect.objectContaining({ title: '群众意见已记录' }) })
})

test('cancelling the confirmation records nothing and keeps what was written', () => {
  render(<PublicOpinionForm orgLifeId="org_b_shiyan:2026" onRecorded={jest.fn()} />)
  type(OPINION)
  fireEvent.click(screen.getByTestId('org-life-public-opinion-record'))
  fireEvent.click(screen.getByTestId('confirm-dialog-cancel'))
  expect(screen.queryByTestId('confirm-dialog')).toBeNull()
  expect(mockedCall).not.toHaveBeenCalled()
  expect((screen.getByTestId('org-life-public-opinion-text') as HTMLTextAreaElement).value).toBe(OPINION)
})

test('a refusal (征求意见 closed meanwhile) is said on the form and the text is kept', async () => {
  mockedCall.mockResolvedValue({
    ok: false,
    error: { code: 'ORG_LIFE.OPINIONS_CLOSED', message: '征求意见已结束' },
  })
  const onRecorded = jest.fn()
  render(<PublicOpinionForm orgLifeId="org_b_shiyan:2026" onRecorded={onRecorded} />)
  type(OPINION)
  fireEvent.click(screen.getByTestId('org-life-public-opinion-record'))
  await act(async () => fireEvent.click(screen.getByTestId('confirm-dialog-confirm')))
  expect(screen.getByTestId('org-life-public-opinion').textContent).toContain('征求意见已结束')
  expect(onRecorded).not.toHaveBeenCalled()
  expect((screen.getByTestId('org-life-public-opinion-text') as HTMLTextAreaElement).value).toBe(OPINION)
})

describe('on the 组织生活会 page', () => {
  const progress = (mayManage: boolean, opinions: 'in_progress' | 'done') => ({
    branchName: '实验小学党支部',
    orgLifeId: 'org_b_shiyan:2026',
    theme: '学习贯彻党的创新理论',
    bureauTheme: null,
    meetingId: null,
    report: null,
    progress: { steps: [{ step: 'opinions', status: opinions, done: 0, of: 0 }], done: 0, of: 1, current: null },
    mayManage,
  })
  const serve = (reply: unknown) =>
    mockedCall.mockImplementation((_fn: string, action: string) =>
      Promise.resolve({
        ok: true,
        data:
          action === 'orgLifeProgress'
            ? reply
            : action === 'listOpinions'
              ? { items: [], total: 0, page: 1 }
              : { items: [] },
      }),
    )

  test.each([
    ['the secretary while 征求意见 is open', true, true, 'in_progress'],
    ['the secretary once 征求意见 has closed', false, true, 'done'],
    ['a committee member who only follows the branch', false, false, 'in_progress'],
  ] as const)('%s: 记录群众意见 shown = %s', async (_who, shown, mayManage, opinions) => {
    setRouterParams({ branchId: 'org_b_shiyan' })
    serve(progress(mayManage, opinions))
    render(<OrgLifePage />)
    await screen.findByTestId('org-life-opinions')
    expect(screen.queryByTestId('org-life-public-opinion') !== null).toBe(shown)
  })
})
