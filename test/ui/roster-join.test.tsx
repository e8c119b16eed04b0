import { fireEvent, render, screen } from '@testing-library/react'
import { type JoinState, JoinView } from '../../src/subpackages/roster/components/join-view'
import { ERROR_MESSAGES, type ErrorCode } from '../../types/errors'
import type { Me } from '../../types/roster'
import { meOf } from '../fixtures/me'

// 2026-11-30 20:00 in Asia/Shanghai.
const invitation = { maskedName: '陈*东', branchName: '实验小学党支部', expiresAt: Date.UTC(2026, 10, 30, 12, 0) }
const ready: JoinState = { kind: 'ready', invitation, nameError: null, submitting: false }

const bound: Me = meOf({ memberId: 'm_new', name: '陈晓东' })

function renderJoin(state: JoinState) {
  const handlers = { onConfirm: jest.fn(), onRetry: jest.fn(), onGoHome: jest.fn() }
  render(<JoinView state={state} {...handlers} />)
  return handlers
}

const refused = (code: ErrorCode): JoinState => ({ kind: 'refused', error: { code, message: ERROR_MESSAGES[code] } })

describe('绑定党员身份 (join)', () => {
  test('an open invitation shows the branch and the masked name, and binds with the typed name', () => {
    const { onConfirm } = renderJoin(ready)
    expect(screen.getByTestId('join-branch').textContent).toBe('「实验小学党支部」党员')
    expect(screen.getByTestId('join-masked-name').textContent).toBe('陈*东')
    expect(screen.getByText('邀请有效期至 2026年11月30日 20:00')).toBeTruthy()
    const submit = screen.getByTestId('join-submit') as HTMLButtonElement
    expect(submit.disabled).toBe(true)
    fireEvent.change(screen.getByTestId('join-name'), { target: { value: '陈晓东' } })
    fireEvent.click(screen.getByTestId('join-submit'))
    expect(onConfirm).toHaveBeenCalledWith('陈晓东')
  })

  test('NAME_MISMATCH keeps the form with the message, for a retry', () => {
    const { onConfirm } = renderJoin({ ...ready, nameError: ERROR_MESSAGES['INVITATION.NAME_MISMATCH'] })
    expect(screen.getByTestId('join-name-error').textContent).toBe('姓名与邀请不符，请输入您在党员名册中的姓名')
    expect(screen.queryByTestId('join-refused')).toBeNull()
    fireEvent.change(screen.getByTestId('join-name'), { target: { value: '陈晓东' } })
    fireEvent.click(screen.getByTestId('join-submit'))
    expect(onConfirm).toHaveBeenCalledTimes(1)
  })

  test.each([
    ['INVITATION.EXPIRED', '邀请已过期'],
    ['INVITATION.USED', '邀请已被使用'],
    ['INVITATION.REVOKED', '邀请已撤销'],
    ['INVITATION.NOT_FOUND', '邀请不存在'],
    ['INVITATION.MEMBER_BOUND', '该党员已绑定微信'],
    ['AUTH.ALREADY_BOUND', '您已绑定党员身份'],
  ] as const)('%s is its own designed state: %s', (code, title) => {
    renderJoin(refused(code))
    expect(screen.getByTestId('join-refused').getAttribute('data-code')).toBe(code)
    expect(screen.getByTestId('join-refused-title').textContent).toBe(title)
    expect(screen.getByTestId('join-refused-message').textContent).toBe(ERROR_MESSAGES[code])
    expect(screen.queryByTestId('join-form')).toBeNull()
    // A new invitation, not a retry, is what helps.
    expect(screen.queryByTestId('join-retry')).toBeNull()
  })

  test('someone already bound is sent to 我的', () => {
    const { onGoHome } = renderJoin(refused('AUTH.ALREADY_BOUND'))
    fireEvent.click(screen.getByTestId('join-home'))
    expect(onGoHome).toHaveBeenCalledTimes(1)
  })

  test('a network failure offers a retry', () => {
    const { onRetry } = renderJoin(refused('SYSTEM.NETWORK'))
    expect(screen.getByTestId('join-refused-title').textContent).toBe('暂时无法打开邀请')
    fireEvent.click(screen.getByTestId('join-retry'))
    expect(onRetry).toHaveBeenCalledTimes(1)
  })

  test('once bound it says so and offers 我的', () => {
    const { onGoHome } = renderJoin({ kind: 'bound', me: bound })
    expect(screen.getByTestId('join-bound').textContent).toContain('陈晓东，您已绑定为「实验小学党支部」党员')
    fireEvent.click(screen.getByTestId('join-home'))
    expect(onGoHome).toHaveBeenCalledTimes(1)
  })
})
