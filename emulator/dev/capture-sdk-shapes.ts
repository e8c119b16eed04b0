// Runs the real wx-server-sdk against a logging HTTP server and prints every request body, so the
// emulator's handlers are written against observed wire shapes instead of guesses.
// Usage: npx tsx emulator/dev/capture-sdk-shapes.ts
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

// Minimal plausible replies so the SDK proceeds to the next call.
function reply(action: string): unknown {
  if (action === 'database.getDocument')
    return { requestId: 'r', data: { list: ['{"_id":"d1","n":{"$numberInt":"1"}}'] } }
  if (action === 'database.calculateDocument') return { requestId: 'r', data: { total: 3 } }
  if (action === 'database.insertDocument') return { requestId: 'r', data: { insertedIds: ['d1'] } }
  if (action === 'database.modifyDocument') return { requestId: 'r', data: { updated: 1 } }
  if (action === 'database.removeDocument') return { requestId: 'r', data: { deleted: 1 } }
  if (action === 'database.aggregateDocuments') return { requestId: 'r', data: { list: [] } }
  if (action === 'database.startTransaction') return { requestId: 'r', transactionId: 'txn-1' }
  if (action === 'functions.invokeFunction') return { requestId: 'r', data: { response_data: '{"ok":true}' } }
  return { requestId: 'r' }
}

async function main(): Promise<void> {
  const server = createServer(async (req, res) => {
    const body = await readBody(req)
    const type = req.headers['content-type'] ?? ''
    if (type.includes('multipart')) {
      console.log('MULTIPART', req.url, body.toString('latin1').replace(/\r\n/g, '|'))
      res.writeHead(200, { 'content-type': 'application/octet-stream' })
      res.end(Buffer.alloc(0))
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
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify(reply(String(json.action))))
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as AddressInfo).port
  Object.assign(process.env, {
    TENCENTCLOUD: 'true',
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `http://127.0.0.1:${port}/tcb` }),
    TENCENTCLOUD_SECRETID: 'x',
    TENCENTCLOUD_SECRETKEY: 'y',
    TCB_ENV: 'local',
    SCF_NAMESPACE: 'local',
  })
  const cloud = require('wx-server-sdk')
  cloud.init({ env: 'local' })
  const db = cloud.database()
  const _ = db.command
  const $ = db.command.aggregate
  const c = db.collection('c')
  const step = async (name: string, fn: () => Promise<unknown>): Promise<void> => {
    console.log(`--- ${name}`)
    try {
      await fn()
    } catch (e) {
      console.log('  (threw)', (e as Error).message)
    }
  }
  await step('doc.get', () => c.doc('d1').get())
  await step('where/orderBy/skip/limit/field', () =>
    c
      .where({ a: 1, b: _.gt(2), d: new Date(0), r: db.RegExp({ regexp: '^x', options: 'i' }), f: 1.5 })
      .orderBy('a', 'desc')
      .orderBy('b', 'asc')
      .skip(5)
      .limit(10)
      .field({ a: true, b: false })
      .get(),
  )
  await step('get no limit', () => c.get())
  await step('where or', () => c.where(_.or([{ a: 1 }, { b: _.in([1, 2]) }])).get())
  await step('count', () => c.where({ a: 1 }).count())
  await step('add', () => c.add({ data: { a: 1, when: new Date(0), _id: 'x1', nested: { k: 'v' } } }))
  await step('doc.update ops', () =>
    c.doc('d1').update({
      data: {
        n: _.inc(1),
        arr: _.push([1, 2]),
        o: _.set({ k: 1 }),
        gone: _.remove(),
        s: _.addToSet(3),
        p: _.pull(4),
        plain: 'v',
        'x.y': 2,
        deep: { a: 1 },
      },
    }),
  )
  await step('doc.set', () => c.doc('d1').set({ data: { a: 2 } }))
  await step('where.update', () => c.where({ a: 1 }).update({ data: { b: 2 } }))
  await step('doc.remove', () => c.doc('d1').remove())
  await step('where.remove', () => c.where({ a: 1 }).remove())
  await step('createCollection', () => db.createCollection('newc'))
  await step('aggregate', () =>
    c
      .aggregate()
      .match({ a: _.gt(1) })
      .lookup({ from: 'o', localField: 'a', foreignField: 'b', as: 'os' })
      .group({ _id: '$a', n: $.sum(1) })
      .sort({ n: -1 })
      .skip(1)
      .limit(2)
      .project({ n: 1 })
      .unwind('$os')
      .count('total')
      .end(),
  )
  await step('transaction', () =>
    db.runTransaction(async (t: { collection(n: string): typeof c }) => {
      await t.collection('c').doc('d1').get()
      await t.collection('c').add({ data: { a: 1 } })
      await t
        .collection('c')
        .doc('d1')
        .update({ data: { n: _.inc(1) } })
      await t
        .collection('c')
        .doc('d1')
        .set({ data: { n: 1 } })
      await t.collection('c').doc('d1').remove()
    }),
  )
  await step('callFunction', () => cloud.callFunction({ name: 'echo', data: { a: 1 } }))
  await step('openapi subscribe', () =>
    cloud.openapi.subscribeMessage.send({ touser: 'o1', templateId: 't', page: 'p', data: { thing1: { value: 'x' } } }),
  )
  server.close()
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
