import { BSONRegExp, EJSON } from 'bson'

// The SDK sends every query, update and document as a canonical EJSON string and decodes replies with
// EJSON.parse (relaxed). We parse to plain JS values (Date, number, RegExp) so mingo and nedb can use them,
// and reply in canonical mode ($numberInt/$numberDouble/$date{$numberLong}), which the SDK turns back into
// numbers and Date objects.

export type Doc = Record<string, unknown> & { _id?: unknown }

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

// db.serverDate({offset}) travels as {$tcb_server_date:{offset}}; the server substitutes its own clock,
// which is the emulator clock here (so frozen-clock tests see deterministic dates).
function normalize(value: unknown, nowMs: number): unknown {
  if (value instanceof BSONRegExp) return new RegExp(value.pattern, value.options.replace(/[^imsu]/g, ''))
  if (Array.isArray(value)) return value.map((v) => normalize(v, nowMs))
  if (isPlainObject(value)) {
    const serverDate = value.$tcb_server_date
    if (isPlainObject(serverDate)) {
      const offset = typeof serverDate.offset === 'number' ? serverDate.offset : 0
      return new Date(nowMs + offset)
    }
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[k] = normalize(v, nowMs)
    return out
  }
  return value
}

export function decodeValue(text: string, nowMs: number): unknown {
  return normalize(EJSON.parse(text, { relaxed: true }), nowMs)
}

export function decodeObject(text: string | undefined, nowMs: number, what: string): Doc {
  if (text === undefined || text === '') return {}
  const value = decodeValue(text, nowMs)
  if (!isPlainObject(value)) throw new Error(`${what} must be an object`)
  return value
}

export function encodeDoc(doc: unknown): string {
  return EJSON.stringify(doc as Parameters<typeof EJSON.stringify>[0], { relaxed: false })
}
