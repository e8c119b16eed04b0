// 发展党员 reminders: the lifecycle function's daily 'dueScan' timer sends the branch secretary one subscribe
// message per item of the due list (谈话、培养期满一年、预备期届满…), under the tenant's 发展党员待办 template,
// through the real SDK and the emulator's outbox. Two overlapping runs send each item once; a tenant that has
// not configured the template gets nothing (and nothing is claimed, so it goes out once configured); a forged
// timer event from the mini-program is refused with a coded error.
import { SUGGESTED_FIELDS } from '../../types/subscribe-templates'
import { as, type DemoEmulator, startDemoEmulator } from './helpers/demo'
import { DUE_TEMPLATE, dueSendsOf } from './helpers/due-sends'

let t: DemoEmulator
const NOW = new Date('2026-12-10T07:30:00+08:00').getTime()
const OWN = 'org_b_shiyan'
const TEMPLATE = DUE_TEMPLATE
const SECRETARY_OPENID = as.secretary

beforeAll(async () => {
  t = await startDemoEmulator({ at: NOW })
}, 60_000)
afterAll(() => t.stop())

const dueSends = () => dueSendsOf(t)
const claims = () => t.count('reminder_sends', { _id: t.db.RegExp({ regexp: '^dev:' }) })
/** The tenant's 发展党员待办 template, as bureau staff set it in 会议规则 → 订阅消息. */
async function setTemplate(entry: { templateId: string; fields: { keyword: string; value: string }[] }) {
  const rules = await t.callOk(as.bureau, 'meetings', 'getRules', {})
  await t.callOk(as.bureau, 'meetings', 'updateRules', {
    ...rules,
    templates: { ...rules.templates, developmentDue: entry },
  })
}

async function subscribeTimes(n: number) {
  for (let i = 0; i < n; i++) {
    await t.callOk(SECRETARY_OPENID, 'meetings', 'subscribe', { templateIds: [TEMPLATE] })
  }
}

it('a forged dueScan event from the mini-program is refused with a coded error and sends nothing', async () => {
  await subscribeTimes(1)
  for (const openid of [as.secretary, as.bureau, undefined]) {
    const res = await t.gateway('lifecycle', { Type: 'Timer', TriggerName: 'dueScan' }, openid)
    expect(res.body).toMatchObject({ ok: false, error: { code: 'INPUT.UNKNOWN_ACTION' } })
  }
  expect(await dueSends()).toHaveLength(0)
  expect(await claims()).toBe(0)
})

it('a tenant that has not configured the 发展党员待办 template is sent nothing, and nothing is claimed', async () => {
  await setTemplate({ templateId: '', fields: [] })
  await t.emu.fireTrigger('lifecycle', 'dueScan')
  expect(await dueSends()).toHaveLength(0)
  expect(await claims()).toBe(0)
  await setTemplate({ templateId: TEMPLATE, fields: SUGGESTED_FIELDS.developmentDue })
})

it('two overlapping runs send the secretary each due item once, opening the file', async () => {
  const due = await t.callOk(as.secretary, 'lifecycle', 'developmentDue', { branchId: OWN })
  // The demo's 实验小学 has an applicant whose talk is due and a 积极分子 whose year of training ends.
  expect(due.items.length).toBeGreaterThanOrEqual(2)
  // One credit is there from the first test; one more than the items, so credits never run short.
  await subscribeTimes(due.items.length)

  await Promise.all([t.emu.fireTrigger('lifecycle', 'dueScan'), t.emu.fireTrigger('lifecycle', 'dueScan')])
  const sent = (await dueSends()).filter((entry) => entry.params.touser === SECRETARY_OPENID)
  expect(sent.map((entry) => entry.params.page).sort()).toEqual(
    due.items.map((item) => `subpackages/lifecycle/pages/file/index?id=${item.fileId}`).sort(),
  )
  const texts = sent.map((entry) => (entry.params.data as Record<string, { value: string }>).thing1.value)
  for (const item of due.items) {
    // The item's text, fitted to the 20 characters a thing keyword takes.
    expect(texts).toContain(
      Array.from(item.text).length <= 20 ? item.text : `${Array.from(item.text).slice(0, 19).join('')}…`,
    )
  }
  const first = sent[0].params.data as Record<string, { value: string }>
  expect(first.date2.value).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/)
  expect(first.thing3.value).toBe('实验小学党支部')

  // The next morning nothing new is due in 实验小学: nothing is sent again, though a credit is left.
  t.emu.clock.set(NOW + 86_400_000)
  const before = (await dueSends()).length
  await t.emu.fireTrigger('lifecycle', 'dueScan')
  const again = (await dueSends()).slice(before).filter((entry) => entry.params.touser === SECRETARY_OPENID)
  expect(again).toHaveLength(0)
  const credit = await t.db.collection('subscribe_credits').doc(`m_shiyan_01:${TEMPLATE}`).get()
  expect((credit.data as unknown as { credits: number }).credits).toBe(1)
  t.emu.clock.set(NOW)
})

it('a secretary without a credit is not claimed: the item goes out after they subscribe again', async () => {
  const file = await t.callOk(as.secretary, 'lifecycle', 'createDevelopmentFile', {
    branchId: OWN,
    name: '陈晓',
    teachingRole: 'teacher',
    appliedOn: '2026-12-09',
    requestId: 'due-scan-new-file',
  })
  await t.db
    .collection('subscribe_credits')
    .doc(`m_shiyan_01:${TEMPLATE}`)
    .update({ data: { credits: 0 } })
  await t.emu.fireTrigger('lifecycle', 'dueScan')
  const toFile = async () => (await dueSends()).filter((entry) => String(entry.params.page).endsWith(`?id=${file.id}`))
  expect(await toFile()).toHaveLength(0)
  expect(await t.count('reminder_sends', { _id: t.db.RegExp({ regexp: `^dev:${file.id}:` }) })).toBe(0)

  await subscribeTimes(1)
  await t.emu.fireTrigger('lifecycle', 'dueScan')
  const sent = await toFile()
  expect(sent).toHaveLength(1)
  expect((sent[0].params.data as Record<string, { value: string }>).thing1.value).toContain('陈晓')
})

it('a file the rules cannot read fails its own branch alone: the other branches are reminded', async () => {
  // A 城关小学 file damaged in the database (its steps lost): reading it throws.
  await t.db.collection('development_files').add({
    data: {
      _id: 'df_broken',
      tenantId: 't_demo',
      branchId: 'org_b_chengguan',
      name: '损坏',
      stage: 'applicant',
      steps: null,
      reviews: null,
      closed: null,
      updatedAt: NOW,
    },
  })
  const file = await t.callOk(as.secretary, 'lifecycle', 'createDevelopmentFile', {
    branchId: OWN,
    name: '林一',
    teachingRole: 'teacher',
    appliedOn: '2026-12-08',
    requestId: 'due-scan-isolation',
  })
  await subscribeTimes(1)
  const run = (await t.emu.fireTrigger('lifecycle', 'dueScan')) as { failed: number; sent: number }
  expect(run).toMatchObject({ failed: 1, sent: 1 })
  const sent = (await dueSends()).filter((entry) => String(entry.params.page).endsWith(`?id=${file.id}`))
  expect(sent).toHaveLength(1)
})
