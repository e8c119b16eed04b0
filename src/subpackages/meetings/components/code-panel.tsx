import { Image, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { OutputOf } from '../../../../types/api'
import { FieldError } from '../../../components/field-error'
import { call } from '../../../services/call'

type Code = OutputOf<'meetings', 'checkInCode'>

/** 签到码: asks the server for the current code each slot; weapp shows the 小程序码, H5 also the link. */
export function CodePanel({ meetingId }: { meetingId: string }) {
  const [code, setCode] = useState<Code | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    let live = true
    const refresh = async () => {
      const result = await call('meetings', 'checkInCode', { meetingId, image: true })
      if (!live) return
      if (result.ok) {
        setCode(result.data)
        setError(null)
        timer = setTimeout(refresh, Math.max(1000, result.data.refreshAt - Date.now()))
      } else {
        setError(result.error.message)
      }
    }
    refresh()
    return () => {
      live = false
      if (timer) clearTimeout(timer)
    }
  }, [meetingId])
  if (error) return <FieldError message={error} testId="meetings-code-error" />
  if (!code) return <Text className="muted">正在生成签到码…</Text>
  return (
    <View className="card" data-testid="meetings-code">
      <Text className="card__title">签到码（每30秒更新）</Text>
      {code.imageUrl ? <Image className="meet-code__image" src={code.imageUrl} mode="aspectFit" /> : null}
      <Text className="meet-code__link" data-testid="meetings-code-link" selectable>
        /{code.path}
      </Text>
      <Text className="meet-line">
        已签到 {code.counts.present + code.counts.late} / 应到 {code.counts.expected}
      </Text>
    </View>
  )
}
