import { Image, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { OutputOf } from '../../../../types/api'
import type { AttendanceCounts } from '../../../../types/meetings'
import { FieldError } from '../../../components/field-error'
import { clockTime } from '../../../lib/time'
import { call } from '../../../services/call'

type Code = OutputOf<'meetings', 'checkInCode'>

/**
 * 签到码 while check-in is open: the 小程序码 members scan with the phone
 * camera (it opens the check-in page), and the 6-digit code those who cannot
 * scan type on the meeting page. Both turn over as the server says; each
 * refresh also brings the counts, which the page shows everywhere.
 */
export function CodePanel({
  meetingId,
  onCounts,
}: {
  meetingId: string
  onCounts: (counts: AttendanceCounts) => void
}) {
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
        onCounts(result.data.counts)
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
  }, [meetingId, onCounts])
  if (error) return <FieldError message={error} testId="meetings-code-error" />
  if (!code) return <Text className="muted">正在生成签到码…</Text>
  return (
    <View className="card meet-code" data-testid="meetings-code">
      <Text className="card__title">请党员用微信扫码签到</Text>
      {code.imageUrl ? (
        // Square in a square box, drawn edge to edge: centred on every platform.
        <View className="meet-code__frame">
          <Image
            className="meet-code__image"
            src={code.imageUrl}
            mode="scaleToFill"
            data-testid="meetings-code-image"
          />
        </View>
      ) : null}
      <Text className="muted">无法扫码时，在会议页面输入签到码</Text>
      <Text className="meet-code__short" data-testid="meetings-short-code">
        {code.shortCode}
      </Text>
      <Text className="muted">签到码每分钟更新，签到至 {clockTime(code.closesAt)} 截止</Text>
      <Text className="meet-line" data-testid="meetings-code-counts">
        实到 {code.counts.present + code.counts.late} / 应到 {code.counts.expected}
      </Text>
    </View>
  )
}
