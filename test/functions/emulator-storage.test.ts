// Cloud storage in the emulator, driven through the REAL wx-server-sdk (uploadFile, getTempFileURL,
// downloadFile, deleteFile) in the test process and inside a function: what comes back is what the SDK
// makes of the wire shapes in cloudbase-protocol.md §3.
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { sdkFailure as failure, startTestEmulator, type TestEmulator } from './helpers/emulator'

/** A named instant for the signed-URL expiry tests (the emulator's clock is frozen there). */
const STORAGE_NOW = Date.parse('2026-11-18T10:00:00+08:00')

const MAX_UPLOAD = 64 * 1024
const FILE_ID_PREFIX = 'cloud://local.6c6f-local-1250000000/'

let t: TestEmulator

// Every byte value, behind a PNG signature, so any text decoding or newline rewriting on the way shows.
function binaryFixture(repeat = 4): Buffer {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i))
  return Buffer.concat([png, ...Array.from({ length: repeat }, () => all), Buffer.from('\r\n\u0000末尾')])
}

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex')

async function upload(cloudPath: string, content: Buffer): Promise<string> {
  const res = await t.cloud.uploadFile({ cloudPath, fileContent: content })
  expect(res.errMsg).toBe('uploadFile:ok')
  return res.fileID
}

async function tempUrl(fileID: string, maxAge?: number): Promise<string> {
  const { fileList } = await t.cloud.getTempFileURL({
    fileList: [maxAge === undefined ? fileID : { fileID, maxAge }],
  })
  expect(fileList[0]?.status).toBe(0)
  return fileList[0]?.tempFileURL ?? ''
}

// A request with its path sent exactly as written.
function rawRequest(method: string, path: string, body?: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(t.emu.url)
  return new Promise((resolve, reject) => {
    const req = request({ method, hostname, port, path }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

// What storage.getUploadMetadata answers, asked the way the SDK asks.
async function uploadTarget(cloudPath: string): Promise<{ url: string; authorization: string }> {
  const res = await fetch(`${t.emu.url}/tcb`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ action: 'storage.getUploadMetadata', path: cloudPath, method: 'put' }),
  })
  const json = (await res.json()) as { data: { url: string; authorization: string } }
  return json.data
}

// Files under a folder, relative, for "nothing was written there" checks.
function filesUnder(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  )
}

beforeAll(async () => {
  t = await startTestEmulator({ maxUploadBytes: MAX_UPLOAD })
})

afterAll(async () => {
  await t.stop()
})

describe('upload and download through the SDK', () => {
  test('a binary file makes the round trip byte for byte and lands on disk under its cloudPath', async () => {
    const content = binaryFixture()
    const fileID = await upload('exports/all-bytes.png', content)
    expect(fileID).toBe(`${FILE_ID_PREFIX}exports/all-bytes.png`)
    const res = await t.cloud.downloadFile({ fileID })
    expect(res.errMsg).toBe('downloadFile:ok')
    expect(res.statusCode).toBe(200)
    expect(Buffer.isBuffer(res.fileContent)).toBe(true)
    expect(Buffer.compare(res.fileContent as Buffer, content)).toBe(0)
    expect(readFileSync(join(t.emu.storageDir, 'exports', 'all-bytes.png')).equals(content)).toBe(true)
  })

  test('uploading to the same cloudPath replaces the file', async () => {
    const fileID = await upload('exports/replace.txt', Buffer.from('first'))
    expect(await upload('exports/replace.txt', Buffer.from('second'))).toBe(fileID)
    expect((await t.cloud.downloadFile({ fileID })).fileContent?.toString()).toBe('second')
  })

  test('Chinese characters and spaces in the cloudPath: SDK download and a plain fetch of the temp URL', async () => {
    const cloudPath = '导出/2024 名单 第一批.xlsx'
    const content = binaryFixture(2)
    const fileID = await upload(cloudPath, content)
    expect(fileID).toBe(`${FILE_ID_PREFIX}${cloudPath}`)
    expect(Buffer.compare((await t.cloud.downloadFile({ fileID })).fileContent as Buffer, content)).toBe(0)

    const url = await tempUrl(fileID)
    expect(url).toContain(`/cos/${cloudPath}?sign=`)
    const res = await fetch(url)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(res.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('2024 名单 第一批.xlsx')}`,
    )
    expect(sha256(new Uint8Array(await res.arrayBuffer()))).toBe(sha256(content))
  })

  test('content types follow the extension; only downloads get content-disposition', async () => {
    const csv = await tempUrl(await upload('types/a.csv', Buffer.from('姓名,电话\n')))
    const png = await tempUrl(await upload('types/a.png', binaryFixture(1)))
    const other = await tempUrl(await upload('types/a.weird', Buffer.from('x')))
    const csvRes = await fetch(csv)
    expect(csvRes.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(csvRes.headers.get('content-disposition')).toMatch(/^attachment; filename="a.csv"/)
    const pngRes = await fetch(png)
    expect(pngRes.headers.get('content-type')).toBe('image/png')
    expect(pngRes.headers.get('content-disposition')).toBeNull()
    expect((await fetch(other)).headers.get('content-type')).toBe('application/octet-stream')
  })

  test('inside a function: upload a built buffer, get the fileID back, download it again', async () => {
    const out = (await t.emu.invoke('storage-roundtrip', { cloudPath: '函数/回环 1.bin', text: '党建' })) as {
      ok: boolean
      fileID: string
      sent: string
      received: string
      size: number
      tempFileURL: string
    }
    expect(out.ok).toBe(true)
    expect(out.fileID).toBe(`${FILE_ID_PREFIX}函数/回环 1.bin`)
    expect(out.received).toBe(out.sent)
    // The test process sees the same object the function stored.
    const { fileContent } = await t.cloud.downloadFile({ fileID: out.fileID })
    expect(fileContent?.length).toBe(out.size)
    expect(sha256(fileContent as Buffer)).toBe(out.sent)
    expect((await fetch(out.tempFileURL)).status).toBe(200)
  })
})

describe("the H5 build's upload route", () => {
  test("upload-target answers a fileID and a PUT URL; the uploaded file is then the SDK's to download", async () => {
    const cloudPath = 'imports/t1/m1/名册 2026.xlsx'
    const target = (await (
      await fetch(`${t.emu.url}/api/_emulator/upload-target`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ cloudPath }),
      })
    ).json()) as { fileID: string; url: string; authorization: string }
    expect(target.fileID).toBe(`${FILE_ID_PREFIX}${cloudPath}`)
    const put = await fetch(target.url, {
      method: 'PUT',
      headers: { authorization: target.authorization },
      body: new Uint8Array(binaryFixture(2)),
    })
    expect(put.status).toBe(200)
    const res = await t.cloud.downloadFile({ fileID: target.fileID })
    expect(sha256(res.fileContent as Buffer)).toBe(sha256(binaryFixture(2)))
  })

  test('a PUT without the handed-out authorization is refused', async () => {
    const put = await fetch(`${t.emu.url}/cos/${encodeURIComponent('imports/x.xlsx')}`, { method: 'PUT', body: 'x' })
    expect(put.status).toBe(403)
  })
})

describe('temp URLs behave like presigned COS URLs', () => {
  let fileID: string
  beforeAll(async () => {
    fileID = await upload('signed/report.pdf', Buffer.from('%PDF-1.4 fake'))
  })
  afterEach(() => t.emu.clock.set(null))

  test('a URL stops working once the emulator clock passes its expiry', async () => {
    const now = STORAGE_NOW
    t.emu.clock.set(now)
    const { fileList } = await t.cloud.getTempFileURL({ fileList: [{ fileID, maxAge: 60 }] })
    expect(fileList[0]?.maxAge).toBe(60)
    const url = fileList[0]?.tempFileURL ?? ''
    expect(new URL(url).searchParams.get('t')).toBe(String(Math.floor(now / 1000) + 60))
    const ok = await fetch(url)
    expect(ok.status).toBe(200)
    expect(ok.headers.get('content-type')).toBe('application/pdf')
    expect(ok.headers.get('content-disposition')).toMatch(/^attachment; filename="report.pdf"/)

    t.emu.clock.set(now + 59_000)
    expect((await fetch(url)).status).toBe(200)
    t.emu.clock.set(now + 61_000)
    const expired = await fetch(url)
    expect(expired.status).toBe(403)
    expect(await expired.text()).toMatch(/<Code>AccessDenied<\/Code><Message>Request has expired<\/Message>/)
  })

  test('getTempFileURL without maxAge lasts a day', async () => {
    const now = STORAGE_NOW
    t.emu.clock.set(now)
    const url = await tempUrl(fileID)
    expect(Number(new URL(url).searchParams.get('t'))).toBe(Math.floor(now / 1000) + 86400)
  })

  test('an altered signature, expiry or path is refused with 403', async () => {
    const url = new URL(await tempUrl(fileID))
    const sign = url.searchParams.get('sign') ?? ''
    const forged = new URL(url)
    forged.searchParams.set('sign', `${sign.slice(0, -1)}${sign.endsWith('0') ? '1' : '0'}`)
    expect((await fetch(forged)).status).toBe(403)
    const longer = new URL(url)
    longer.searchParams.set('t', String(Number(url.searchParams.get('t')) + 1000))
    expect((await fetch(longer)).status).toBe(403)
    const unsigned = new URL(url)
    unsigned.search = ''
    expect((await fetch(unsigned)).status).toBe(403)
    await upload('signed/other.pdf', Buffer.from('other'))
    const otherPath = new URL(url)
    otherPath.pathname = otherPath.pathname.replace('report.pdf', 'other.pdf')
    expect((await fetch(otherPath)).status).toBe(403)
    expect((await fetch(url)).status).toBe(200)
  })
})

describe('missing files and deletion', () => {
  test('getTempFileURL of a missing file or another env gives status -503003 per item', async () => {
    const present = await upload('missing/here.txt', Buffer.from('x'))
    const { fileList } = await t.cloud.getTempFileURL({
      fileList: [
        `${FILE_ID_PREFIX}missing/nope.txt`,
        present,
        'cloud://other-env.6f74-other-env-1250000000/missing/here.txt',
        `${FILE_ID_PREFIX}../outside.txt`,
      ],
    })
    expect(fileList.map((f) => f.status)).toEqual([-503003, 0, -503003, -503003])
    expect(fileList[0]).toMatchObject({
      fileID: `${FILE_ID_PREFIX}missing/nope.txt`,
      errMsg: 'storage file not exists',
      tempFileURL: '',
    })
  })

  test('deleteFile, then downloadFile fails with the SDK error; deleting again reports not-exist', async () => {
    const fileID = await upload('to-delete/deep/a.bin', binaryFixture(1))
    const keep = await upload('to-delete/keep.bin', Buffer.from('keep'))
    const url = await tempUrl(fileID)
    const del = await t.cloud.deleteFile({ fileList: [fileID] })
    expect(del.errMsg).toBe('deleteFile:ok')
    expect(del.fileList).toEqual([{ fileID, status: 0, errMsg: 'ok' }])

    const err = await failure(t.cloud.downloadFile({ fileID }))
    expect(err.errCode).toBe(-1)
    expect(err.code).toBe('STORAGE_FILE_NONEXIST')
    expect(err.errMsg).toBe(`downloadFile:fail storage file not exists: ${fileID}`)
    // A temp URL issued before the delete now finds nothing.
    const gone = await fetch(url)
    expect(gone.status).toBe(404)
    expect(await gone.text()).toContain('<Code>NoSuchKey</Code>')

    const again = await t.cloud.deleteFile({ fileList: [fileID, keep] })
    expect(again.fileList).toEqual([
      { fileID, status: -503003, errMsg: 'storage file not exists' },
      { fileID: keep, status: 0, errMsg: 'ok' },
    ])
    // Emptied folders go with their last file.
    expect(existsSync(join(t.emu.storageDir, 'to-delete'))).toBe(false)
  })
})

describe('refused uploads', () => {
  test.each([
    ['../escape.txt'],
    ['a/../../escape.txt'],
    ['/etc/escape.txt'],
    ['a/./b.txt'],
    ['a//b.txt'],
    ['nul\u0000byte.txt'],
    ['back\\slash.txt'],
    ['..'],
  ])('path traversal or unsafe cloudPath %j is refused with a coded XML error', async (cloudPath) => {
    const before = filesUnder(t.dataDir)
    const err = await failure(t.cloud.uploadFile({ cloudPath, fileContent: Buffer.from('x') }))
    expect(err.errCode).toBe(-1)
    expect(err.code).toBe('STORAGE_REQUEST_FAIL')
    expect(err.errMsg).toMatch(/^uploadFile:fail \[InvalidObjectName\]: emulator: /)
    expect(filesUnder(t.dataDir)).toEqual(before)
  })

  test('a key the temp URL could not carry ("?", "#", "%") is refused up front', async () => {
    const err = await failure(t.cloud.uploadFile({ cloudPath: 'a?b#c%.txt', fileContent: Buffer.from('x') }))
    expect(err.errMsg).toMatch(/^uploadFile:fail \[InvalidObjectName\]: .*"\?", "#" or "%"/)
  })

  test('raw PUTs: traversal in the path and missing authorization get COS XML refusals', async () => {
    // node:http sends the path as written (fetch would fold "%2e%2e" and ".." away before sending).
    for (const path of ['/cos/..%2F..%2Fescape.txt', '/cos/%2e%2e/escape.txt', '/cos/../escape.txt', '/cos/%E4%B8']) {
      const res = await rawRequest('PUT', path, 'x')
      expect(res.status).toBe(400)
      expect(res.body).toMatch(/<Error><Code>(InvalidObjectName|InvalidURI)<\/Code>/)
    }
    const unsigned = await rawRequest('PUT', '/cos/raw.txt', 'x')
    expect(unsigned.status).toBe(403)
    expect(unsigned.body).toContain('<Code>SignatureDoesNotMatch</Code>')
    expect(existsSync(join(t.emu.storageDir, 'raw.txt'))).toBe(false)
    expect((await rawRequest('GET', '/cos/%2e%2e/escape.txt?sign=x&t=1')).status).toBe(400)
  })

  test('an upload over maxUploadBytes is refused and leaves no file or temp file; the limit itself is fine', async () => {
    const err = await failure(
      t.cloud.uploadFile({ cloudPath: 'big/too-big.bin', fileContent: Buffer.alloc(MAX_UPLOAD + 1, 7) }),
    )
    expect(err.errCode).toBe(-1)
    expect(err.errMsg).toMatch(/^uploadFile:fail \[EntityTooLarge\]: /)
    expect(existsSync(join(t.emu.storageDir, 'big'))).toBe(false)
    expect(readdirSync(join(t.dataDir, '.storage-tmp'))).toEqual([])

    const fileID = await upload('big/exactly.bin', Buffer.alloc(MAX_UPLOAD, 7))
    expect((await t.cloud.downloadFile({ fileID })).fileContent?.length).toBe(MAX_UPLOAD)
  })

  test('a declared content-length over the limit is refused before the body is stored', async () => {
    const { url, authorization } = await uploadTarget('big/declared.bin')
    const res = await fetch(url, { method: 'PUT', headers: { authorization }, body: Buffer.alloc(MAX_UPLOAD + 1) })
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('<Code>EntityTooLarge</Code>')
    expect(existsSync(join(t.emu.storageDir, 'big', 'declared.bin'))).toBe(false)
  })
})

// Last: it stops the shared emulator and starts another on the same data dir.
describe('durability', () => {
  test('after a restart on the same data dir the file is still served, old temp URLs included', async () => {
    const content = binaryFixture(3)
    const fileID = await upload('durable/名单.xlsx', content)
    const oldUrl = new URL(await tempUrl(fileID))
    await t.emu.stop()

    const again = await startTestEmulator({ dataDir: t.dataDir, maxUploadBytes: MAX_UPLOAD })
    try {
      const res = await again.cloud.downloadFile({ fileID })
      expect(Buffer.compare(res.fileContent as Buffer, content)).toBe(0)
      // Same secret on disk: the path and signature handed out before the restart still verify.
      const moved = await fetch(`${again.emu.url}${oldUrl.pathname}${oldUrl.search}`)
      expect(moved.status).toBe(200)
      expect(sha256(new Uint8Array(await moved.arrayBuffer()))).toBe(sha256(content))
    } finally {
      await again.stop()
    }
  })
})
