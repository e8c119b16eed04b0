// Runs the real wx-server-sdk storage calls (uploadFile, getTempFileURL, downloadFile, deleteFile) against
// a logging HTTP server and prints every request and what the SDK hands back, so the emulator's storage
// handlers follow observed wire shapes (cloudbase-protocol.md §3) instead of guesses.
// Usage: npx tsx emulator/dev/capture-storage-shapes.ts
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

const FILE_ID = 'cloud://local.6c6f-local-1250000000/dir/中 文.bin'
const xmlError = (code: string, message: string): string =>
  `<?xml version='1.0' encoding='utf-8' ?><Error><Code>${code}</Code><Message>${message}</Message><Resource>/r</Resource><RequestId>cosreq</RequestId><TraceId>trace</TraceId></Error>`

async function main(): Promise<void> {
  let base = ''
  const server = createServer(async (req, res) => {
    const body = await readBody(req)
    if (req.url?.startsWith('/cos/')) {
      const { authorization, signature, key, 'x-cos-security-token': token, 'x-cos-meta-fileid': cos } = req.headers
      console.log('COS', req.method, req.url, JSON.stringify({ authorization, signature, key, token, cos }))
      console.log('   body bytes', body.length, 'transfer-encoding', req.headers['transfer-encoding'])
      if (req.method === 'PUT' && req.url.includes('fail')) {
        res.writeHead(400, { 'content-type': 'application/xml' })
        res.end(xmlError('EntityTooLarge', 'too big'))
        return
      }
      if (req.method === 'GET' && req.url.includes('missing')) {
        res.writeHead(404, { 'content-type': 'application/xml' })
        res.end(xmlError('NoSuchKey', 'gone'))
        return
      }
      res.writeHead(200)
      res.end(req.method === 'GET' ? Buffer.from([0, 1, 2, 255]) : '')
      return
    }
    const json = JSON.parse(body.toString('utf8')) as Record<string, unknown>
    for (const k of [
      'envName',
      'wxCloudApiToken',
      'wxCloudbaseAccesstoken',
      'tcb_sessionToken',
      'crossAuthorizationToken',
    ])
      delete json[k]
    console.log('JSON', JSON.stringify(json))
    let reply: unknown = { requestId: 'r' }
    if (json.action === 'storage.getUploadMetadata') {
      const path = String(json.path)
      reply = {
        requestId: 'r',
        data: {
          url: `${base}/cos/${encodeURIComponent(path)}`,
          token: 't',
          authorization: 'sig',
          fileId: `cloud://local.6c6f-local-1250000000/${path}`,
          cosFileId: 'cid',
        },
      }
    }
    if (json.action === 'storage.batchGetDownloadUrl') {
      const list = json.file_list as { fileid: string }[]
      reply = {
        requestId: 'r',
        data: {
          download_list: list.map((f) =>
            f.fileid.includes('missing') && !f.fileid.includes('served')
              ? { fileID: f.fileid, code: 'STORAGE_FILE_NONEXIST', message: 'file not exists' }
              : {
                  fileID: f.fileid,
                  tempFileURL: `${base}/cos/${f.fileid.split('/').slice(3).join('/')}?sign=s&t=1`,
                  code: 'SUCCESS',
                  maxAge: 600,
                },
          ),
        },
      }
    }
    if (json.action === 'storage.batchDeleteFile') {
      const list = json.fileid_list as string[]
      reply = {
        requestId: 'r',
        data: {
          delete_list: list.map((f) =>
            f.includes('missing')
              ? { fileID: f, code: 'STORAGE_FILE_NONEXIST', message: 'file not exists' }
              : { fileID: f, code: 'SUCCESS' },
          ),
        },
      }
    }
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify(reply))
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  Object.assign(process.env, {
    TENCENTCLOUD: 'true',
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${base}/tcb` }),
    TENCENTCLOUD_SECRETID: 'x',
    TENCENTCLOUD_SECRETKEY: 'y',
    TCB_ENV: 'local',
    SCF_NAMESPACE: 'local',
  })
  const cloud = require('wx-server-sdk')
  cloud.init({ env: 'local' })
  const step = async (name: string, fn: () => Promise<unknown>): Promise<void> => {
    console.log(`--- ${name}`)
    try {
      const out = await fn()
      console.log(
        '  ->',
        JSON.stringify(out, (_k, v) => (v?.type === 'Buffer' ? `<Buffer ${v.data}>` : v)),
      )
    } catch (e) {
      const err = e as { errCode?: number; errMsg?: string; code?: string; message?: string }
      console.log('  (threw)', JSON.stringify({ errCode: err.errCode, errMsg: err.errMsg, code: err.code }))
    }
  }
  await step('uploadFile', () => cloud.uploadFile({ cloudPath: 'dir/中 文.bin', fileContent: Buffer.from([1, 2, 3]) }))
  await step('uploadFile xml error', () => cloud.uploadFile({ cloudPath: 'fail.bin', fileContent: Buffer.from('x') }))
  await step('getTempFileURL', () =>
    cloud.getTempFileURL({ fileList: [FILE_ID, { fileID: 'cloud://x/missing', maxAge: 60 }] }),
  )
  await step('downloadFile', () => cloud.downloadFile({ fileID: FILE_ID }))
  await step('downloadFile nonexist item', () => cloud.downloadFile({ fileID: 'cloud://x/missing' }))
  await step('downloadFile 404 on GET', () => cloud.downloadFile({ fileID: 'cloud://x/served-missing' }))
  await step('deleteFile', () => cloud.deleteFile({ fileList: [FILE_ID, 'cloud://x/missing'] }))
  server.close()
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
