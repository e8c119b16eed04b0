// The 发展党员 reminder run ('dueScan') held to a time budget: run with no budget at all (each run sends only
// its first item, then stops), runs continue where the last stopped — every due item of every branch goes
// to its secretary exactly once — and a run after the last sends nothing. The run is the function's own code
// over the real wx-server-sdk against the emulator (store and openapi); only the budget is the test's, as the
// deployed timer passes DUE_SCAN_BUDGET_MS.
import { dueScan } from '../../cloudfunctions/lifecycle/due-scan'
import { cloudFiles } from '../../cloudfunctions/runtime/files'
import { cloudFunctions } from '../../cloudfunctions/runtime/functions'
import { cloudMessaging } from '../../cloudfunctions/runtime/messaging'
import type { Ports } from '../../cloudfunctions/runtime/ports'
import { cloudStore } from '../../cloudfunctions/runtime/store'
import { as, type DemoEmulator, startDemoEmulator } from './helpers/demo'
import { dueSendsOf, DUE_TEMPLATE as TEMPLATE } from './helpers/due-sends'

let t: DemoEmulator
const NOW = new Date('2026-12-10T07:30:00+08:00').getTime()

beforeAll(async () => {
  t = await startDemoEmulator({ at: NOW })
}, 60_000)
afterAll(() => t.stop())

const dueSends = () => dueSendsOf(t)

it('runs with no budget each send their first item and stop; the next runs continue until every item went once', async () => {
  // Every branch's due list, and its secretary subscribed for each item (one credit per item).
  const tree = await t.callOk(as.bureau, 'roster', 'tree', {})
  const expected: string[] = []
  for (const branch of tree.nodes.filter((node) => node.kind === 'branch')) {
    const due = await t.callOk(as.bureau, 'lifecycle', 'developmentDue', { branchId: branch.id })
    if (due.items.length === 0) continue
    const roster = await t.callOk(as.bureau, 'roster', 'listMembers', { branchId: branch.id, pageSize: 50 })
    const secretary = roster.items.find((row) => row.committeePosition === 'secretary')
    if (!secretary) continue
    for (const _ of due.items) {
      await t.callOk(`o_demo_${secretary.id}`, 'meetings', 'subscribe', { templateIds: [TEMPLATE] })
    }
    expected.push(...due.items.map((item) => `subpackages/lifecycle/pages/file/index?id=${item.fileId}`))
  }
  // The demo has due items in more than one branch, more than one in some.
  expect(expected.length).toBeGreaterThanOrEqual(3)

  const ports: Ports = {
    store: cloudStore(),
    files: cloudFiles(),
    functions: cloudFunctions(),
    messaging: cloudMessaging(),
    clock: { now: () => NOW },
  }
  const runs: { sent: number; unfinished: number; failed: number }[] = []
  for (let n = 0; n < expected.length + 2; n++) {
    const run = await dueScan(ports, { budgetMs: 0 })
    runs.push(run)
    if (run.unfinished === 0) break
  }
  // The first run stopped short and said so; no run sent nothing while work was left; the last finished.
  expect(runs[0].sent).toBeGreaterThanOrEqual(1)
  expect(runs[0].sent).toBeLessThan(expected.length)
  expect(runs[0].unfinished).toBeGreaterThanOrEqual(1)
  expect(runs.every((run) => run.sent >= 1 && run.failed === 0)).toBe(true)
  expect(runs.at(-1)?.unfinished).toBe(0)
  expect(runs.length).toBeGreaterThan(1)

  const pages = (await dueSends()).map((entry) => String(entry.params.page))
  expect(pages.sort()).toEqual([...expected].sort())
  expect(runs.reduce((sum, run) => sum + run.sent, 0)).toBe(expected.length)

  // Nothing is left: the next run (the deployed budget) sends nothing more.
  expect(await dueScan(ports)).toMatchObject({ sent: 0, unfinished: 0, failed: 0 })
  expect(await dueSends()).toHaveLength(expected.length)
})
