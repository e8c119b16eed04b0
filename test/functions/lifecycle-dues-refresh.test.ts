// A new 党费标准 reaches the bureau's stored figures through the hourly duesRefresh timer, on the demo
// county at 2026-12-10 10:00: until it runs the bureau is told the figures are being updated; after it the
// county's rate and the 6-month list follow the new schedule; a run with nothing asked does nothing, a save
// landing mid-pass restarts the pass, and a client cannot run the timer. A branch's roster import puts its
// new members in the branch's figures in the same call.
import { xlsxOf } from '../support/sheet-rows'
import { as, type DemoEmulator, startDemoEmulator } from './helpers/demo'

let t: DemoEmulator
const NOW = new Date('2026-12-10T10:00:00+08:00').getTime()
beforeAll(async () => {
  t = await startDemoEmulator({ at: NOW })
})
afterAll(() => t.stop())

const figures = () => t.callOk(as.bureau, 'lifecycle', 'duesCollection', { year: 2026, page: 1, pageSize: 50 })
const countyArrears = async () => (await t.callOk(as.bureau, 'lifecycle', 'duesArrears', {})).items
const refresh = () =>
  t.emu.fireTrigger('lifecycle', 'duesRefresh') as Promise<{
    tenants: number
    branches: number
    failed: number
    done: boolean
  }>

test('a branch imports two members who joined years ago: the bureau sees them owed this year at once', async () => {
  const shiyan = async () => (await figures()).branches.find((branch) => branch.branchId === 'org_b_shiyan')
  const before = await shiyan()
  const sheet = await xlsxOf('花名册', [
    ['姓名', '性别', '人员类别', '入党日期', '转正日期', '党小组', '手机号码'],
    ['赵春梅', '女', '正式党员', '2015年7月1日', '', '低年级党小组', '13911110001'],
    ['钱立新', '男', '正式党员', '2012年7月1日', '', '高年级党小组', '13911110002'],
  ])
  const { fileID } = (await t.cloud.uploadFile({
    cloudPath: 'imports/t_demo/m_shiyan_01/dues-refresh.xlsx',
    fileContent: sheet,
  })) as { fileID: string }
  const preview = await t.callOk(as.secretary, 'roster', 'previewImport', { fileID, branchId: 'org_b_shiyan' })
  expect(await t.callOk(as.secretary, 'roster', 'confirmImport', { importId: preview.importId })).toMatchObject({
    status: 'done',
    created: 2,
  })
  const after = await shiyan()
  // Eleven closed months (January to November) each, and December's running month, owed by both.
  expect(after?.year.owedMonths).toBe((before?.year.owedMonths ?? 0) + 22)
  expect(after?.months[11].owedMonths).toBe((before?.months[11].owedMonths ?? 0) + 2)
  expect((await figures()).refreshing).toBe(false)
})

test('records from October: the bureau sees 更新中 and the old figures until the timer runs, then the new ones', async () => {
  const before = await figures()
  expect(before.refreshing).toBe(false)
  const behind = await countyArrears()
  // The demo county has members 6 months or more behind (since before October) on the bureau's list.
  expect(behind.length).toBeGreaterThan(0)
  expect(behind.every((item) => item.arrears.since !== null && item.arrears.since < '2026-10')).toBe(true)

  const schedule = await t.callOk(as.bureau, 'lifecycle', 'getDuesSchedule')
  await t.callOk(as.bureau, 'lifecycle', 'updateDuesSchedule', { ...schedule, recordsFrom: '2026-10' })

  // Stored figures are still the old ones, and the page says they are being updated.
  const pending = await figures()
  expect(pending.refreshing).toBe(true)
  expect(pending.tenant).toEqual(before.tenant)
  expect(await countyArrears()).toHaveLength(behind.length)

  t.emu.clock.set(new Date('2026-12-10T10:50:00+08:00').getTime())
  const branchCount = (await t.count('orgs', { kind: 'branch' })) as number
  expect(await refresh()).toMatchObject({ tenants: 1, branches: branchCount, done: true })

  const after = await figures()
  expect(after.refreshing).toBe(false)
  // Only October and November are closed months the app keeps: far fewer member-months owed.
  expect(after.tenant.owedMonths).toBeLessThan(before.tenant.owedMonths)
  expect(after.tenant.owedMonths).toBeGreaterThan(0)
  expect(await countyArrears()).toHaveLength(0)

  // Nothing asked: the next run rewrites nothing.
  expect(await refresh()).toMatchObject({ tenants: 0, branches: 0, done: true })
})

test('a save landing while a pass is under way restarts it from the first branch', async () => {
  const schedule = await t.callOk(as.bureau, 'lifecycle', 'getDuesSchedule')
  await t.callOk(as.bureau, 'lifecycle', 'updateDuesSchedule', { ...schedule, recordsFrom: null })
  // As a cut-off pass for an earlier save leaves it: past most branches, answering a save that is not the newest.
  const id = 'refresh:t_demo'
  const run = await t.db.collection('dues_runs').doc(id).get()
  const requestedAt = (run.data as { requestedAt: number }).requestedAt
  await t.db
    .collection('dues_runs')
    .doc(id)
    .update({ data: { passFor: requestedAt - 1, cursor: { tenantId: 't_demo', branchId: 'org_zzzz' } } })

  const branchCount = (await t.count('orgs', { kind: 'branch' })) as number
  expect(await refresh()).toMatchObject({ tenants: 1, branches: branchCount, done: true })
  // Records from January again: the members behind since before October are back on the bureau's list.
  expect((await countyArrears()).length).toBeGreaterThan(0)
  expect((await figures()).refreshing).toBe(false)
})

test('a Timer-shaped event through the gateway is refused and rewrites nothing', async () => {
  const schedule = await t.callOk(as.bureau, 'lifecycle', 'getDuesSchedule')
  await t.callOk(as.bureau, 'lifecycle', 'updateDuesSchedule', { ...schedule, recordsFrom: '2026-11' })
  for (const openid of [as.secretary, as.bureau, undefined]) {
    const res = await t.gateway('lifecycle', { Type: 'Timer', TriggerName: 'duesRefresh' }, openid)
    expect(res.body).toMatchObject({ ok: false, error: { code: 'INPUT.UNKNOWN_ACTION' } })
  }
  expect((await figures()).refreshing).toBe(true)
})

test('a tenant whose refresh fails is logged and counted, and the tenants behind it are refreshed', async () => {
  // The demo county asked for a refresh in the test above. Before it in the queue: a tenant whose member's base
  // cannot be priced (its stored schedule has no brackets), so rewriting its branch throws.
  const add = (collection: string, data: Record<string, unknown>) => t.db.collection(collection).add({ data })
  await add('orgs', { _id: 'org_a_broken', tenantId: 't_a_broken', kind: 'branch', name: '损坏支部', status: 'active' })
  await add('members', {
    _id: 'm_a_broken',
    tenantId: 't_a_broken',
    branchId: 'org_a_broken',
    name: '测试',
    status: 'active',
    memberType: 'formal',
    joinedOn: '2010-07-01',
    grants: [],
  })
  await add('dues_bases', {
    _id: 'm_a_broken:2026',
    tenantId: 't_a_broken',
    memberId: 'm_a_broken',
    branchId: 'org_a_broken',
    year: 2026,
    category: 'employed',
    baseFen: 400_000,
  })
  await add('dues_schedule', { _id: 't_a_broken', employed: null, retired: null, fixedFen: 20 })
  await add('dues_runs', { _id: 'refresh:t_a_broken', kind: 'refresh', done: false, cursor: null, requestedAt: NOW })
  const run = await refresh()
  expect(run).toMatchObject({ tenants: 1, failed: 1 })
  expect((await figures()).refreshing).toBe(false)
  expect(await t.count('dues_runs', { _id: 'refresh:t_a_broken', done: false })).toBe(1)
})
