/**
 * Where the browser tests find a Chromium-family browser on a developer's machine.
 * Playwright's own browser download cannot run here (and is not needed): the tests
 * drive an installed Chrome, Chromium or Edge through playwright-core. Pure rules,
 * unit-tested per platform (test/unit/browser-path.test.ts).
 */
export interface BrowserLookup {
  platform: NodeJS.Platform
  env: Record<string, string | undefined>
  exists(path: string): boolean
}

/** The variables a developer may set to name a browser; the first set one wins. */
export const BROWSER_ENV = ['CHROME_PATH', 'CHROMIUM_PATH'] as const

/** Installed browsers to try, most likely first, for one platform. */
export function browserCandidates(platform: NodeJS.Platform, env: BrowserLookup['env']): string[] {
  if (platform === 'darwin') {
    const apps = ['Google Chrome', 'Chromium', 'Microsoft Edge', 'Google Chrome Canary']
    const bundles = apps.map((app) => `${app}.app/Contents/MacOS/${app}`)
    const home = env.HOME
    return [
      ...bundles.map((bundle) => `/Applications/${bundle}`),
      ...(home ? bundles.map((bundle) => `${home}/Applications/${bundle}`) : []),
    ]
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((root): root is string =>
      Boolean(root),
    )
    const apps = [
      'Google\\Chrome\\Application\\chrome.exe',
      'Microsoft\\Edge\\Application\\msedge.exe',
      'Chromium\\Application\\chrome.exe',
    ]
    return apps.flatMap((app) => roots.map((root) => `${root}\\${app}`))
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
    '/snap/bin/chromium',
  ]
}

export type BrowserFound = { found: true; path: string; from: string } | { found: false; tried: string[]; hint: string }

/** The browser to use: a path named in the environment (which must exist), else the first installed candidate. */
export function findBrowser(lookup: BrowserLookup): BrowserFound {
  for (const name of BROWSER_ENV) {
    const named = lookup.env[name]
    if (!named) continue
    if (lookup.exists(named)) return { found: true, path: named, from: name }
    return {
      found: false,
      tried: [named],
      hint: `${name}=${named} does not exist; point it at a Chrome, Chromium or Edge executable`,
    }
  }
  const tried = browserCandidates(lookup.platform, lookup.env)
  const path = tried.find((candidate) => lookup.exists(candidate))
  if (path) return { found: true, path, from: 'installed' }
  return { found: false, tried, hint: installHint(lookup.platform) }
}

/** What to tell a developer with no browser, in their platform's words. */
export function installHint(platform: NodeJS.Platform): string {
  if (platform === 'darwin')
    return 'install Google Chrome (https://www.google.com/chrome/) or `brew install --cask chromium`, or set CHROME_PATH'
  if (platform === 'win32')
    return 'install Google Chrome or Microsoft Edge, or set CHROME_PATH to chrome.exe / msedge.exe'
  return 'install chromium with your package manager (Debian/Ubuntu: `sudo apt-get install chromium`), or set CHROME_PATH'
}

/** Debian and its children (Ubuntu…) by /etc/os-release: only there does the test script apt-get for you. */
export function isDebianLike(osRelease: string | null): boolean {
  if (!osRelease) return false
  const field = (key: string) => new RegExp(`^${key}=["']?([^"'\\n]*)`, 'm').exec(osRelease)?.[1] ?? ''
  return [field('ID'), ...field('ID_LIKE').split(/\s+/)].some((id) => id === 'debian' || id === 'ubuntu')
}
