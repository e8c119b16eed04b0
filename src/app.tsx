import Taro from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import './app.css'

if (process.env.TARO_ENV === 'weapp') {
  // Once per app launch, before any page calls a function through services/call.
  Taro.cloud.init({ ...(CLOUD_ENV ? { env: CLOUD_ENV } : {}), traceUser: true })
}

function App({ children }: PropsWithChildren) {
  return children
}

export default App
