import Taro from '@tarojs/taro'

/**
 * A short message after an action. WeChat draws at most 7 characters beside
 * the ✓ icon, so a longer success reads as plain text; a refusal stays up
 * longer, since it says what to do next.
 */
export function toast(title: string, kind: 'done' | 'info' | 'refused' = 'info'): void {
  const icon = kind === 'done' && [...title].length <= 7 ? 'success' : 'none'
  Taro.showToast({ title, icon, duration: kind === 'refused' ? 2500 : 1500 })
}
