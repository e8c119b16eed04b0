import type { Clock } from '../clock'
import { FunctionNotFound, type Invoker } from '../functions/invoker'
import { FunctionError } from '../functions/pool'
import { parseMultipart } from '../http/multipart'
import { type Latency, pause } from '../latency'
import type { Outbox } from '../outbox'
import type { CloudStorage } from '../storage/cloud-storage'
import { newRequestId } from '../store/ids'
import {
  addCollection,
  aggregateDocuments,
  calculateDocument,
  type DbContext,
  getDocument,
  insertDocument,
  modifyDocument,
  removeDocument,
} from './database-actions'
import { TcbFailure } from './errors'
import { handleOpenApi } from './openapi'
import { type Body, optStr, str } from './params'
import { storageHandlers } from './storage-actions'

export interface TcbDeps extends DbContext {
  /** Injected delay per database request and openapi call (benches); zero by default. */
  latency: Latency
  invoker: Invoker
  outbox: Outbox
  clock: Clock
  storage: CloudStorage
  log: (line: string) => void
}

export interface HttpReply {
  status: number
  headers: Record<string, string>
  body: string | Uint8Array
}

type Handler = (deps: TcbDeps, body: Body) => Promise<Record<string, unknown>>

// functions.invokeFunction {function_name, request_data:'<JSON>'} → {data:{response_data:'<JSON>'}}.
// The callee runs with the caller's identity (OPENID propagates, as with CloudBase's API token) and,
// as the platform does, the caller's SOURCE chain with `scf` appended (wx_client → wx_client,scf).
const invokeFunction: Handler = async (deps, body) => {
  const caller = deps.invoker.identity(body.wxCloudApiToken)
  const raw = optStr(body, 'request_data')
  const event: unknown = raw ? JSON.parse(raw) : {}
  try {
    const json = await deps.invoker.invokeJson(str(body, 'function_name'), event, {
      openid: caller?.openid,
      nested: caller !== undefined,
      source: caller ? `${caller.source},scf` : 'wx_client',
    })
    return { data: { response_data: json ?? 'null' } }
  } catch (e) {
    if (e instanceof FunctionNotFound)
      throw new TcbFailure('FUNCTIONS_REQUEST_FAIL', `ResourceNotFound.Function: ${e.message}`)
    if (e instanceof FunctionError) throw new TcbFailure('FUNCTIONS_EXECUTE_FAIL', e.message)
    throw e
  }
}

const handlers: Record<string, Handler> = {
  'database.getDocument': getDocument,
  'database.calculateDocument': calculateDocument,
  'database.insertDocument': insertDocument,
  'database.modifyDocument': modifyDocument,
  'database.removeDocument': removeDocument,
  'database.aggregateDocuments': aggregateDocuments,
  'database.addCollection': addCollection,
  // startTransaction answers transactionId at the TOP level (not under data).
  'database.startTransaction': async (deps) => ({ transactionId: deps.txns.start() }),
  'database.commitTransaction': async (deps, body) => {
    await deps.txns.commit(str(body, 'transactionId'))
    return {}
  },
  'database.abortTransaction': async (deps, body) => {
    deps.txns.abort(str(body, 'transactionId'))
    return {}
  },
  'functions.invokeFunction': invokeFunction,
  ...Object.fromEntries(
    Object.entries(storageHandlers).map(([action, handle]): [string, Handler] => [
      action,
      (deps, body) => handle(deps.storage, body),
    ]),
  ),
}

const jsonReply = (value: unknown): HttpReply => ({
  status: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(value),
})

// POST /tcb: success {requestId, ...result}; failure {code, message, requestId}, both HTTP 200.
export async function handleTcb(deps: TcbDeps, contentType: string, raw: Buffer): Promise<HttpReply> {
  const requestId = newRequestId()
  let action = '(unparsed)'
  try {
    if (contentType.includes('multipart/form-data')) {
      const parts = parseMultipart(raw, contentType)
      action = parts.get('action')?.data.toString('utf8') ?? ''
      if (action !== 'wx.openApi')
        throw new TcbFailure('INVALID_PARAM', `emulator: multipart action ${action} not emulated`)
      const apiName = parts.get('apiName')?.data.toString('utf8') ?? ''
      const token = parts.get('wxCloudApiToken')?.data.toString('utf8')
      const caller = deps.invoker.identity(token)
      await pause(deps.latency.openapi)
      const reply = await handleOpenApi(apiName, parts.get('requestData')?.data ?? Buffer.alloc(0), caller ?? {}, deps)
      // The SDK only decodes protobuf when the content-type is not exactly application/json; charset=utf-8.
      return { status: 200, headers: { 'content-type': 'application/octet-stream' }, body: reply.body }
    }
    const parsed: unknown = JSON.parse(raw.toString('utf8'))
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new TcbFailure('INVALID_PARAM', 'body must be a JSON object')
    const body = parsed as Body
    action = typeof body.action === 'string' ? body.action : '(none)'
    const handler = handlers[action]
    if (!handler) throw new TcbFailure('EMULATOR_ACTION_NOT_EMULATED', `emulator: action ${action} is not emulated`)
    if (action.startsWith('database.')) await pause(deps.latency.db)
    return jsonReply({ requestId, ...(await handler(deps, body)) })
  } catch (e) {
    if (e instanceof TcbFailure) {
      if (e.code === 'EMULATOR_ACTION_NOT_EMULATED' || e.code === 'INVALID_PARAM')
        deps.log(`[tcb] ${action}: ${e.message}`)
      return jsonReply({ code: e.code, message: e.message, requestId })
    }
    const message = e instanceof Error ? e.message : String(e)
    deps.log(`[tcb] ${action} failed: ${e instanceof Error ? (e.stack ?? message) : message}`)
    return jsonReply({ code: 'SYS_ERR', message: `emulator: ${action} failed: ${message}`, requestId })
  }
}
