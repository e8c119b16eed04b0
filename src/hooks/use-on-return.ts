import { useDidShow } from '@tarojs/taro'
import { useRef } from 'react'

/**
 * Runs `refresh` whenever the page shows again — back from a page it opened,
 * or switched to from another tab — but not on its first showing, when its
 * data is already being loaded (a second load would flash the skeleton again).
 */
export function useOnReturn(refresh: () => void): void {
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) refresh()
    shown.current = true
  })
}
