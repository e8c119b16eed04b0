import { fireEvent, render, screen } from '@testing-library/react'
import { formErrorsOf, NO_ERRORS } from '../../src/lib/form-errors'
import { CheckinForm } from '../../src/subpackages/study/components/checkin-form'
import { ParticipationView } from '../../src/subpackages/study/components/participation-view'
import { PublishForm } from '../../src/subpackages/study/components/publish-form'
import { nudgeMessage } from '../../src/subpackages/study/lib/nudge-message'
import { emptyDraft, PUBLISH_FIELDS, publishInput } from '../../src/subpackages/study/lib/publish-draft'
import type { TaskWithMine } from '../../types/study'

const task: TaskWithMine = {
  id: 'task_1',
  title: '学习党章',
  content: { text: '', link: null, videoLink: null, fileID: null, fileName: null },
  startsOn: '2026-03-01',
  dueOn: '2026-03-31',
  collectiveDay: false,
  minNoteLength: 15,
  minReadMinutes: 0,
  publishedByName: '王书记',
  branchCount: 1,
  checkin: null,
  open: true,
}

const checkinProps = {
  task,
  note: '',
  photoCount: 0,
  uploading: false,
  saving: false,
  error: null,
  onNote: jest.fn(),
  onPickPhotos: jest.fn(),
  onSubmit: jest.fn(),
}

describe('学习心得 check-in form', () => {
  test('a short note says how many characters are still needed and cannot be sent', () => {
    const onSubmit = jest.fn()
    render(<CheckinForm {...checkinProps} note="学习了党章" onSubmit={onSubmit} />)
    expect(screen.getByTestId('note-hint').textContent).toBe('已写 5 字，还需 10 字')
    const submit = screen.getByTestId('study-submit')
    expect(submit.hasAttribute('disabled')).toBe(true)
    fireEvent.click(submit)
    expect(onSubmit).not.toHaveBeenCalled()
  })

  test('a note of the minimum length (counted by character, emoji as one) can be sent', () => {
    const onSubmit = jest.fn()
    render(<CheckinForm {...checkinProps} note={`${'学'.repeat(14)}👍`} onSubmit={onSubmit} />)
    expect(screen.getByTestId('note-hint').textContent).toBe('已写 15 字')
    fireEvent.click(screen.getByTestId('study-submit'))
    expect(onSubmit).toHaveBeenCalledTimes(1)
    expect(screen.getByTestId('study-submit').textContent).toBe('我已学习，打卡')
  })

  test('once checked in the button edits; after the due date the form is closed', () => {
    const checkin = { note: '认真学习了党章全文，体会很深。', photos: [], at: 0, updatedAt: 0 }
    const { unmount } = render(<CheckinForm {...checkinProps} task={{ ...task, checkin }} note={checkin.note} />)
    expect(screen.getByTestId('study-submit').textContent).toBe('保存修改')
    unmount()
    render(<CheckinForm {...checkinProps} task={{ ...task, open: false }} />)
    expect(screen.queryByTestId('checkin-form')).toBeNull()
    expect(screen.queryByTestId('study-submit')).toBeNull()
    expect(screen.getByTestId('checkin-closed').textContent).toContain('任务已于 2026-03-31 截止，不能再打卡')
  })

  test('the server’s refusal is shown', () => {
    render(<CheckinForm {...checkinProps} error="学习任务已截止，不能再打卡或修改" />)
    expect(screen.getByTestId('checkin-error').textContent).toBe('学习任务已截止，不能再打卡或修改')
  })
})

describe('发布学习任务 form', () => {
  const props = {
    draft: emptyDraft('2026-03-01', '2026-03-08'),
    errors: NO_ERRORS,
    branches: null,
    uploading: false,
    submitting: false,
    onChange: jest.fn(),
    onPickDocument: jest.fn(),
    onSubmit: jest.fn(),
  }

  test('a secretary publishes to their own branch; bureau staff choose branches', () => {
    const { unmount } = render(<PublishForm {...props} />)
    expect(screen.getByTestId('publish-own-branch')).toBeTruthy()
    expect(screen.queryByTestId('publish-targets')).toBeNull()
    unmount()
    const onChange = jest.fn()
    const branches = [
      { id: 'b1', name: '实验小学党支部' },
      { id: 'b2', name: '第一中学党支部' },
    ]
    render(<PublishForm {...props} branches={branches} onChange={onChange} />)
    expect(screen.getAllByTestId('publish-target').map((chip) => chip.textContent)).toEqual([
      '实验小学党支部',
      '第一中学党支部',
    ])
    expect(screen.getByTestId('publish-target-all').className).toContain('study-chip--on')
    fireEvent.click(screen.getAllByTestId('publish-target')[1])
    expect(onChange).toHaveBeenCalledWith({ branchIds: ['b2'] })
  })

  test('INPUT.INVALID issues stand beside their fields; the rest is general', () => {
    const errors = formErrorsOf(
      {
        code: 'INPUT.INVALID',
        message: '填写的内容有误，请检查后重试',
        details: [
          { path: ['title'], message: '请填写标题' },
          { path: ['content', 'link'], message: '请填写以 http:// 或 https:// 开头的链接' },
          { path: ['dueOn'], message: '截止日期不能早于开始日期' },
          { path: ['memberIds'], message: '对象有误' },
        ],
      },
      PUBLISH_FIELDS,
    )
    render(<PublishForm {...props} errors={errors} />)
    expect(screen.getByTestId('error-title').textContent).toBe('请填写标题')
    expect(screen.getByTestId('error-content.link').textContent).toBe('请填写以 http:// 或 https:// 开头的链接')
    expect(screen.getByTestId('error-dueOn').textContent).toBe('截止日期不能早于开始日期')
    expect(screen.getByTestId('publish-error').textContent).toBe('对象有误')
  })

  test('an uploaded document is named; the draft becomes publishTask input with empty links as null', () => {
    const draft = {
      ...emptyDraft('2026-03-01', '2026-03-08'),
      title: '学习党章',
      link: ' ',
      document: { name: '党章.pdf', fileID: 'cloud://env/study/t/m/1.pdf' },
    }
    render(<PublishForm {...props} draft={draft} />)
    expect(screen.getByTestId('publish-document').textContent).toBe('党章.pdf')
    expect(publishInput(draft)).toMatchObject({
      title: '学习党章',
      content: { link: null, videoLink: null, fileID: 'cloud://env/study/t/m/1.pdf' },
      branchIds: null,
      minNoteLength: 15,
    })
  })
})

describe('学习情况 participation', () => {
  const participation = {
    branchId: 'b1',
    branchName: '实验小学党支部',
    studied: [{ memberId: 'm1', name: '宋敏', at: 0, note: '认真学习了党章' }],
    notStudied: [
      { memberId: 'm2', name: '李强', nudgedAt: null },
      { memberId: 'm3', name: '王芳', nudgedAt: null },
    ],
  }

  test('counts, names, and 提醒未学习 for a publisher while the task is open', () => {
    const onNudge = jest.fn()
    render(
      <ParticipationView
        title="学习党章"
        dueOn="2026-03-31"
        participation={participation}
        canNudge
        nudging={false}
        onNudge={onNudge}
      />,
    )
    expect(screen.getByTestId('studied-count').textContent).toContain('1')
    expect(screen.getByTestId('not-studied-count').textContent).toContain('2')
    expect(screen.getAllByTestId('not-studied').map((row) => row.textContent)).toEqual(['李强未提醒', '王芳未提醒'])
    fireEvent.click(screen.getByTestId('nudge'))
    expect(onNudge).toHaveBeenCalled()
  })

  test('no nudge button for readers, or when everyone has studied', () => {
    render(
      <ParticipationView
        title="学习党章"
        dueOn="2026-03-31"
        participation={{ ...participation, notStudied: [] }}
        canNudge
        nudging={false}
        onNudge={jest.fn()}
      />,
    )
    expect(screen.queryByTestId('nudge')).toBeNull()
    expect(screen.getByTestId('all-studied')).toBeTruthy()
  })
})

describe('the 提醒未学习 toast', () => {
  it('says who was reminded and who was left alone for now', () => {
    expect(nudgeMessage({ nudged: 8, recentlyNudged: 0 })).toBe('已提醒 8 人')
    expect(nudgeMessage({ nudged: 2, recentlyNudged: 6 })).toBe('已提醒 2 人（6 人刚提醒过）')
    expect(nudgeMessage({ nudged: 0, recentlyNudged: 8 })).toBe('8 人12小时内已提醒过，稍后再试')
  })
})
