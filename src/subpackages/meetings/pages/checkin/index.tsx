import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { ATTENDANCE_LABELS } from '../../../../lib/meeting-labels'
import { call } from '../../../../services/call'

/** Opened by the 小程序码 or the scene link: checks the member in straight away. */
export default function CheckInPage() {
  const scene = decodeURIComponent(useRouter().params.scene ?? '')
  const [message, setMessage] = useState('正在签到…')
  useEffect(() => {
    call('meetings', 'checkIn', { scene, position: null }).then((result) => {
      setMessage(
        result.ok
          ? `${result.data.title}：${ATTENDANCE_LABELS[result.data.status]}${result.data.first ? '' : '（此前已签到）'}`
          : result.error.message,
      )
    })
  }, [scene])
  return (
    <View className="page">
      <View className="card">
        <Text data-testid="meetings-checkin-result">{message}</Text>
      </View>
    </View>
  )
}
