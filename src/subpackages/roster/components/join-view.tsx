import { Button, Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { AppError } from '../../../../types/errors'
import type { Me } from '../../../../types/roster'
import { FormField } from '../../../components/form-field'
import { fullDateTime } from '../../../lib/time'
import './roster.css'

export interface InvitationPreview {
  maskedName: string
  branchName: string
  expiresAt: number
}

/** Where the invitee is: opening the link, confirming their name, refused, or bound. */
export type JoinState =
  | { kind: 'loading' }
  | { kind: 'ready'; invitation: InvitationPreview; nameError: string | null; submitting: boolean }
  | { kind: 'refused'; error: AppError }
  | { kind: 'bound'; me: Me }

interface Refusal {
  title: string
  /** Whether trying again could help (a network failure), rather than a new invitation. */
  retry: boolean
  /** Already bound: their own profile is what they want. */
  home: boolean
}

const REFUSALS: Record<string, Refusal> = {
  'INVITATION.EXPIRED': { title: '邀请已过期', retry: false, home: false },
  'INVITATION.USED': { title: '邀请已被使用', retry: false, home: false },
  'INVITATION.REVOKED': { title: '邀请已撤销', retry: false, home: false },
  'INVITATION.NOT_FOUND': { title: '邀请不存在', retry: false, home: false },
  'INPUT.INVALID': { title: '邀请链接无效', retry: false, home: false },
  'INVITATION.MEMBER_BOUND': { title: '该党员已绑定微信', retry: false, home: false },
  'AUTH.ALREADY_BOUND': { title: '您已绑定党员身份', retry: false, home: true },
}

export function refusalOf(error: AppError): Refusal {
  return REFUSALS[error.code] ?? { title: '暂时无法打开邀请', retry: true, home: false }
}

interface JoinViewProps {
  state: JoinState
  onConfirm: (name: string) => void
  onRetry: () => void
  onGoHome: () => void
}

/** 绑定党员身份: the invitee sees which branch invites whom (masked), types their name and binds. */
export function JoinView({ state, onConfirm, onRetry, onGoHome }: JoinViewProps) {
  if (state.kind === 'loading') {
    return (
      <View className="page-state page-state--loading" data-testid="join-loading">
        <View className="skeleton skeleton--title" />
        <View className="skeleton" />
        <Text className="page-state__caption">正在读取邀请…</Text>
      </View>
    )
  }
  if (state.kind === 'refused') {
    const refusal = refusalOf(state.error)
    return (
      <View className="join-result" data-testid="join-refused" data-code={state.error.code}>
        <View className="join-result__icon join-result__icon--warn">!</View>
        <Text className="join-result__title" data-testid="join-refused-title">
          {refusal.title}
        </Text>
        <Text className="join-result__text" data-testid="join-refused-message">
          {state.error.message}
        </Text>
        {refusal.retry ? (
          <Button className="btn btn--primary join-result__action" data-testid="join-retry" onClick={onRetry}>
            重试
          </Button>
        ) : null}
        {refusal.home ? (
          <Button className="btn btn--primary join-result__action" data-testid="join-home" onClick={onGoHome}>
            进入我的
          </Button>
        ) : null}
      </View>
    )
  }
  if (state.kind === 'bound') {
    return (
      <View className="join-result" data-testid="join-bound">
        <View className="join-result__icon">✓</View>
        <Text className="join-result__title">绑定成功</Text>
        <Text className="join-result__text">
          {state.me.name}，您已绑定为{state.me.branch ? `「${state.me.branch.name}」` : ''}党员，正在进入“我的”…
        </Text>
        <Button className="btn btn--primary join-result__action" data-testid="join-home" onClick={onGoHome}>
          进入我的
        </Button>
      </View>
    )
  }
  return <JoinForm state={state} onConfirm={onConfirm} />
}

function JoinForm({
  state,
  onConfirm,
}: {
  state: Extract<JoinState, { kind: 'ready' }>
  onConfirm: (name: string) => void
}) {
  const [name, setName] = useState('')
  const { invitation, nameError, submitting } = state
  return (
    <View data-testid="join-form">
      <View className="hero join-hero">
        <Text className="join-hero__lead">邀请您绑定为</Text>
        <Text className="join-hero__branch" data-testid="join-branch">
          「{invitation.branchName}」党员
        </Text>
        <Text className="join-hero__name">
          被邀请人：<Text data-testid="join-masked-name">{invitation.maskedName}</Text>
        </Text>
      </View>
      <View className="card">
        <Text className="card__title roster-title">确认身份</Text>
        <Text className="join-hint">为保护党员信息，请输入您在党员名册中登记的姓名，核对一致后即完成绑定。</Text>
        <View className="join-input">
          <FormField label="您的姓名" required error={nameError} errorTestId="join-name-error">
            <Input
              className={`field-input${nameError ? ' field-input--invalid' : ''}`}
              data-testid="join-name"
              value={name}
              maxlength={30}
              placeholder="请输入您的姓名"
              onInput={(event: { detail: { value: string } }) => setName(event.detail.value)}
            />
          </FormField>
        </View>
        <Button
          className="btn btn--primary join-submit"
          data-testid="join-submit"
          disabled={submitting || name.trim() === '' || undefined}
          onClick={() => onConfirm(name)}
        >
          {submitting ? '正在绑定…' : '确认绑定'}
        </Button>
        <Text className="muted join-expiry">邀请有效期至 {fullDateTime(invitation.expiresAt)}</Text>
      </View>
      <Text className="form-note">绑定后，本微信即代表您本人参加组织生活；如非本人，请勿绑定。</Text>
    </View>
  )
}
