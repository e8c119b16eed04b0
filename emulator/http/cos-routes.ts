import type { IncomingMessage, ServerResponse } from 'node:http'
import { pipeline } from 'node:stream/promises'
import type { CloudStorage } from '../storage/cloud-storage'
import { contentHeadersFor } from '../storage/content-headers'
import { CosFailure, cosErrorXml } from '../storage/cos-errors'
import { keyProblem } from '../storage/object-keys'
import { newRequestId } from '../store/ids'

// The COS side of storage: PUT /cos/<encodeURIComponent(key)> from uploadFile, GET/HEAD /cos/<key>?sign=&t=
// from temp URLs. Routed on the raw request path: URL parsing would fold "/cos/.." away before the key is
// checked, and a refusal must come back as COS XML, which is what the SDK parses.

function sendXml(res: ServerResponse, failure: CosFailure, resource: string, requestId: string): void {
  const body = cosErrorXml(failure.code, failure.message, resource, requestId)
  res.writeHead(failure.status, {
    'content-type': 'application/xml',
    'content-length': Buffer.byteLength(body),
    'x-cos-request-id': requestId,
  })
  res.end(body)
}

function decodeKey(rawKey: string): string {
  let key: string
  try {
    key = decodeURIComponent(rawKey)
  } catch {
    throw new CosFailure(400, 'InvalidURI', 'emulator: the object key is not valid percent-encoding')
  }
  const problem = keyProblem(key)
  if (problem) throw new CosFailure(400, 'InvalidObjectName', `emulator: ${problem}`)
  return key
}

// Reads the body to its end (discarding it) so a refusal sent before the upload finished is still
// received by the client instead of a reset connection.
async function drain(req: IncomingMessage): Promise<void> {
  if (req.complete) return
  req.resume()
  await new Promise<void>((done) => {
    req.once('end', done)
    req.once('error', () => done())
    req.once('close', () => done())
  })
}

async function put(storage: CloudStorage, req: IncomingMessage, res: ServerResponse, key: string): Promise<void> {
  const auth = /^emulator t=(\d+)&sign=([0-9a-f]+)$/.exec(String(req.headers.authorization ?? ''))
  const verdict = auth?.[1] && auth[2] ? storage.signer.verify('put', key, auth[2], auth[1], storage.nowMs()) : 'forged'
  if (verdict === 'expired') throw new CosFailure(403, 'AccessDenied', 'Request has expired')
  if (verdict === 'forged')
    throw new CosFailure(
      403,
      'SignatureDoesNotMatch',
      'The Signature you specified does not match (use the authorization from storage.getUploadMetadata)',
    )
  const declared = Number(req.headers['content-length'] ?? Number.NaN)
  if (declared > storage.files.maxUploadBytes)
    throw new CosFailure(
      400,
      'EntityTooLarge',
      `Your proposed upload exceeds the maximum allowed object size (${storage.files.maxUploadBytes} bytes in this emulator).`,
    )
  const size = await storage.files.put(key, req)
  res.writeHead(200, { 'content-length': 0, 'x-cos-request-id': newRequestId(), 'x-emulator-size': String(size) })
  res.end()
}

async function get(
  storage: CloudStorage,
  req: IncomingMessage,
  res: ServerResponse,
  key: string,
  query: URLSearchParams,
): Promise<void> {
  const verdict = storage.signer.verify('get', key, query.get('sign') ?? '', query.get('t') ?? '', storage.nowMs())
  if (verdict === 'expired') throw new CosFailure(403, 'AccessDenied', 'Request has expired')
  if (verdict === 'forged') throw new CosFailure(403, 'AccessDenied', 'Access Denied (bad or missing sign)')
  const file = await storage.files.stat(key)
  if (!file) throw new CosFailure(404, 'NoSuchKey', 'The specified key does not exist.')
  res.writeHead(200, {
    ...contentHeadersFor(key),
    'content-length': file.size,
    'last-modified': new Date(file.mtimeMs).toUTCString(),
    'cache-control': 'no-cache',
    'x-cos-request-id': newRequestId(),
  })
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  try {
    await pipeline(storage.files.open(key), res)
  } catch (e) {
    // A client that hangs up mid-download is not an emulator failure.
    if (!res.destroyed) throw e
  }
}

export async function handleCos(
  storage: CloudStorage,
  req: IncomingMessage,
  res: ServerResponse,
  rawKey: string,
  rawQuery: string,
): Promise<void> {
  const requestId = newRequestId()
  const method = req.method ?? 'GET'
  try {
    const key = decodeKey(rawKey)
    if (method === 'PUT') return await put(storage, req, res, key)
    if (method === 'GET' || method === 'HEAD') return await get(storage, req, res, key, new URLSearchParams(rawQuery))
    throw new CosFailure(405, 'MethodNotAllowed', `emulator: ${method} is not supported on /cos/`)
  } catch (e) {
    if (!(e instanceof CosFailure) || res.headersSent) throw e
    await drain(req)
    sendXml(res, e, `/${rawKey}`, requestId)
  }
}
