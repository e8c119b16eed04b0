/**
 * The 发展党员 journey in the H5 build against the real emulator and its demo seed,
 * through screens only: the 实验小学 secretary opens a file for 陈晓 (applied
 * 2026-11-18), records the talk, the 积极分子 decision, filing and two 培养联系人;
 * the clock moves a year; the 发展对象 decision dated a day early is refused with
 * its message, then recorded; filing, 入党介绍人, 政审, 24 学时 of training,
 * 支委会审查, 公示 and 预审, 入党志愿书, the 支部大会 vote (8 of 9), the talk and
 * the approval → 陈晓 is on the branch roster as 预备党员; with the clock 30 days
 * before the probation ends the due list says so; bureau staff see the branch's
 * counts on 发展党员统计 and download the county's 发展党员登记册, where 陈晓's row carries
 * the milestones' dates and the 入党介绍人 by name. On the way, 陈晓 (not a member) binds
 * through 邀请本人查看 and sees their own file only.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { STEP_NAMES } from '../../types/lifecycle'
import { sheetRows } from '../support/sheet-rows'
import { startE2ESession } from './session'

const SECRETARY = 'o_demo_m_shiyan_01'
const BUREAU = 'o_demo_m_bureau_01'
const at = (day: string) => new Date(`${day}T10:00:00+08:00`).getTime()

jest.setTimeout(300_000)

const session = startE2ESession()

test('a secretary moves an applicant through to 预备党员 and they appear on the roster', async () => {
  const { page } = session.browser
  const [contactA, contactB, introducer] = await Promise.all(
    ['o_demo_m_shiyan_03', 'o_demo_m_shiyan_04', 'o_demo_m_shiyan_05'].map((openid) => session.nameOf(openid)),
  )

  await session.setNow(at('2026-12-10'))
  await session.actAs(SECRETARY)
  await page.getByTestId('mine-entry-development').click()
  await page.getByTestId('dev-due').waitFor()

  // 新建档案: the person and the day the written application came.
  await page.getByTestId('dev-new-file').click()
  await session.typeInto('dev-person-name', '陈晓')
  await session.typeInto('dev-person-applied-on', '2026-11-18')
  await session.submitAndFollow('dev-person-submit', /lifecycle\/pages\/file\/index\?id=/)
  await page.getByTestId('dev-stage').filter({ hasText: '陈晓 · 入党申请人' }).waitFor()

  // 邀请本人查看: 陈晓, not a member, binds a new WeChat and sees only their own file, with nothing to change.
  const fileUrl = page.url()
  await page.getByTestId('dev-invite').click()
  const link = ((await page.getByTestId('dev-invitation-link').textContent()) ?? '').trim()
  expect(link).toMatch(/\/#\/subpackages\/lifecycle\/pages\/accept\/index\?code=[A-Za-z0-9]{16}$/)
  await session.openPicker()
  await page.getByTestId('persona-new-wechat-user').click()
  await page.waitForURL(/#\/pages\/mine\/index/)
  await page.getByTestId('page-state-not-bound').waitFor()
  await page.goto(link)
  await session.typeInto('dev-accept-name', '陈晓')
  await page.getByTestId('dev-accept-submit').click()
  await page.waitForURL(/lifecycle\/pages\/mine\/index/)
  await page.getByTestId('dev-mine').getByTestId('dev-stage').filter({ hasText: '陈晓 · 入党申请人' }).waitFor()
  expect(await page.getByTestId('dev-mine').getByTestId('dev-record-application_talk').count()).toBe(0)
  await session.actAs(SECRETARY)
  await page.goto(fileUrl)
  await page.getByTestId('dev-record-application_talk').waitFor()

  /** From the file, records one of its next steps on `on` (filling what the step carries); back on the file, it is done. */
  async function record(step: keyof typeof STEP_NAMES, on: string, fill?: () => Promise<void>) {
    await page.getByTestId(`dev-record-${step}`).click()
    await page.getByTestId('dev-step-title').filter({ hasText: STEP_NAMES[step] }).waitFor()
    await session.typeInto('dev-step-on', on)
    await fill?.()
    await session.submitAndFollow('dev-step-submit', /lifecycle\/pages\/file\/index\?id=/)
    await page.getByTestId('dev-done-step').filter({ hasText: STEP_NAMES[step] }).filter({ hasText: on }).waitFor()
  }
  const pick = async (name: string) => page.getByTestId('dev-step-person').filter({ hasText: name }).click()

  await record('application_talk', '2026-11-25')
  await record('activist_decision', '2026-12-01')
  await record('activist_filing', '2026-12-02')
  await record('contacts_assigned', '2026-12-02', async () => {
    await pick(contactA)
    await pick(contactB)
  })
  await page.getByTestId('dev-stage').filter({ hasText: '入党积极分子' }).waitFor()
  expect(
    await page.getByTestId('dev-next-step').filter({ hasText: STEP_NAMES.candidate_decision }).textContent(),
  ).toContain('最早可办日期 2027-12-01')

  // A year on. The 发展对象 decision the day before the year is up is refused, with the rule's message.
  await session.setNow(at('2027-12-20'))
  await page.reload()
  await page.getByTestId('dev-record-candidate_decision').click()
  await session.typeInto('dev-step-on', '2027-11-30')
  await page.getByTestId('dev-step-submit').click()
  await page.getByTestId('dev-step-error').filter({ hasText: '还未到该步骤可以进行的日期' }).waitFor()
  await session.typeInto('dev-step-on', '2027-12-01')
  await session.submitAndFollow('dev-step-submit', /lifecycle\/pages\/file\/index\?id=/)
  await page.getByTestId('dev-done-step').filter({ hasText: STEP_NAMES.candidate_decision }).waitFor()

  await record('candidate_filing', '2027-12-02')
  await record('introducers_assigned', '2027-12-02', async () => {
    await pick(contactA)
    await pick(introducer)
  })
  await record('political_review', '2027-12-03')
  await record('intensive_training', '2027-12-05', () => session.typeInto('dev-step-hours', '24'))
  await record('committee_review', '2027-12-06')
  await record('pre_approval', '2027-12-13', async () => {
    await session.typeInto('dev-step-notice-from', '2027-12-07')
    await session.typeInto('dev-step-notice-to', '2027-12-12')
  })
  await record('application_form', '2027-12-14')
  await record('admission_vote', '2027-12-15', async () => {
    await session.typeInto('dev-step-eligible', '9')
    await session.typeInto('dev-step-present', '9')
    await session.typeInto('dev-step-inFavour', '8')
    await page.getByTestId('dev-step-verdict').filter({ hasText: '表决通过' }).waitFor()
  })
  await record('approval_talk', '2027-12-16')
  await record('admission_approval', '2027-12-20')
  await page.getByTestId('dev-stage').filter({ hasText: '陈晓 · 预备党员' }).waitFor()
  expect(await page.getByTestId('dev-probation-end').textContent()).toBe('预备期至 2028-12-15')

  // On the branch roster, typed by nobody: 预备党员.
  await page.goto(`${session.base}/#/subpackages/roster/pages/branch/index?branchId=org_b_shiyan`)
  const row = page.getByTestId('member-row').filter({ hasText: '陈晓' })
  await row.waitFor()
  expect(await row.getByTestId('member-row-type').textContent()).toBe('预备')

  // 30 days before the probation ends, the due list says so.
  await session.setNow(at('2028-11-15'))
  await page.goto(`${session.base}/#/subpackages/lifecycle/pages/development/index?branchId=org_b_shiyan`)
  await page.getByTestId('dev-due-item').filter({ hasText: '陈晓 预备期将于 30 天后届满' }).waitFor()
  await page.screenshot({ path: '/tmp/shots/e2e-lifecycle-due.png', fullPage: true })

  // Bureau staff see the branch's counts.
  await session.actAs(BUREAU)
  await page.getByTestId('mine-entry-pipeline').click()
  await page.getByTestId('chip-year-2027').click()
  const branch = page.getByTestId('pipeline-branch').filter({ hasText: '实验小学党支部' })
  await branch.waitFor()
  expect(await branch.textContent()).toContain('预备党员 1')
  expect(await branch.textContent()).toContain('接收预备党员 1')

  // 导出发展党员登记册: the county's register, downloaded from the same screen.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('pipeline-export-register').click(),
  ])
  expect(download.suggestedFilename()).toMatch(/^发展党员登记册-全县-.*\.xlsx$/)
  const dir = await mkdtemp(join(tmpdir(), 'e2e-register-'))
  try {
    const saved = join(dir, 'register.xlsx')
    await download.saveAs(saved)
    const rows = await sheetRows(saved, '发展党员登记册')
    const headers = rows[0]
    const chen = rows.find((row) => row[headers.indexOf('姓名')] === '陈晓')
    const cell = (header: string) => chen?.[headers.indexOf(header)]
    expect(cell('党支部')).toBe('实验小学党支部')
    expect(cell('当前阶段')).toBe('预备党员')
    expect(cell('递交入党申请书')).toBe('2026-11-18')
    expect(cell('确定为发展对象')).toBe('2027-12-01')
    expect(cell('支部大会接收为预备党员')).toBe('2027-12-15')
    expect(cell('预备期满')).toBe('2028-12-15')
    expect(cell('入党介绍人')).toBe(`${contactA}、${introducer}`)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
})
