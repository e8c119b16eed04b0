// A stand-in for @tarojs/taro in UI tests (mapped in jest.config.js, project "ui"):
// records navigation and keeps storage in memory, so tests assert what a tap does.
export const calls: { api: string; options: unknown }[] = []
const storage = new Map<string, unknown>()
let routerParams: Record<string, string> = {}

/** The page's query (useRouter().params), as a page opened with ?key=value would read it. */
export function setRouterParams(params: Record<string, string>): void {
  routerParams = params
}

export const useRouter = () => ({ params: routerParams })

function recorder(api: string) {
  return (options: unknown) => {
    calls.push({ api, options })
    return Promise.resolve({ errMsg: `${api}:ok` })
  }
}

export function resetTaroStub(): void {
  calls.length = 0
  storage.clear()
  routerParams = {}
}

const Taro = {
  navigateTo: recorder('navigateTo'),
  switchTab: recorder('switchTab'),
  reLaunch: recorder('reLaunch'),
  previewImage: recorder('previewImage'),
  showToast: recorder('showToast'),
  // A 375 px phone at 2×, as the browser tests use.
  getWindowInfo: () => ({ windowWidth: 375, pixelRatio: 2 }),
  getStorageSync: (key: string): unknown => storage.get(key) ?? '',
  setStorageSync: (key: string, value: unknown): void => {
    storage.set(key, value)
  },
  removeStorageSync: (key: string): void => {
    storage.delete(key)
  },
}

export default Taro
