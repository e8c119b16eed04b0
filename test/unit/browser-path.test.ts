// Where the browser tests look for Chrome, Chromium or Edge on each developer's platform, and when
// the test script may use apt-get (scripts/browser-path.ts).
import { browserCandidates, findBrowser, installHint, isDebianLike } from '../../scripts/browser-path'

const only =
  (...paths: string[]) =>
  (path: string) =>
    paths.includes(path)

describe('findBrowser', () => {
  test.each([
    ['macOS with Chrome', 'darwin', {}, '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'],
    ['macOS with only Edge', 'darwin', {}, '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'],
    [
      'macOS with Chromium in the user’s Applications',
      'darwin',
      { HOME: '/Users/li' },
      '/Users/li/Applications/Chromium.app/Contents/MacOS/Chromium',
    ],
    [
      'Windows with Chrome under Program Files',
      'win32',
      { PROGRAMFILES: 'C:\\Program Files' },
      'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    ],
    [
      'Windows with only Edge (x86 folder)',
      'win32',
      { PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' },
      'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
    ],
    [
      'Windows with a per-user Chrome',
      'win32',
      { LOCALAPPDATA: 'C:\\Users\\li\\AppData\\Local' },
      'C:\\Users\\li\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe',
    ],
    ['Debian with chromium', 'linux', {}, '/usr/bin/chromium'],
    ['Ubuntu with the snap', 'linux', {}, '/snap/bin/chromium'],
    ['Fedora with Chrome', 'linux', {}, '/usr/bin/google-chrome'],
  ] as const)('%s', (_label, platform, env, installed) => {
    expect(findBrowser({ platform, env, exists: only(installed) })).toEqual({
      found: true,
      path: installed,
      from: 'installed',
    })
  })

  test('Chrome wins over Edge when both are installed (the order of the candidates)', () => {
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'
    const edge = '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'
    expect(findBrowser({ platform: 'darwin', env: {}, exists: only(edge, chrome) })).toMatchObject({ path: chrome })
  })

  test('a path in CHROME_PATH wins over everything installed; CHROMIUM_PATH is read too', () => {
    const env = { CHROME_PATH: '/opt/chrome/chrome' }
    expect(findBrowser({ platform: 'linux', env, exists: () => true })).toEqual({
      found: true,
      path: '/opt/chrome/chrome',
      from: 'CHROME_PATH',
    })
    expect(findBrowser({ platform: 'linux', env: { CHROMIUM_PATH: '/x/chromium' }, exists: () => true })).toMatchObject(
      {
        path: '/x/chromium',
        from: 'CHROMIUM_PATH',
      },
    )
  })

  test('a named path that does not exist is an error, not a silent fallback', () => {
    const found = findBrowser({ platform: 'linux', env: { CHROME_PATH: '/nope' }, exists: only('/usr/bin/chromium') })
    expect(found).toMatchObject({ found: false, tried: ['/nope'] })
    expect(!found.found && found.hint).toContain('CHROME_PATH=/nope does not exist')
  })

  test.each([
    ['darwin', /brew install --cask chromium/],
    ['win32', /Microsoft Edge/],
    ['linux', /apt-get install chromium/],
  ] as const)('nothing installed on %s: says what to install', (platform, hint) => {
    const found = findBrowser({ platform, env: { PROGRAMFILES: 'C:\\Program Files' }, exists: () => false })
    expect(found.found).toBe(false)
    expect(!found.found && found.tried).toEqual(browserCandidates(platform, { PROGRAMFILES: 'C:\\Program Files' }))
    expect(installHint(platform)).toMatch(hint)
  })
})

describe('isDebianLike', () => {
  test.each([
    ['Debian', 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n', true],
    ['Ubuntu', 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n', true],
    ['Linux Mint', 'ID=linuxmint\nID_LIKE="ubuntu debian"\n', true],
    ['Fedora', 'ID=fedora\n', false],
    ['Alpine', 'ID=alpine\n', false],
    ['Arch', 'ID=arch\nID_LIKE=archlinux\n', false],
    ['no os-release (macOS, Windows)', null, false],
  ] as const)('%s', (_label, osRelease, expected) => {
    expect(isDebianLike(osRelease)).toBe(expected)
  })
})
