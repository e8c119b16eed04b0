/**
 * Is the weapp build one the platform accepts? Reads dist/ as WeChat DevTools
 * would upload it and fails on what a real client or the review would refuse:
 * a page listed without its files, tab icons over 40 KB or not 81×81 px, a
 * private API (位置 etc.) the code calls without `requiredPrivateInfos` and its
 * permission text, or H5-only code (the dev gateway, the persona picker) in the
 * package. `npx tsx scripts/check-weapp.ts`; `npm test` runs it after the build.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { isMain } from './is-main'

const root = join(__dirname, '..')

interface AppJson {
  pages: string[]
  subPackages?: { root: string; pages: string[] }[]
  tabBar?: { list: { pagePath: string; iconPath?: string; selectedIconPath?: string }[] }
  requiredPrivateInfos?: string[]
  permission?: Record<string, { desc?: string }>
}

/**
 * The private APIs the platform makes an app declare in requiredPrivateInfos, and the
 * permission scope each needs a description for (公众平台 → 用户隐私保护指引).
 */
export const PRIVATE_APIS: Record<string, string | null> = {
  getLocation: 'scope.userLocation',
  getFuzzyLocation: 'scope.userFuzzyLocation',
  onLocationChange: 'scope.userLocation',
  startLocationUpdate: 'scope.userLocation',
  startLocationUpdateBackground: 'scope.userLocationBackground',
  chooseLocation: null,
  choosePoi: null,
  chooseAddress: null,
}

/** Markers of code that must never ship in the mini-program: the emulator's gateway and dev pages. */
export const H5_ONLY_MARKERS = ['/api/functions/', '/api/_emulator/', 'x-wx-openid', 'subpackages/dev/']

/** Width and height of a PNG from its IHDR chunk (bytes 16–23). */
export function pngSize(png: Buffer): { width: number; height: number } | null {
  if (png.length < 24 || png.subarray(1, 4).toString('latin1') !== 'PNG') return null
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) }
}

/** Private APIs a source text calls as `Taro.x(` or `wx.x(`. */
export function privateApisCalled(source: string): string[] {
  return Object.keys(PRIVATE_APIS).filter((api) => new RegExp(`\\b(?:Taro|wx)\\.${api}\\s*\\(`).test(source))
}

function filesUnder(dir: string, pattern: RegExp): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path, pattern) : pattern.test(name) ? [path] : []
  })
}

/** Every problem with the weapp build in `dist`, given the app's sources in `src`. */
export function weappProblems(dist: string, src: string): string[] {
  const problems: string[] = []
  const appPath = join(dist, 'app.json')
  if (!existsSync(appPath)) return [`${appPath} is missing: build the weapp first`]
  const app = JSON.parse(readFileSync(appPath, 'utf8')) as AppJson

  const pages = [
    ...app.pages,
    ...(app.subPackages ?? []).flatMap((pkg) => pkg.pages.map((page) => `${pkg.root}/${page}`)),
  ]
  for (const page of pages) {
    for (const ext of ['js', 'json', 'wxml']) {
      if (!existsSync(join(dist, `${page}.${ext}`))) problems.push(`page ${page} has no ${page}.${ext}`)
    }
  }

  for (const tab of app.tabBar?.list ?? []) {
    if (!app.pages.includes(tab.pagePath)) problems.push(`tab ${tab.pagePath} is not a main-package page`)
    for (const icon of [tab.iconPath, tab.selectedIconPath]) {
      if (!icon) continue
      const path = join(dist, icon)
      if (!existsSync(path)) {
        problems.push(`tab icon ${icon} is missing`)
        continue
      }
      const bytes = readFileSync(path)
      if (bytes.length > 40 * 1024) problems.push(`tab icon ${icon} is ${Math.round(bytes.length / 1024)} KB (≤ 40 KB)`)
      const size = pngSize(bytes)
      if (!size) problems.push(`tab icon ${icon} is not a PNG`)
      else if (size.width !== 81 || size.height !== 81)
        problems.push(`tab icon ${icon} is ${size.width}×${size.height} px (81×81 recommended by the platform)`)
    }
  }

  const called = new Set(
    filesUnder(src, /\.(ts|tsx)$/)
      .filter((file) => !/\.h5\.tsx?$/.test(file))
      .flatMap((file) => privateApisCalled(readFileSync(file, 'utf8'))),
  )
  const declared = new Set(app.requiredPrivateInfos ?? [])
  for (const api of called) {
    if (!declared.has(api)) problems.push(`the app calls ${api} but app.json's requiredPrivateInfos does not list it`)
    const scope = PRIVATE_APIS[api]
    if (scope && !app.permission?.[scope]?.desc?.trim())
      problems.push(
        `the app calls ${api} but app.json has no permission["${scope}"].desc (the reason shown to the user)`,
      )
  }
  for (const api of declared) {
    if (!called.has(api))
      problems.push(`requiredPrivateInfos lists ${api}, which no code calls (declare only what the app uses)`)
  }

  if (existsSync(join(dist, 'subpackages', 'dev')))
    problems.push('the dev persona picker (subpackages/dev) is in the weapp build')
  for (const file of filesUnder(dist, /\.(js|json|wxml)$/)) {
    const text = readFileSync(file, 'utf8').toLowerCase()
    for (const marker of H5_ONLY_MARKERS) {
      if (text.includes(marker)) problems.push(`${relative(dist, file)} contains H5-only code (${marker})`)
    }
  }
  return problems
}

if (isMain(module)) {
  const problems = weappProblems(join(root, 'dist'), join(root, 'src'))
  for (const problem of problems) console.error(`weapp: ${problem}`)
  if (problems.length === 0)
    console.log('weapp build: pages, tab icons, private-API declarations and H5-only code all fine')
  process.exit(problems.length === 0 ? 0 : 1)
}
