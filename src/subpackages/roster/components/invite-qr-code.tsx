import { Button, Image, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { call } from '../../../services/call'
import './roster.css'

type Shown =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'shown'; url: string }
  | { state: 'error'; message: string }

/** 面对面邀请: the invitation as a 小程序码 the member scans with WeChat, fetched only when asked for. */
export function InviteQrCode({ code }: { code: string }) {
  const [shown, setShown] = useState<Shown>({ state: 'idle' })
  const show = async () => {
    setShown({ state: 'loading' })
    const result = await call('roster', 'invitationQrCode', { code })
    setShown(result.ok ? { state: 'shown', url: result.data.url } : { state: 'error', message: result.error.message })
  }
  return (
    <View className="card" data-testid="invite-qr">
      <Text className="card__title roster-title">面对面邀请</Text>
      {shown.state === 'shown' ? (
        <View className="invite-qr">
          <Image className="invite-qr__image" src={shown.url} mode="aspectFit" data-testid="invite-qr-image" />
          <Text className="muted">请对方用微信“扫一扫”，确认姓名后即完成绑定</Text>
        </View>
      ) : (
        <View>
          {shown.state === 'error' ? <Text className="field-error">{shown.message}</Text> : null}
          <Button
            className="btn btn--ghost"
            data-testid="invite-qr-show"
            disabled={shown.state === 'loading' || undefined}
            onClick={show}
          >
            {shown.state === 'loading' ? '正在生成…' : '显示小程序码'}
          </Button>
        </View>
      )}
    </View>
  )
}
