import { View } from '@tarojs/components'
import { EmptyState } from '../../components/page-state'

export default function MeetingsPage() {
  return (
    <View className="page">
      <EmptyState title="功能建设中" hint="三会一课功能正在建设，上线后将在这里显示。" />
    </View>
  )
}
