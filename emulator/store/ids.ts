import { randomBytes } from 'node:crypto'

// CloudBase generates 32-hex-char ids. A time prefix plus a counter keeps generated ids increasing,
// so nedb's _id-ordered scan returns documents in insertion order, like CloudBase's natural order.
const processSalt = randomBytes(4).toString('hex')
let counter = randomBytes(3).readUIntBE(0, 3)

export function newDocumentId(nowMs: number = Date.now()): string {
  counter = (counter + 1) % 0xffffffff
  const seconds = Math.floor(nowMs / 1000)
    .toString(16)
    .padStart(8, '0')
  return `${seconds}${processSalt}${counter.toString(16).padStart(8, '0')}${randomBytes(4).toString('hex')}`
}

export function newRequestId(): string {
  return randomBytes(8).toString('hex')
}
