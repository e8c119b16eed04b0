import { Text, View } from '@tarojs/components'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { DigestRebuild, PointsCheck, PrivacyRepair } from '../../components/data-checks'
import '../../components/bureau.css'

/** 数据校对 (bureau staff): rebuild the maintained points totals and meeting digests from their sources; 隐私整改. */
export default function ChecksPage() {
  const me = useAction('roster', 'me', {})
  return (
    <View className="page">
      <PageState query={me}>
        {(data) =>
          data.roles.includes('bureau_staff') ? (
            <View>
              <PointsCheck />
              <DigestRebuild thisYear={new Date().getFullYear()} />
              <PrivacyRepair />
            </View>
          ) : (
            <View className="card" data-testid="checks-forbidden">
              <Text>仅教育局党委可使用数据校对。</Text>
            </View>
          )
        }
      </PageState>
    </View>
  )
}
