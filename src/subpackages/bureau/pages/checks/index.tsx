import { View } from '@tarojs/components'
import { Notice } from '../../../../components/notice'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { yearOf } from '../../../../lib/time'
import { DigestRebuild, PointsCheck, PrivacyRepair } from '../../components/data-checks'
import '../../components/bureau.css'
import { Page } from '../../../../components/page'

/** 数据校对 (bureau staff): rebuild the maintained points totals and meeting digests from their sources; 隐私整改. */
export default function ChecksPage() {
  const me = useAction('roster', 'me', {})
  return (
    <Page>
      <PageState query={me}>
        {(data) =>
          data.roles.includes('bureau_staff') ? (
            <View>
              <PointsCheck />
              <DigestRebuild thisYear={yearOf(Date.now())} />
              <PrivacyRepair />
            </View>
          ) : (
            <Notice testId="checks-forbidden" text="仅教育局党委可使用数据校对。" />
          )
        }
      </PageState>
    </Page>
  )
}
