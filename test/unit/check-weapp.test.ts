// The weapp validity check (scripts/check-weapp.ts) against small hand-built dist/ and src/ folders:
// each thing the platform or its review refuses is named; a valid build passes.

import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { pngSize, privateApisCalled, weappProblems } from '../../scripts/check-weapp'

/** A PNG-shaped file of the given size: IHDR, an IDAT of `padding` random bytes, IEND (the rule reads only IHDR). */
function png(width: number, height: number, padding = 0): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    return Buffer.concat([length, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8
  ihdr[9] = 6
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', randomBytes(padding)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

let dir: string
const write = (path: string, content: string | Buffer) => {
  mkdirSync(dirname(join(dir, path)), { recursive: true })
  writeFileSync(join(dir, path), content)
}
const app = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    pages: ['pages/home/index'],
    subPackages: [{ root: 'subpackages/meetings', pages: ['pages/checkin/index'] }],
    tabBar: {
      list: [{ pagePath: 'pages/home/index', iconPath: 'assets/home.png', selectedIconPath: 'assets/home-on.png' }],
    },
    ...extra,
  })

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'check-weapp-'))
  write('dist/app.json', app())
  for (const page of ['pages/home/index', 'subpackages/meetings/pages/checkin/index']) {
    for (const ext of ['js', 'json', 'wxml']) write(`dist/${page}.${ext}`, '')
  }
  write('dist/assets/home.png', png(81, 81))
  write('dist/assets/home-on.png', png(81, 81))
  write('src/pages/home/index.tsx', 'export default function Home() { return null }')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const problems = () => weappProblems(join(dir, 'dist'), join(dir, 'src'))

test('a valid build has no problems', () => {
  expect(problems()).toEqual([])
})

test('a listed page without its files', () => {
  rmSync(join(dir, 'dist/subpackages/meetings/pages/checkin/index.wxml'))
  expect(problems()).toEqual([
    'page subpackages/meetings/pages/checkin/index has no subpackages/meetings/pages/checkin/index.wxml',
  ])
})

test('tab icons: missing, too large, wrong size', () => {
  rmSync(join(dir, 'dist/assets/home-on.png'))
  write('dist/assets/home.png', png(120, 120, 200_000))
  expect(problems()).toEqual([
    'tab icon assets/home.png is 43 KB (≤ 40 KB)'.replace(
      '43',
      String(Math.round(png(120, 120, 200_000).length / 1024)),
    ),
    'tab icon assets/home.png is 120×120 px (81×81 recommended by the platform)',
    'tab icon assets/home-on.png is missing',
  ])
})

test('a private API called without its declaration and permission text; one declared but unused', () => {
  write('src/subpackages/meetings/pages/checkin/index.tsx', 'const at = await Taro.getLocation({ type: "gcj02" })')
  write('dist/app.json', app({ requiredPrivateInfos: ['chooseLocation'] }))
  expect(problems()).toEqual([
    "the app calls getLocation but app.json's requiredPrivateInfos does not list it",
    'the app calls getLocation but app.json has no permission["scope.userLocation"].desc (the reason shown to the user)',
    'requiredPrivateInfos lists chooseLocation, which no code calls (declare only what the app uses)',
  ])
  write(
    'dist/app.json',
    app({
      requiredPrivateInfos: ['getLocation'],
      permission: { 'scope.userLocation': { desc: '用于会议签到时核对是否在会场附近' } },
    }),
  )
  expect(problems()).toEqual([])
})

test('H5-only code: the dev pages or the gateway in the package', () => {
  write('dist/subpackages/dev/pages/persona/index.js', '')
  write('dist/common.js', 'fetch("/api/functions/roster", { headers: { "X-WX-OPENID": id } })')
  expect(problems()).toEqual([
    'the dev persona picker (subpackages/dev) is in the weapp build',
    'common.js contains H5-only code (/api/functions/)',
    'common.js contains H5-only code (x-wx-openid)',
  ])
})

test('pngSize and privateApisCalled', () => {
  expect(pngSize(png(81, 81))).toEqual({ width: 81, height: 81 })
  expect(pngSize(Buffer.from('GIF89a....................'))).toBeNull()
  expect(privateApisCalled('Taro.chooseLocation({})\nwx.getLocation ({})\nconst getLocation = 1')).toEqual([
    'getLocation',
    'chooseLocation',
  ])
})
