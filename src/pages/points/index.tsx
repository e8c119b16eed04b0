import { View } from '@tarojs/components'
import { EmptyState } from '../../components/page-state'

export default function PointsPage() {
  return (
    <View className="page">
      <EmptyState title="功能建设中" hint="党员积分功能正在建设，上线后将在这里显示。" />
    </View>
  )
}
