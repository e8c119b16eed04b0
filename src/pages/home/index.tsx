import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { MEETINGS_TAB, POINTS_TAB, STUDY_TAB } from '../../lib/routes'
import { hourOf } from '../../lib/time'
import './index.css'

const ENTRIES = [
  { url: MEETINGS_TAB, title: '会议', hint: '三会一课、主题党日的通知与签到' },
  { url: STUDY_TAB, title: '学习', hint: '学习任务与打卡心得' },
  { url: POINTS_TAB, title: '积分', hint: '党员积分明细与排名' },
] as const

export default function HomePage() {
  return (
    <View className="page">
      <View className="hero">
        <Text className="hero__title">{greeting(hourOf(Date.now()))}</Text>
        <View className="hero__subtitle">
          <Text>欢迎使用教育党建，组织生活一手掌握</Text>
        </View>
      </View>
      {ENTRIES.map((entry) => (
        <View
          key={entry.url}
          className="card home-entry"
          data-testid={`home-entry-${entry.title}`}
          onClick={() => Taro.switchTab({ url: entry.url })}
        >
          <View>
            <Text className="card__title">{entry.title}</Text>
            <View>
              <Text className="muted">{entry.hint}</Text>
            </View>
          </View>
          <Text className="muted">›</Text>
        </View>
      ))}
    </View>
  )
}

function greeting(hour: number): string {
  if (hour < 11) return '早上好'
  if (hour < 13) return '中午好'
  if (hour < 18) return '下午好'
  return '晚上好'
}
