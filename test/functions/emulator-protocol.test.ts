// Wire-level facts the emulator relies on, pinned as tests: the openapi protobuf vector captured from
// wx-server-sdk 4.0.2, and the static H5 server (content types, index.html fallback, gzip).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { decodeCommApiData } from '../../emulator/tcb/openapi-protobuf'
import { startTestEmulator, type TestEmulator } from './helpers/emulator'

test('CommApiData of wxacode.getUnlimited({scene:"a=1"}) as the SDK encodes it', () => {
  const { pairs } = decodeCommApiData(Buffer.from('080012100a0e0a057363656e65120522613d3122', 'hex'))
  expect(pairs.map((p) => [p.key, Buffer.from(p.value).toString()])).toEqual([['scene', '"a=1"']])
})

describe('static H5 files', () => {
  let t: TestEmulator
  const staticDir = mkdtempSync(join(tmpdir(), 'emu-static-'))

  beforeAll(async () => {
    mkdirSync(join(staticDir, 'js'))
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>h5</title>')
    writeFileSync(join(staticDir, 'js', 'app.js'), `console.log(${JSON.stringify('x'.repeat(2000))})`)
    t = await startTestEmulator({ staticDir })
  })
  afterAll(async () => {
    await t.stop()
    rmSync(staticDir, { recursive: true, force: true })
  })

  const get = (path: string, gzip = false) =>
    new Promise<{ status: number; type: string; encoding: string; body: Buffer }>((resolve, reject) => {
      const req = request(`${t.emu.url}${path}`, { headers: gzip ? { 'accept-encoding': 'gzip' } : {} }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            type: String(res.headers['content-type']),
            encoding: String(res.headers['content-encoding'] ?? ''),
            body: Buffer.concat(chunks),
          }),
        )
      })
      req.on('error', reject)
      req.end()
    })

  test('files get their content type; gzip when asked', async () => {
    const js = await get('/js/app.js', true)
    expect(js.status).toBe(200)
    expect(js.type).toMatch(/^application\/javascript/)
    expect(js.encoding).toBe('gzip')
    expect(gunzipSync(js.body).toString()).toContain('console.log')
  })

  test('unknown non-API paths fall back to index.html; unknown API paths do not', async () => {
    const page = await get('/pages/mine/index?x=1')
    expect(page.status).toBe(200)
    expect(page.type).toMatch(/^text\/html/)
    expect(page.body.toString()).toContain('<title>h5</title>')
    expect((await get('/api/nothing')).status).toBe(404)
  })
})
