// A local stand-in for the WeCom group robot's webhook (企业微信群机器人): records every
// message it is sent and can answer 500 a set number of times, so retries are seen.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface FakeRobot {
  /** Every message body received, oldest first, with the wall time it arrived. */
  readonly hits: { body: string; at: number }[]
  /** Answer the next n messages with 500 busy. */
  failNext(n: number): void
  /** Answer every message after this many ms, as a robot across the internet does (0: at once). */
  answerAfter(ms: number): void
  close(): Promise<void>
}

/** Starts the robot and points the meetings function at it (WECOM_WEBHOOK_BASE). */
export async function startFakeRobot(): Promise<FakeRobot> {
  const hits: { body: string; at: number }[] = []
  let failures = 0
  let delayMs = 0
  const server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => {
      body += chunk
    })
    req.on('end', () => {
      hits.push({ body, at: performance.now() })
      const fail = failures > 0
      if (fail) failures--
      setTimeout(() => {
        if (fail) res.writeHead(500).end('busy')
        else res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}')
      }, delayMs)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  process.env.WECOM_WEBHOOK_BASE = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    hits,
    failNext(n) {
      failures = n
    },
    answerAfter(ms) {
      delayMs = ms
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
