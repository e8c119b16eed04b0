import { randomBytes } from 'node:crypto'
import QRCode from 'qrcode'
import type { Clock } from '../clock'
import type { Outbox } from '../outbox'
import { isPlainObject } from '../store/ejson-values'
import { TcbFailure } from './errors'
import { decodeCommApiData, encodeCommOpenApiResp } from './openapi-protobuf'

// wx.openApi: multipart parts action="wx.openApi", apiName, requestData (protobuf CommApiData with one
// pair per top-level param, key snake_case, value JSON text — captured from wx-server-sdk 4.0.2, e.g.
// subscribeMessage.send → pairs touser:'"o1"', page:'"p"', data:'{"thing1":{"value":"x"}}', template_id:'"t"').
// Every call is appended to the outbox before it is answered.

export interface OpenApiReply {
  body: Uint8Array
}

function decodeParams(requestData: Uint8Array): Record<string, unknown> {
  const params: Record<string, unknown> = {}
  for (const pair of decodeCommApiData(requestData).pairs) {
    const text = Buffer.from(pair.value).toString('utf8')
    try {
      params[pair.key] = JSON.parse(text) as unknown
    } catch {
      params[pair.key] = text
    }
  }
  return params
}

const json = (value: Record<string, unknown>): OpenApiReply => ({
  body: encodeCommOpenApiResp({ respData: Buffer.from(JSON.stringify(value)), contentType: 'application/json' }),
})

export async function handleOpenApi(
  apiName: string,
  requestData: Uint8Array,
  caller: { openid?: string; fn?: string },
  deps: { outbox: Outbox; clock: Clock },
): Promise<OpenApiReply> {
  const params = decodeParams(requestData)
  const now = deps.clock.now()
  const known = [
    'subscribeMessage.send',
    'updatableMessage.createActivityId',
    'updatableMessage.setUpdatableMsg',
    'wxacode.getUnlimited',
  ]
  if (!known.includes(apiName)) throw new TcbFailure('INVALID_PARAM', `emulator: openapi ${apiName} is not emulated`)
  // What the platform answers besides ok, kept with the call: the message log ties a card's updates to its activity.
  const result =
    apiName === 'updatableMessage.createActivityId'
      ? {
          activity_id: `emu_activity_${randomBytes(4).toString('hex')}_${now.toString(36)}`,
          expiration_time: Math.floor(now / 1000) + 24 * 3600,
        }
      : undefined
  await deps.outbox.append({
    apiName,
    params,
    time: new Date(now).toISOString(),
    openid: caller.openid,
    function: caller.fn,
    ...(result ? { result } : {}),
  })
  switch (apiName) {
    case 'subscribeMessage.send':
    case 'updatableMessage.setUpdatableMsg':
      return json({ errcode: 0, errmsg: 'ok' })
    case 'updatableMessage.createActivityId':
      return json({ errcode: 0, errmsg: 'ok', ...result })
    default: {
      const scene = isPlainObject(params) && typeof params.scene === 'string' ? params.scene : ''
      const png = await QRCode.toBuffer(scene || ' ', {
        type: 'png',
        width: typeof params.width === 'number' ? params.width : 430,
      })
      return { body: encodeCommOpenApiResp({ respData: png, contentType: 'image/png' }) }
    }
  }
}
