import { Button, Input, Text, View } from '@tarojs/components'
import { type ReactNode, useEffect, useState } from 'react'
import './index.css'

interface ConfirmDialogProps {
  visible: boolean
  title: string
  message?: string
  confirmLabel: string
  /** Destructive actions (停用、撤销) confirm in red. */
  danger?: boolean
  /** When given, the action needs a written reason of at least `minLength` characters. */
  reason?: { label: string; placeholder: string; minLength: number }
  busy?: boolean
  /** Extra content between the message and the buttons (e.g. a choice to confirm). */
  children?: ReactNode
  /** Disables confirming until the page's own content is complete. */
  confirmDisabled?: boolean
  onConfirm: (reason: string) => void
  onCancel: () => void
}

/**
 * A modal confirmation drawn by the page, so it looks and behaves the same on
 * weapp and H5 (Taro.showModal cannot take a reason on H5).
 */
export function ConfirmDialog({
  visible,
  title,
  message,
  confirmLabel,
  danger,
  reason,
  busy,
  children,
  confirmDisabled,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const [text, setText] = useState('')
  useEffect(() => {
    if (visible) setText('')
  }, [visible])
  if (!visible) return null
  const reasonShort = reason ? text.trim().length < reason.minLength : false
  return (
    <View className="confirm-dialog" data-testid="confirm-dialog">
      <View className="confirm-dialog__mask" onClick={busy ? undefined : onCancel} />
      <View className="confirm-dialog__panel">
        <Text className="confirm-dialog__title">{title}</Text>
        {message ? <Text className="confirm-dialog__message">{message}</Text> : null}
        {children}
        {reason ? (
          <View className="confirm-dialog__reason">
            <Text className="confirm-dialog__label">{reason.label}</Text>
            <Input
              className="confirm-dialog__input"
              data-testid="confirm-dialog-reason"
              value={text}
              maxlength={100}
              placeholder={reason.placeholder}
              onInput={(event: { detail: { value: string } }) => setText(event.detail.value)}
            />
          </View>
        ) : null}
        <View className="confirm-dialog__actions">
          <Button
            className="confirm-dialog__button"
            data-testid="confirm-dialog-cancel"
            disabled={busy || undefined}
            onClick={onCancel}
          >
            取消
          </Button>
          <Button
            className={`confirm-dialog__button confirm-dialog__button--confirm${danger ? ' confirm-dialog__button--danger' : ''}`}
            data-testid="confirm-dialog-confirm"
            // H5 renders disabled={false} as a [disabled] attribute, which greys the button: omit it instead.
            disabled={busy || reasonShort || confirmDisabled || undefined}
            onClick={() => onConfirm(text.trim())}
          >
            {confirmLabel}
          </Button>
        </View>
      </View>
    </View>
  )
}
