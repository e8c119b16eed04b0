import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

export type Verdict = 'ok' | 'expired' | 'forged'

// Signs upload authorizations and temp download URLs with an HMAC over (purpose, key, expiry), so a URL
// behaves like a COS presigned one: it stops working at its expiry and any edit to it is refused. The
// secret lives in the data dir, so URLs handed out before a restart keep working after it, as on COS.
export class UrlSigner {
  private constructor(private readonly secret: Buffer) {}

  static load(file: string): UrlSigner {
    if (existsSync(file)) {
      const hex = readFileSync(file, 'utf8').trim()
      if (/^[0-9a-f]{64}$/.test(hex)) return new UrlSigner(Buffer.from(hex, 'hex'))
    }
    const secret = randomBytes(32)
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, secret.toString('hex'), { mode: 0o600 })
    return new UrlSigner(secret)
  }

  sign(purpose: 'get' | 'put', key: string, expiresAtS: number): string {
    return createHmac('sha256', this.secret).update(`${purpose}\n${key}\n${expiresAtS}`).digest('hex')
  }

  verify(purpose: 'get' | 'put', key: string, sign: string, expiresAt: string, nowMs: number): Verdict {
    if (!/^\d{1,12}$/.test(expiresAt) || !/^[0-9a-f]{64}$/.test(sign)) return 'forged'
    const expected = Buffer.from(this.sign(purpose, key, Number(expiresAt)), 'hex')
    if (!timingSafeEqual(expected, Buffer.from(sign, 'hex'))) return 'forged'
    return nowMs > Number(expiresAt) * 1000 ? 'expired' : 'ok'
  }
}
