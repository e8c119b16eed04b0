/**
 * The bureau in the H5 build against the emulator's demo seed: 教育局党委 opens
 * 党建督导 from 我的, sees last month's gap on the overview and the trend
 * charts, finds 城关小学党支部's cell for last month marked 未开展 (its first
 * 党小组's 党小组会 missing), reads the legend, exports the matrix, and the
 * downloaded .xlsx holds the same states as the page for every branch.
 */

import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { previousMonth } from '../../cloudfunctions/domain/bureau/rates'
import { periodKeyOf } from '../../cloudfunctions/domain/time'
import type { CellState } from '../../types/compliance'
import { CELL_STATE_LABELS } from '../../types/labels'
import { columnByHeader, sheetRows } from '../support/sheet-rows'
import { asPersona } from './app-pages'
import { startE2ESession } from './session'

const BUREAU = 'o_demo_m_bureau_01'
const CHENGGUAN = 'org_b_chengguan'

jest.setTimeout(120_000)

const session = startE2ESession()
let dir: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'e2e-bureau-'))
})

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

test('bureau staff open the dashboard, see 城关小学 missing a 党小组会 last month, and export the matrix', async () => {
  const { page } = session.browser
  const now = session.now()
  const lastMonth = previousMonth(periodKeyOf(now, 'month'))
  await session.actAs(BUREAU)
  await page.getByTestId('mine-entry-bureau').click()

  // 总览: one branch missed a required meeting last month; the trend is drawn by F2 on a canvas.
  await page.getByTestId('figure-missed').waitFor()
  expect(await page.getByTestId('figure-missed').textContent()).toBe('1上月未按期开展')
  expect(await page.getByTestId('figure-branches').textContent()).toBe('6党支部')
  await page.locator('[data-testid="chart-trend-rates"] canvas').waitFor()

  await page.getByTestId('link-matrix').click()
  await page.getByTestId('matrix').waitFor()
  if (lastMonth.slice(0, 4) !== periodKeyOf(now, 'year')) await page.getByTestId('year-prev').click()
  const cell = page.getByTestId(`cell-${CHENGGUAN}-${lastMonth}`)
  await cell.waitFor()
  expect(await cell.getAttribute('data-state')).toBe('missing')
  expect(await cell.getAttribute('aria-label')).toContain('党小组会（第一党小组）未开展')
  expect(await page.getByTestId('legend-awaiting').textContent()).toContain('待补记录')

  // What the page shows for last month, branch by branch.
  const shown = new Map<string, string>()
  for (const row of await page.locator('[data-testid^="matrix-row-"]').all()) {
    const branchName = (await row.locator('.bureau-matrix__name').textContent()) ?? ''
    const state = (await row.locator(`[data-testid$="-${lastMonth}"]`).getAttribute('data-state')) as CellState
    shown.set(branchName, CELL_STATE_LABELS[state])
  }
  expect(shown.size).toBe(6)

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-matrix').click()])
  expect(download.suggestedFilename()).toMatch(/^三会一课落实情况-\d{4}-.*\.xlsx$/)
  const saved = join(dir, 'matrix.xlsx')
  await download.saveAs(saved)
  const exported = columnByHeader(await sheetRows(saved, '汇总'), lastMonth)
  expect(exported).toEqual(shown)
  expect(exported.get('城关小学党支部')).toBe('未开展')

  // 调阅: tap the cell and read the period's meetings.
  await cell.click()
  await page.getByTestId('cell-state').waitFor()
  expect(await page.getByTestId('cell-state').textContent()).toBe('未开展')
  expect(await page.locator('[data-testid="item-group_meeting"]').allTextContents()).toEqual(
    expect.arrayContaining(['党小组会（第一党小组）未开展', '党小组会（第二党小组）已开展']),
  )
})

test('bureau staff run the data checks: the points totals agree with the ledger, the meeting digests with the meetings', async () => {
  const { page } = session.browser
  await session.actAs(BUREAU)
  await page.goto(`${session.base}/#/subpackages/bureau/pages/overview/index`)
  await page.getByTestId('link-checks').click()
  await page.getByTestId('points-check').waitFor()
  await page.getByTestId('check-start').click()
  await page.getByText('开始', { exact: true }).click()
  await page.getByTestId('check-result').waitFor({ timeout: 60_000 })
  expect(await page.getByTestId('check-result').textContent()).toBe('校对完成，未发现偏差')
  await page.getByTestId('digest-start').click()
  await page.getByTestId('digest-result').waitFor()
  // Every branch in the tree is rebuilt, a closed one too (its history stays): the seed's six, plus any branch
  // the organisation journey, sharing this emulator, created and closed before this journey ran.
  const tree = await asPersona<{ nodes: { kind: string }[] }>(session.base, BUREAU, 'roster', 'tree')
  const branches = tree.ok ? tree.data.nodes.filter((node) => node.kind === 'branch').length : -1
  expect(branches).toBeGreaterThanOrEqual(6)
  expect(await page.getByTestId('digest-result').textContent()).toMatch(
    new RegExp(
      `^\\d{4}年：${branches} 个支部、\\d+ 次会议（已开展 \\d+、待补记录 0、未开展 \\d+），修正摘要 0 项，0 个月份的状态随之改变$`,
    ),
  )
})
