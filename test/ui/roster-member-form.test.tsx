import { fireEvent, render, screen, within } from '@testing-library/react'
import { BLANK_MEMBER, MemberForm, type MemberFormValues } from '../../src/subpackages/roster/components/member-form'
import { fieldErrorsOf } from '../../src/subpackages/roster/lib/field-errors'
import type { AppError } from '../../types/errors'
import type { OrgNode } from '../../types/roster'

const groups: OrgNode[] = [
  {
    id: 'g1',
    kind: 'group',
    name: '低年级党小组',
    parentId: 'b',
    schools: [],
    leader: null,
    status: 'active',
    memberCount: 5,
  },
  {
    id: 'g2',
    kind: 'group',
    name: '高年级党小组',
    parentId: 'b',
    schools: [],
    leader: null,
    status: 'active',
    memberCount: 5,
  },
]

const probationer: MemberFormValues = {
  name: '李晓雨',
  groupId: 'g2',
  memberType: 'probationary',
  probationEndsOn: '2027-06-30',
  joinedOn: '2026-06-30',
  committeePosition: null,
  phone: '13800138000',
}

function renderForm(initial: MemberFormValues, errors = {}, onSubmit = jest.fn()) {
  render(
    <MemberForm
      initial={initial}
      groups={groups}
      errors={errors}
      saving={false}
      submitLabel="保存"
      onSubmit={onSubmit}
    />,
  )
  return onSubmit
}

describe('党员信息 form', () => {
  test('a 正式党员 has no 转正日期; switching to 预备党员 asks for it', () => {
    renderForm(BLANK_MEMBER)
    expect(screen.queryByTestId('field-probationEndsOn')).toBeNull()
    fireEvent.click(screen.getByTestId('member-type-probationary'))
    expect(within(screen.getByTestId('field-probationEndsOn')).getByText('转正日期')).toBeTruthy()
    expect(screen.getByTestId('picker-probation').textContent).toContain('请选择预备期满日期')
  })

  test('a 预备党员 shows their 转正日期, group and 入党日期', () => {
    renderForm(probationer)
    expect(screen.getByTestId('picker-probation').textContent).toContain('2027-06-30')
    expect(screen.getByTestId('picker-group').textContent).toContain('高年级党小组')
    expect(screen.getByTestId('picker-joined').textContent).toContain('2026-06-30')
    expect(screen.getByTestId('picker-position').textContent).toContain('无')
  })

  test('saving sends MemberFields: a blank phone is null, and 正式 drops the 转正日期', () => {
    const onSubmit = renderForm({ ...probationer, phone: '' })
    fireEvent.change(screen.getByTestId('input-name'), { target: { value: '李晓雨 ' } })
    fireEvent.click(screen.getByTestId('member-type-formal'))
    fireEvent.click(screen.getByTestId('member-form-submit'))
    expect(onSubmit).toHaveBeenCalledWith({
      name: '李晓雨 ',
      groupId: 'g2',
      memberType: 'formal',
      probationEndsOn: null,
      joinedOn: '2026-06-30',
      committeePosition: null,
      phone: null,
    })
  })

  test('INPUT.INVALID issues appear next to the field they name', () => {
    const error: AppError = {
      code: 'INPUT.INVALID',
      message: '填写的内容有误，请检查后重试',
      details: [
        { code: 'invalid_format', path: ['phone'], message: '请输入11位手机号码' },
        { code: 'too_small', path: ['name'], message: '请填写姓名' },
        { code: 'invalid_format', path: ['probationEndsOn'], message: '日期格式应为 YYYY-MM-DD' },
      ],
    }
    const { fields, general } = fieldErrorsOf(error)
    expect(general).toBeNull()
    renderForm(probationer, fields)
    expect(within(screen.getByTestId('field-phone')).getByTestId('error-phone').textContent).toBe('请输入11位手机号码')
    expect(within(screen.getByTestId('field-name')).getByTestId('error-name').textContent).toBe('请填写姓名')
    expect(within(screen.getByTestId('field-probationEndsOn')).getByTestId('error-probationEndsOn').textContent).toBe(
      '日期格式应为 YYYY-MM-DD',
    )
    expect(screen.queryByTestId('error-joinedOn')).toBeNull()
    expect(screen.queryByTestId('error-groupId')).toBeNull()
  })

  test('issues on no form field, and other codes, stay general (the page toasts them)', () => {
    expect(
      fieldErrorsOf({
        code: 'INPUT.INVALID',
        message: '填写的内容有误，请检查后重试',
        details: [{ path: ['branchId'], message: '编号格式不正确' }],
      }),
    ).toEqual({ fields: {}, general: '编号格式不正确' })
    expect(fieldErrorsOf({ code: 'INPUT.INVALID', message: '填写的内容有误，请检查后重试' })).toEqual({
      fields: {},
      general: '填写的内容有误，请检查后重试',
    })
    expect(fieldErrorsOf({ code: 'ROSTER.DUPLICATE_PHONE', message: '该手机号码已登记在其他党员名下' })).toEqual({
      fields: {},
      general: '该手机号码已登记在其他党员名下',
    })
  })
})
