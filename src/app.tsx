import Taro, { useLaunch } from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import { setCareMode } from './lib/care-mode'
import { call } from './services/call'
import './app.css'
import './h5-chrome.css'

if (process.env.TARO_ENV === 'weapp') {
  // Once per app launch, before any page calls a function through services/call.
  Taro.cloud.init({ ...(CLOUD_ENV ? { env: CLOUD_ENV } : {}), traceUser: true })
}

function App({ children }: PropsWithChildren) {
  // 关怀模式 is the member's choice, kept on the server: apply it as soon as the app starts.
  useLaunch(() => {
    call('roster', 'me', {}).then((me) => {
      if (me.ok) setCareMode(me.data.preferences.careMode)
      // A WeChat user no member is bound to has no settings: no one else's choice stays on this phone.
      else if (me.error.code === 'AUTH.NOT_BOUND') setCareMode(false)
    })
  })
  return children
}

export default App
