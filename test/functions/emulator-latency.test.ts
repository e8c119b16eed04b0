// Injected latency (benches of the timers): each database request and openapi call waits the given
// milliseconds before the emulator answers; none by default. Only lower bounds are asserted: a wait is a floor.
import { parseLatency } from '../../emulator/latency'
import { startTestEmulator, type TestEmulator } from './helpers/emulator'

let t: TestEmulator
beforeAll(async () => {
  t = await startTestEmulator({ latency: { db: 80 } })
  await t.db.createCollection('latency_probe')
})
afterAll(() => t.stop())

it('holds every database request for the configured time', async () => {
  const started = performance.now()
  await t.db.collection('latency_probe').add({ data: { _id: 'p1' } })
  await t.db.collection('latency_probe').where({ _id: 'p1' }).get()
  expect(performance.now() - started).toBeGreaterThanOrEqual(160)
})

it.each([
  ['db=15,openapi=120', { db: 15, openapi: 120 }],
  ['openapi=50', { db: 0, openapi: 50 }],
  ['', { db: 0, openapi: 0 }],
])('reads --latency %j', (text, latency) => {
  expect(parseLatency(text)).toEqual(latency)
})

it.each(['db=fast', 'cpu=10', 'db=-1'])('refuses --latency %j', (text) => {
  expect(() => parseLatency(text)).toThrow(/--latency/)
})
