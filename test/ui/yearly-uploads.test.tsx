// The yearly cycle's files on the pages that take them: a member uploads a 对照检查 document or photos into
// their own folder yearly/<tenant>/<member>/ (the only one the server accepts), sees what is attached,
// removes one before saving, and saves the ids; a saved file opens from its temporary link (a document in
// the viewer, a photo in the image viewer); 整改销号 carries its evidence photos; the 述职报告 its attachment.

import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { call } from '../../src/services/call'
import { openDocumentToRead, pickDocument, pickPhotos, uploadToCloud } from '../../src/services/cloud-files'
import OrgLifePage from '../../src/subpackages/yearly-cycle/pages/org-life/index'
import MyOrgLifePage from '../../src/subpackages/yearly-cycle/pages/org-life-mine/index'
import RectifyPage from '../../src/subpackages/yearly-cycle/pages/rectify/index'
import ReportPage from '../../src/subpackages/yearly-cycle/pages/report/index'
import { meOf } from '../fixtures/me'
import { calls, resetTaroStub, setRouterParams } from './taro-stub'

jest.mock('../../src/services/call', () => ({ call: jest.fn() }))
jest.mock(
  '../../src/services/cloud-files',
  () => ({ pickDocument: jest.fn(), pickPhotos: jest.fn(), uploadToCloud: jest.fn(), openDocumentToRead: jest.fn() }),
  { virtual: true },
)
const mockedCall = call as unknown as jest.Mock
const picked = { document: pickDocument as jest.Mock, photos: pickPhotos as jest.Mock }
const upload = uploadToCloud as jest.Mock
const openDocument = openDocumentToRead as jest.Mock

const OWN_FOLDER = /^yearly\/t_demo\/m_shiyan_06\/\d+-[a-z0-9]+\./
const SAVED_PDF = 'cloud://env.bucket/yearly/t_demo/m_shiyan_06/1-saved.pdf'
const SAVED_LINK = 'http://127.0.0.1:8787/cos/yearly/t_demo/m_shiyan_06/1-saved.pdf?sign=s'
const me = meOf()

const sent: { action: string; data: Record<string, unknown> }[] = []
function serve(replies: Record<string, unknown>) {
  mockedCall.mockImplementation((_fn: string, action: string, data: Record<string, unknown>) => {
    sent.push({ action, data })
    if (!(action in replies)) throw new Error(`unexpected call ${action}`)
    return Promise.resolve({ ok: true, data: replies[action] })
  })
}
const writes = (action: string) => sent.filter((s) => s.action === action).map((s) => s.data)
const type = (testId: string, value: string) =>
  act(() => {
    fireEvent.change(screen.getByTestId(testId), { target: { value } })
  })

beforeEach(() => {
  sent.length = 0
  mockedCall.mockReset()
  for (const mock of [picked.document, picked.photos, upload, openDocument]) mock.mockReset()
  upload.mockImplementation((cloudPath: string) =>
    Promise.resolve({ ok: true, data: { fileID: `cloud://env.bucket/${cloudPath}` } }),
  )
  openDocument.mockResolvedValue({ ok: true, data: null })
  resetTaroStub()
})

const orgLife = (files: { fileId: string; url: string | null }[]) => ({
  orgLife: {
    id: 'org_b_shiyan:2026',
    theme: '学习贯彻党的创新理论',
    guidance: '',
    opinionsOpen: false,
    meetingHeld: false,
    takesPart: true,
    selfExamination: files.length > 0 ? { text: '', files, submittedAt: 1 } : null,
  },
})

describe('对照检查 with an uploaded document', () => {
  test('a picked document goes to the member’s own folder, is listed, and its id is saved with the text', async () => {
    serve({ myOrgLife: orgLife([]), me, submitSelfExamination: { submittedAt: 2 } })
    picked.document.mockResolvedValue({ name: '我的对照检查.docx', size: 2048, source: '/tmp/a.docx' })
    render(<MyOrgLifePage />)
    const button = await screen.findByTestId('org-life-self-exam-files-document')
    await waitFor(() => expect(button.hasAttribute('disabled')).toBe(false))
    await act(async () => fireEvent.click(button))
    expect(upload).toHaveBeenCalledTimes(1)
    const [path] = upload.mock.calls[0]
    expect(path).toMatch(OWN_FOLDER)
    expect(path).toMatch(/\.docx$/)
    const row = screen.getByTestId('org-life-self-exam-files-file')
    expect(row.textContent).toContain('我的对照检查.docx')
    expect(row.textContent).toContain('保存后生效')
    expect(screen.getByTestId('org-life-self-exam-files-count').textContent).toBe('已添加 1 个文件')
    await act(async () => fireEvent.click(screen.getByText('提交对照检查')))
    expect(writes('submitSelfExamination')).toEqual([
      { orgLifeId: 'org_b_shiyan:2026', text: '', fileIds: [`cloud://env.bucket/${path}`] },
    ])
  })

  test('a saved document opens from its link; removed before saving, it is no longer sent', async () => {
    serve({
      myOrgLife: orgLife([{ fileId: SAVED_PDF, url: SAVED_LINK }]),
      me,
      submitSelfExamination: { submittedAt: 2 },
    })
    render(<MyOrgLifePage />)
    const open = await screen.findByTestId('org-life-self-exam-files-file-open')
    expect(open.textContent).toBe('附件1（PDF）')
    await act(async () => fireEvent.click(open))
    expect(openDocument).toHaveBeenCalledWith(SAVED_LINK, 'pdf')
    fireEvent.click(screen.getByTestId('org-life-self-exam-files-file-remove'))
    expect(screen.queryByTestId('org-life-self-exam-files-file')).toBeNull()
    type('org-life-self-exam-text', '对照党章党规，查找了理论学习不够系统等问题。'.repeat(3))
    await act(async () => fireEvent.click(screen.getByText('修改对照检查')))
    expect(writes('submitSelfExamination')[0]).toMatchObject({ fileIds: [] })
  })

  test('photos that fail to upload are said and left out; the ones that uploaded stay', async () => {
    serve({ myOrgLife: orgLife([]), me })
    picked.photos.mockResolvedValue([
      { name: 'photo-1.jpg', size: 1, source: '/tmp/1.jpg' },
      { name: 'photo-2.jpg', size: 1, source: '/tmp/2.jpg' },
    ])
    upload
      .mockImplementationOnce((cloudPath: string) =>
        Promise.resolve({ ok: true, data: { fileID: `cloud://e/${cloudPath}` } }),
      )
      .mockImplementationOnce(() =>
        Promise.resolve({ ok: false, error: { code: 'SYSTEM.UPLOAD_FAILED', message: '' } }),
      )
    render(<MyOrgLifePage />)
    const button = await screen.findByTestId('org-life-self-exam-files-photo')
    await waitFor(() => expect(button.hasAttribute('disabled')).toBe(false))
    await act(async () => fireEvent.click(button))
    expect(picked.photos).toHaveBeenCalledWith(9)
    expect(screen.getAllByTestId('org-life-self-exam-files-file')).toHaveLength(1)
    expect(screen.getByTestId('org-life-self-exam-files-error').textContent).toBe('部分文件上传失败，请重试')
  })
})

describe('整改销号 with evidence photos', () => {
  const item = {
    id: 'rect_1',
    problem: '联系服务学生家长不够主动',
    measure: '每学期家访不少于十次',
    ownerId: 'm_shiyan_06',
    ownerName: '赵敏',
    dueOn: '2026-12-31',
    status: 'open',
    overdue: false,
    closedOn: null,
    evidence: null,
    mayClose: true,
  }

  test('the photo uploaded in the dialog is sent with the evidence text', async () => {
    setRouterParams({ orgLifeId: 'org_b_shiyan:2026' })
    serve({ listRectifications: { items: [item], mayAdd: false, meetingHeld: true }, me, closeRectification: {} })
    picked.photos.mockResolvedValue([{ name: 'photo-1.jpg', size: 1, source: '/tmp/1.jpg' }])
    render(<RectifyPage />)
    const close = await screen.findByText('销号')
    await act(async () => fireEvent.click(close))
    const button = screen.getByTestId('rectify-evidence-photo')
    await waitFor(() => expect(button.hasAttribute('disabled')).toBe(false))
    await act(async () => fireEvent.click(button))
    const [path] = upload.mock.calls[0]
    expect(path).toMatch(OWN_FOLDER)
    type('confirm-dialog-reason', '本学期已家访十二次')
    await act(async () => fireEvent.click(screen.getByTestId('confirm-dialog-confirm')))
    expect(writes('closeRectification')).toEqual([
      expect.objectContaining({
        rectificationId: 'rect_1',
        evidence: '本学期已家访十二次',
        fileIds: [`cloud://env.bucket/${path}`],
      }),
    ])
  })

  test('a closed item’s evidence photo opens in the image viewer', async () => {
    setRouterParams({ orgLifeId: 'org_b_shiyan:2026' })
    const photo = 'cloud://env.bucket/yearly/t_demo/m_shiyan_06/2-e.jpg'
    const link = 'http://127.0.0.1:8787/cos/2-e.jpg?sign=s'
    const closed = {
      ...item,
      status: 'closed',
      mayClose: false,
      evidence: { text: '已家访', files: [{ fileId: photo, url: link }] },
    }
    serve({ listRectifications: { items: [closed], mayAdd: false, meetingHeld: true } })
    render(<RectifyPage />)
    const open = await screen.findByTestId('rectify-evidence-file-open')
    expect(open.textContent).toBe('附件1（照片）')
    expect(screen.queryByTestId('rectify-evidence-file-remove')).toBeNull()
    await act(async () => fireEvent.click(open))
    expect(calls).toContainEqual({ api: 'previewImage', options: { urls: [link], current: link } })
  })
})

test('述职报告: the attachment uploaded on the form is submitted with the report', async () => {
  serve({
    myReport: {
      round: { id: 'rr_2026_t_demo', year: 2026, deadline: 2e12, membersRate: false, status: 'open' },
      branch: { id: 'org_b_shiyan', name: '实验小学党支部' },
      report: null,
      mayWrite: true,
      mayRate: false,
      rated: false,
    },
    me: { ...me, memberId: 'm_shiyan_01' },
    submitSecretaryReport: { late: false },
  })
  picked.document.mockResolvedValue({ name: '述职报告.pdf', size: 1, source: '/tmp/r.pdf' })
  render(<ReportPage />)
  const button = await screen.findByTestId('report-form-files-document')
  await waitFor(() => expect(button.hasAttribute('disabled')).toBe(false))
  await act(async () => fireEvent.click(button))
  const [path] = upload.mock.calls[0]
  expect(path).toMatch(/^yearly\/t_demo\/m_shiyan_01\/\d+-[a-z0-9]+\.pdf$/)
  type('report-form-text', '支部坚持以党建引领学校发展。'.repeat(20))
  type('report-form-problems', '理论学习不够系统')
  await act(async () => fireEvent.click(screen.getByTestId('report-form-submit')))
  expect(writes('submitSecretaryReport')).toEqual([
    expect.objectContaining({ fileIds: [`cloud://env.bucket/${path}`], problems: ['理论学习不够系统'] }),
  ])
})

test('情况报告: the document uploaded on the secretary’s 组织生活会 page is sent with the report', async () => {
  setRouterParams({ branchId: 'org_b_shiyan' })
  serve({
    orgLifeProgress: {
      branchId: 'org_b_shiyan',
      branchName: '实验小学党支部',
      year: 2026,
      orgLifeId: 'org_b_shiyan:2026',
      theme: '学习贯彻党的创新理论',
      bureauTheme: null,
      meetingId: 'mt_1',
      report: null,
      progress: { steps: [{ step: 'meeting', status: 'done', done: 1, of: 1 }], done: 1, of: 1, current: null },
      mayManage: true,
    },
    listOpinions: { items: [], total: 0, page: 1 },
    listBranch: { items: [] },
    me: { ...me, memberId: 'm_shiyan_01' },
    submitOrgLifeReport: { at: 1 },
  })
  picked.document.mockResolvedValue({ name: '情况报告.pdf', size: 1, source: '/tmp/q.pdf' })
  render(<OrgLifePage />)
  const button = await screen.findByTestId('org-life-report-files-document')
  await waitFor(() => expect(button.hasAttribute('disabled')).toBe(false))
  await act(async () => fireEvent.click(button))
  const [path] = upload.mock.calls[0]
  expect(path).toMatch(/^yearly\/t_demo\/m_shiyan_01\/\d+-[a-z0-9]+\.pdf$/)
  type('org-life-report-text', '本支部召开2026年度组织生活会，'.repeat(6))
  await act(async () => fireEvent.click(screen.getByTestId('org-life-report-submit')))
  expect(writes('submitOrgLifeReport')).toEqual([
    expect.objectContaining({ orgLifeId: 'org_b_shiyan:2026', fileIds: [`cloud://env.bucket/${path}`] }),
  ])
})
