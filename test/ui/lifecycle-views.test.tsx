import { fireEvent, render, screen } from '@testing-library/react'
import { DevelopmentTimeline } from '../../src/subpackages/lifecycle/components/timeline'
import { emptyStepDraft, stepDetails, stepKind } from '../../src/subpackages/lifecycle/lib/step-draft'
import { type DevelopmentFileView, StepInput } from '../../types/lifecycle'

describe('the step form’s details', () => {
  const draft = { ...emptyStepDraft('2027-12-15'), eligible: '9', present: '9', inFavour: '8' }

  it.each([
    ['application_talk', 'plain', { step: 'application_talk' }],
    ['introducers_assigned', 'people', { step: 'introducers_assigned', memberIds: ['m1', 'm2'] }],
    ['intensive_training', 'hours', { step: 'intensive_training', hours: 24 }],
    ['pre_approval', 'notice', { step: 'pre_approval', noticeFrom: '2027-12-07', noticeTo: '2027-12-12' }],
    ['admission_vote', 'vote', { step: 'admission_vote', vote: { eligible: 9, present: 9, inFavour: 8 } }],
  ] as const)('%s shows the %s fields and sends what the contract takes', (step, kind, expected) => {
    const filled = { ...draft, memberIds: ['m1', 'm2'], hours: '24', noticeFrom: '2027-12-07', noticeTo: '2027-12-12' }
    expect(stepKind(step)).toBe(kind)
    expect(stepDetails(step, filled)).toEqual(expected)
    expect(StepInput.safeParse(stepDetails(step, filled)).success).toBe(true)
  })

  it('an extension carries its months, a conversion none; an empty count is refused by the contract', () => {
    expect(stepDetails('conversion_vote', { ...draft, outcome: 'extend', extensionMonths: '6' })).toMatchObject({
      outcome: 'extend',
      extensionMonths: 6,
    })
    expect(stepDetails('conversion_vote', { ...draft, outcome: 'convert', extensionMonths: '6' })).toMatchObject({
      extensionMonths: null,
    })
    expect(StepInput.safeParse(stepDetails('intensive_training', draft)).success).toBe(false)
  })
})

describe('the file timeline', () => {
  const file: Omit<DevelopmentFileView, 'canManage' | 'phone'> = {
    id: 'f1',
    branchId: 'b1',
    branchName: '实验小学党支部',
    name: '陈晓',
    teachingRole: 'teacher',
    keyTeacher: true,
    memberId: null,
    steps: [
      {
        step: 'application',
        on: '2026-11-18',
        details: { step: 'application' },
        note: '',
        materials: [],
        recordedAt: 1,
        recordedByName: '谢振华',
      },
    ],
    reviews: [],
    timeline: {
      stage: 'applicant',
      done: ['application'],
      next: [{ step: 'application_talk', earliestOn: '2026-11-18', latestOn: '2026-12-18' }],
      missing: [{ step: 'application', material: 'application_letter' }],
      reviewGaps: [],
      trainingShort: false,
      probationEndsOn: null,
      due: [
        {
          fileId: 'f1',
          name: '陈晓',
          kind: 'talk',
          on: '2026-12-18',
          days: -2,
          overdue: true,
          text: '陈晓 递交入党申请已超过一个月，尚未谈话',
        },
      ],
    },
  }

  it('shows the stage, what is due, the next step’s window and the missing material', () => {
    render(<DevelopmentTimeline file={file} />)
    expect(screen.getByTestId('dev-stage').textContent).toBe('陈晓 · 入党申请人')
    expect(screen.getByTestId('dev-due-item').textContent).toBe('陈晓 递交入党申请已超过一个月，尚未谈话')
    expect(screen.getByTestId('dev-next-step').textContent).toContain('最早可办日期 2026-11-18 · 截止日期 2026-12-18')
    expect(screen.getByTestId('dev-done-step').textContent).toContain('缺：入党申请书')
    // Read-only (the applicant's own view): no 记录 or 上传.
    expect(screen.queryByTestId('dev-record-application_talk')).toBeNull()
    expect(screen.queryByTestId('dev-upload-application_letter')).toBeNull()
  })

  it('a manager records the next step and uploads the missing material from it', () => {
    const onRecord = jest.fn()
    const onUpload = jest.fn()
    render(<DevelopmentTimeline file={file} onRecord={onRecord} onUpload={onUpload} />)
    fireEvent.click(screen.getByTestId('dev-record-application_talk'))
    fireEvent.click(screen.getByTestId('dev-upload-application_letter'))
    expect(onRecord).toHaveBeenCalledWith('application_talk')
    expect(onUpload).toHaveBeenCalledWith('application', 'application_letter')
  })
})
