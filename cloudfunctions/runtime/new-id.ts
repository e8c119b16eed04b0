import { createHmac, randomBytes } from 'node:crypto'

const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'

/** A random id from an unambiguous alphabet (no 0/O, 1/l/I): safe to read aloud and to put in a URL. */
export function randomCode(length: number): string {
  const bytes = randomBytes(length)
  let code = ''
  for (const byte of bytes) code += ALPHABET[byte % ALPHABET.length]
  return code
}

/**
 * A code of `length` from ALPHABET derived from `secret` and `material` (HMAC-SHA256): the same
 * request gives the same code, which nobody without the server-side secret can compute.
 */
export function keyedCode(secret: string, material: string, length: number): string {
  const bytes = createHmac('sha256', secret).update(material).digest()
  let code = ''
  for (const byte of bytes.subarray(0, length)) code += ALPHABET[byte % ALPHABET.length]
  return code
}

export function newId(prefix: string): string {
  return `${prefix}_${randomCode(14)}`
}
