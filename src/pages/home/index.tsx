import { Text, View } from '@tarojs/components'
import { Page } from '../../components/page'
import { PageState } from '../../components/page-state'
import { useAction } from '../../hooks/use-action'
import { useCareMode } from '../../lib/care-mode'
import { hourOf } from '../../lib/time'
import { BureauToday } from './bureau-today'
import { MemberCards } from './member-cards'
import { SecretaryToday } from './secretary-today'
import { homeViewFor } from './today'
import './index.css'

/**
 * 首页 starts the day for each role: the bureau's gaps and rankings, the
 * secretary's branch to-dos, and for every member of a branch their next
 * meeting, today's study and their points. 关怀模式 keeps only the member's
 * three big cards.
 */
export default function HomePage() {
  const care = useCareMode()
  const me = useAction('roster', 'me', {})
  return (
    <Page>
      <View className="hero">
        <Text className="hero__title">{greeting(hourOf(Date.now()))}</Text>
        <Text className="hero__subtitle">欢迎使用教育党建，组织生活一手掌握</Text>
      </View>
      <PageState query={me}>
        {(caller) => {
          if (care) return <MemberCards care />
          const view = homeViewFor(caller)
          return (
            <View data-testid="home-today" data-view={view}>
              {view === 'bureau' ? <BureauToday /> : null}
              {view === 'secretary' && caller.branch ? <SecretaryToday branchId={caller.branch.id} /> : null}
              {caller.branch ? <MemberCards care={false} /> : null}
            </View>
          )
        }}
      </PageState>
    </Page>
  )
}

function greeting(hour: number): string {
  if (hour < 11) return '早上好'
  if (hour < 13) return '中午好'
  if (hour < 18) return '下午好'
  return '晚上好'
}
