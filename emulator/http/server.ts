import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { resolve } from 'node:path'
import type { Clock } from '../clock'
import { FunctionNotFound, type Invoker } from '../functions/invoker'
import { FunctionError } from '../functions/pool'
import type { TriggerScheduler } from '../functions/triggers'
import type { Outbox } from '../outbox'
import type { CloudStorage } from '../storage/cloud-storage'
import type { Store } from '../store/store'
import { handleTcb, type TcbDeps } from '../tcb/dispatch'
import { handleCos } from './cos-routes'
import { readMessageLog } from './message-log'
import { serveStatic } from './static-files'

export interface ServerDeps {
  tcb: TcbDeps
  invoker: Invoker
  triggers: TriggerScheduler
  outbox: Outbox
  clock: Clock
  store: Store
  storage: CloudStorage
  staticDir?: string
  log: (line: string) => void
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolvePromise(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value ?? null)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  })
  res.end(body)
}

function parseJson(raw: Buffer): unknown {
  const text = raw.toString('utf8').trim()
  return text ? (JSON.parse(text) as unknown) : {}
}

// Maps a failed invocation to the gateway's JSON error (the app's dev transport reads errCode/errMsg).
function functionFailure(res: ServerResponse, e: unknown): void {
  if (e instanceof FunctionNotFound) {
    sendJson(res, 404, { errCode: -1, errMsg: e.message, code: 'FUNCTION_NOT_FOUND' })
    return
  }
  if (e instanceof FunctionError) {
    const status = e.code === 'FUNCTIONS_TIME_LIMIT_EXCEEDED' ? 504 : 500
    sendJson(res, status, { errCode: -504002, errMsg: e.message, code: e.code })
    return
  }
  sendJson(res, 500, { errCode: -1, errMsg: e instanceof Error ? e.message : String(e), code: 'EMULATOR_ERROR' })
}

async function admin(deps: ServerDeps, method: string, url: URL, req: IncomingMessage, res: ServerResponse) {
  const path = url.pathname.slice('/api/_emulator/'.length)
  if (method === 'GET' && path === 'health') return sendJson(res, 200, { ok: true, now: deps.clock.now() })
  if (method === 'GET' && path === 'outbox') return sendJson(res, 200, await deps.outbox.list())
  if (method === 'GET' && path === 'functions')
    return sendJson(
      res,
      200,
      deps.invoker.registry.list().map((f) => ({ name: f.name, triggers: f.triggers })),
    )
  if (method === 'POST' && path === 'clock') {
    const body = parseJson(await readBody(req))
    const now = typeof body === 'object' && body !== null && 'now' in body ? body.now : undefined
    if (now !== null && typeof now !== 'number') return sendJson(res, 400, { error: 'body must be {now: number|null}' })
    deps.clock.set(now)
    return sendJson(res, 200, { now: deps.clock.now(), frozen: deps.clock.isFrozen() })
  }
  const trigger = /^triggers\/([^/]+)\/([^/]+)$/.exec(path)
  if (method === 'POST' && trigger?.[1] && trigger[2]) {
    try {
      return sendJson(
        res,
        200,
        await deps.triggers.fire(decodeURIComponent(trigger[1]), decodeURIComponent(trigger[2])),
      )
    } catch (e) {
      if (e instanceof FunctionNotFound || e instanceof FunctionError) return functionFailure(res, e)
      return sendJson(res, 404, { error: e instanceof Error ? e.message : String(e) })
    }
  }
  // The H5 build's stand-in for wx.cloud.uploadFile: where to PUT a file and the fileID it will have,
  // the same two steps the SDK takes (getUploadMetadata, then PUT to /cos/).
  if (method === 'POST' && path === 'upload-target') {
    const body = parseJson(await readBody(req))
    const cloudPath = typeof body === 'object' && body !== null && 'cloudPath' in body ? body.cloudPath : undefined
    if (typeof cloudPath !== 'string' || cloudPath === '')
      return sendJson(res, 400, { error: 'body must be {cloudPath}' })
    return sendJson(res, 200, { fileID: deps.storage.fileIdOf(cloudPath), ...deps.storage.uploadTarget(cloudPath) })
  }
  // 消息记录 (the H5 dev page): ?from=&to= in epoch ms, either may be left out.
  if (method === 'GET' && path === 'messages') {
    const bound = (name: string) => {
      const raw = url.searchParams.get(name)
      return raw && /^\d+$/.test(raw) ? Number(raw) : null
    }
    return sendJson(res, 200, await readMessageLog(deps.store, await deps.outbox.list(), bound('from'), bound('to')))
  }
  if (method === 'GET' && path === 'personas') {
    if (!deps.store.exists('dev_personas')) return sendJson(res, 200, [])
    const coll = await deps.store.collection('dev_personas')
    return sendJson(res, 200, coll.allDocs())
  }
  sendJson(res, 404, { error: `unknown admin endpoint ${method} ${path}` })
}

async function route(deps: ServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  // Storage objects first, on the raw path (see cos-routes.ts for why).
  const [rawPath = '/', rawQuery = ''] = (req.url ?? '/').split(/\?(.*)/s, 2)
  if (rawPath.startsWith('/cos/')) return handleCos(deps.storage, req, res, rawPath.slice('/cos/'.length), rawQuery)
  const url = new URL(req.url ?? '/', 'http://localhost')
  const method = req.method ?? 'GET'
  const path = url.pathname
  if (path === '/tcb' || path.startsWith('/tcb/')) {
    if (method !== 'POST') return sendJson(res, 405, { error: 'POST only' })
    const reply = await handleTcb(deps.tcb, String(req.headers['content-type'] ?? ''), await readBody(req))
    res.writeHead(reply.status, reply.headers)
    res.end(reply.body)
    return
  }
  const fn = /^\/api\/functions\/([^/]+)$/.exec(path)
  if (fn?.[1]) {
    if (method !== 'POST') return sendJson(res, 405, { error: 'POST only' })
    const openid = req.headers['x-wx-openid']
    const caller = typeof openid === 'string' && openid !== '' ? openid : undefined
    const event = parseJson(await readBody(req))
    // wx.cloud.callFunction adds userInfo {appId, openId} to the event; mirror it for bound callers.
    const withUser =
      typeof event === 'object' && event !== null && caller
        ? { ...event, userInfo: { appId: 'wxlocalappid00000', openId: caller } }
        : event
    try {
      // The gateway stands in for wx.cloud.callFunction: the call comes from the mini-program, whatever the body says.
      const json = await deps.invoker.invokeJson(decodeURIComponent(fn[1]), withUser, {
        openid: caller,
        source: 'wx_client',
      })
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
      res.end(json ?? 'null')
    } catch (e) {
      functionFailure(res, e)
    }
    return
  }
  if (path.startsWith('/api/_emulator/')) return admin(deps, method, url, req, res)
  if (path.startsWith('/api/')) return sendJson(res, 404, { error: `no such endpoint ${path}` })
  if ((method === 'GET' || method === 'HEAD') && deps.staticDir) return serveStatic(resolve(deps.staticDir), req, res)
  sendJson(res, 404, { error: `no such endpoint ${method} ${path}` })
}

export function createEmulatorServer(deps: ServerDeps): Server {
  const server = createServer((req, res) => {
    route(deps, req, res).catch((e: unknown) => {
      deps.log(`[http] ${req.method} ${req.url} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`)
      if (!res.headersSent) sendJson(res, 500, { error: e instanceof Error ? e.message : String(e) })
      else res.end()
    })
  })
  // Node closes an idle keep-alive socket after 5 s; a client (fetch, the SDK) that reuses it at that moment
  // reads ECONNRESET. Tests that pause longer than that between calls (reading a seeded year back) on a busy
  // machine met it: idle sockets are kept a minute, as load balancers in front of CloudBase do.
  server.keepAliveTimeout = 60_000
  return server
}
