import Taro from '@tarojs/taro'
import { useEffect } from 'react'
import { MemberPosts } from '../../components/member-posts'
import { Page } from '../../components/page'
import { PageState } from '../../components/page-state'
import { PrivacyGate } from '../../components/privacy-gate'
import { useAction } from '../../hooks/use-action'
import { useSubmit } from '../../hooks/use-submit'
import { setCareMode, useCareMode } from '../../lib/care-mode'
import { PROFILE_PAGE } from '../../lib/routes'
import { call } from '../../services/call'
import { MineView } from './mine-view'
import { MessageSubscriptions } from './subscriptions'

export default function MinePage() {
  const me = useAction('roster', 'me', {})
  const care = useCareMode()
  // 我的 is where a member lands after binding (or, in the demo, after picking a persona): apply their
  // choice as the server answered it — once per answer, so a tap on the switch is not undone by a re-render.
  const stored =
    me.state === 'ok'
      ? me.data.preferences.careMode
      : me.state === 'error' && me.error.code === 'AUTH.NOT_BOUND'
        ? false
        : null
  useEffect(() => {
    if (stored !== null) setCareMode(stored)
  }, [stored])
  const saving = useSubmit((careMode: boolean) => call('roster', 'setPreferences', { careMode }), {
    toast: (saved) => (saved.careMode ? '已开启关怀模式' : '已关闭关怀模式'),
    onRefused: (_, careMode) => setCareMode(!careMode),
  })
  const switchCare = (on: boolean) => {
    // Shown at once; put back if the server refuses.
    setCareMode(on)
    saving.submit(on)
  }
  return (
    <Page>
      <PageState query={me}>
        {(data) => (
          <MineView
            me={data}
            careMode={care}
            savingCare={saving.busy}
            onCareMode={switchCare}
            onOpenProfile={() => Taro.navigateTo({ url: PROFILE_PAGE })}
            onOpenEntry={(url) => Taro.navigateTo({ url })}
            subscriptions={<MessageSubscriptions me={data} />}
            posts={<MemberPosts />}
          />
        )}
      </PageState>
      <PrivacyGate />
    </Page>
  )
}
