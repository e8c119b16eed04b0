import Taro from '@tarojs/taro'
import { useSyncExternalStore } from 'react'

/**
 * 关怀模式 (larger text and tap targets, a simpler 首页) as this phone shows it
 * now. The member's choice is kept on the server (roster.setPreferences) and
 * read back from roster.me at launch and on 我的; the last known value is kept
 * in storage so the first screen is drawn the right size before any call returns.
 */
const STORAGE_KEY = 'care-mode'

let on = Taro.getStorageSync(STORAGE_KEY) === true
const listeners = new Set<() => void>()

export function careModeOn(): boolean {
  return on
}

export function setCareMode(value: boolean): void {
  if (value === on) return
  on = value
  Taro.setStorageSync(STORAGE_KEY, value)
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

export function useCareMode(): boolean {
  return useSyncExternalStore(subscribe, careModeOn, careModeOn)
}

/**
 * How much 关怀模式 enlarges text: at least 1.3×, more when the member has set
 * WeChat's own font size larger (我 → 设置 → 通用 → 字体大小; weapp only).
 */
export function careTextScale(): number {
  if (process.env.TARO_ENV !== 'weapp') return 1.3
  try {
    const info = Taro.getAppBaseInfo() as { fontSizeScaleFactor?: number; fontSizeSetting?: number }
    // fontSizeScaleFactor on base library ≥ 3.3; before that fontSizeSetting in px, 17 being WeChat's 标准.
    const factor = info.fontSizeScaleFactor ?? (info.fontSizeSetting ? info.fontSizeSetting / 17 : 1)
    return Math.max(1.3, Math.min(factor, 2))
  } catch {
    return 1.3
  }
}
