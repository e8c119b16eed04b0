import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PageState } from '../../components/page-state'
import { PrivacyGate } from '../../components/privacy-gate'
import { useAction } from '../../hooks/use-action'
import { PROFILE_PAGE } from '../../lib/routes'
import { MineView } from './mine-view'
import './index.css'

export default function MinePage() {
  const me = useAction('roster', 'me', {})
  return (
    <View className="page">
      <PageState query={me}>
        {(data) => (
          <MineView
            me={data}
            onOpenProfile={() => Taro.navigateTo({ url: PROFILE_PAGE })}
            onOpenEntry={(url) => Taro.navigateTo({ url })}
          />
        )}
      </PageState>
      <PrivacyGate />
    </View>
  )
}
