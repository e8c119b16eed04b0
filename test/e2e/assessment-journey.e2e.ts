/**
 * The 五星支部 round in the H5 build against the real emulator and its demo seed
 * (this year's round is open): bureau staff import a catalogue .xlsx (a computed
 * 三会一课 indicator, a self-assessed 党建品牌 indicator needing evidence, star
 * lines) and save it; the secretary of 实验小学党支部 writes the self-assessment
 * with a photo and a PDF document and submits; bureau staff score it 8 of 10 with a comment and
 * publish, see the ranking with last year's totals, by school type, and export
 * the results (.xlsx) and the branch's 考核得分表 (PDF); the secretary sees the
 * stars, the 三会一课 figure and the comment as the reason two points were lost.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { schemeWorkbook } from '../fixtures/scheme-workbook'
import { startE2ESession } from './session'

const BUREAU = 'o_demo_m_bureau_01'
const SECRETARY = 'o_demo_m_shiyan_01'
const BRANCH_ID = 'org_b_shiyan'
const BRAND = '党建品牌创建情况，打造“红烛先锋”品牌，党员示范课12节，结对帮扶学困生30名。'
const COMMENT = '品牌活动缺少成效总结'
// A 1×1 PNG: the evidence photo.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='

jest.setTimeout(180_000)

const session = startE2ESession()
const dir = mkdtempSync(join(tmpdir(), 'e2e-assessment-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function writeCatalogue(): Promise<string> {
  const path = join(dir, '考核细则.xlsx')
  writeFileSync(
    path,
    await schemeWorkbook([
      ['组织生活', '三会一课', 20, '数据', '三会一课达标率', '按比例', '100%', '按会议记录计'],
      ['作用发挥', '党建品牌', 10, '自评', '', '需佐证材料', '', '附照片'],
      ['星级', '一星', 5, '', '', '', '', ''],
      ['星级', '三星', 15, '', '', '', '', ''],
      ['星级', '五星', 27, '', '', '', '', ''],
    ]),
  )
  return path
}

async function choose(buttonTestId: string, path: string): Promise<void> {
  const { page } = session.browser
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId(buttonTestId).click()])
  await chooser.setFiles(path)
}

test('the bureau imports a catalogue; the secretary submits with a photo; the bureau scores and publishes; the branch sees why', async () => {
  const { page } = session.browser
  const catalogue = await writeCatalogue()
  const photo = join(dir, '品牌活动.png')
  writeFileSync(photo, Buffer.from(PNG, 'base64'))
  const pdf = join(dir, '品牌创建方案.pdf')
  writeFileSync(pdf, '%PDF-1.4\n%%EOF\n')

  // Bureau staff: 我的 → 五星支部考核 → 考核细则 → 导入, the preview, 保存.
  await session.actAs(BUREAU)
  await page.getByTestId('mine-entry-assessment').click()
  await page.getByTestId('round-status').waitFor()
  await page.getByTestId('link-scheme').click()
  await page.getByTestId('scheme-sources').waitFor()
  await choose('scheme-import', catalogue)
  await page.getByTestId('scheme-preview').waitFor()
  expect(await page.getByTestId('scheme-problems').count()).toBe(0)
  expect(await page.getByTestId('scheme-cards').textContent()).toContain('党建品牌')
  await page.getByTestId('scheme-save').click()
  // The saved scheme replaces the one the page showed (the demo's, which has an area a2 too): wait for its stars.
  await page.getByTestId('scheme-stars').filter({ hasText: '27 分及以上' }).waitFor()
  await page.getByTestId('scheme-area-a2').waitFor()

  // The secretary: 我的 → 五星支部考核 → 支部得分, the provisional score; 填写自评 with a photo; 提交.
  await session.actAs(SECRETARY)
  await page.getByTestId('mine-entry-assessment').click()
  await page.getByTestId('branch-summary').waitFor()
  expect(await page.getByTestId('branch-status').textContent()).toContain('暂定得分')
  const figure = (await page.getByTestId('indicator-a1_1').textContent()) ?? ''
  expect(figure).toMatch(/应开三会一课 \d+ 次，已开 \d+ 次/)
  // Submitting before the photo is refused, naming the item.
  await page.getByTestId('edit-a2_1').click()
  await page.locator('[data-testid="self-text"] textarea').fill(BRAND)
  await page.getByTestId('self-claimed').locator('input').fill('10')
  await page.getByTestId('self-save').click()
  await page.getByTestId('entry-text-a2_1').waitFor()
  await page.getByTestId('submit-branch').click()
  await page.getByText('确认提交').click()
  await page.getByText(/还有自评指标未填写或未上传佐证材料：党建品牌/).waitFor()
  await page.getByTestId('edit-a2_1').click()
  await choose('self-add-photos', photo)
  await page.getByTestId('self-photo-count').filter({ hasText: '已添加 1 张佐证照片' }).waitFor()
  // A document beside the photo (the branch's own 品牌创建方案, as a PDF).
  await choose('self-add-document', pdf)
  await page.getByTestId('self-document').filter({ hasText: '品牌创建方案.pdf' }).waitFor()
  await page.getByTestId('self-save').click()
  await page.locator('.assessment-photos__item').first().waitFor()
  expect(await page.getByTestId('entry-document-a2_1').textContent()).toContain('附件1（PDF）')
  await page.getByTestId('submit-branch').click()
  await page.getByText('确认提交').click()
  await page.getByTestId('branch-status').filter({ hasText: '已提交，待评分' }).waitFor()
  expect(await page.getByTestId('submit-branch').count()).toBe(0)

  // Bureau staff: the branch's row says what is to score; 评分 8 with the reason; 发布.
  await session.actAs(BUREAU)
  await page.getByTestId('mine-entry-assessment').click()
  const row = page.getByTestId(`round-row-${BRANCH_ID}`)
  await row.filter({ hasText: '待评分 1 项' }).waitFor()
  await row.click()
  await page.getByTestId('score-form-a2_1').waitFor()
  // The bureau reviews the evidence: the photo and the document.
  await page.locator('.assessment-photos__item').first().waitFor()
  expect(await page.getByTestId('entry-document-a2_1').count()).toBe(1)
  await page.getByTestId('score-value').locator('input').fill('8')
  await page.getByTestId('score-submit').click()
  await page.getByText('扣分须写明理由，支部才能看到失分原因').waitFor()
  await page.getByTestId('score-comment').locator('textarea').fill(COMMENT)
  await page.getByTestId('score-submit').click()
  await page.getByTestId('indicator-reason-a2_1').filter({ hasText: COMMENT }).waitFor()
  await session.back()
  await page.getByTestId('publish-round').click()
  await page.getByText('确认发布').click()
  await page.getByTestId('round-status').filter({ hasText: '结果已发布' }).waitFor()

  // The published ranking: each row with last year's total and the trend (the demo published 2025's round).
  const published = page.getByTestId(`round-row-${BRANCH_ID}`)
  expect(await published.textContent()).toMatch(/上年 [\d.]+ 分（(持平|升 [\d.]+|降 [\d.]+)）/)
  // By school type: 中学 leaves the primary school out; 小学 brings it back, ranked among primary schools.
  // (The unfiltered list shows both rows: each step waits for the one the filter drops to go, then for the
  // one it keeps, before checking the dropped one stays gone.)
  await page.getByTestId('kind-secondary').click()
  await page.getByTestId(`round-row-${BRANCH_ID}`).waitFor({ state: 'detached' })
  await page.getByTestId('round-row-org_b_yz_high').waitFor()
  expect(await page.getByTestId(`round-row-${BRANCH_ID}`).count()).toBe(0)
  await page.getByTestId('kind-primary').click()
  await page.getByTestId('round-row-org_b_yz_high').waitFor({ state: 'detached' })
  await page.getByTestId(`round-row-${BRANCH_ID}`).waitFor()
  expect(await page.getByTestId('round-row-org_b_yz_high').count()).toBe(0)
  // 导出: every branch as .xlsx from the round page, one branch's 考核得分表 as PDF from its page.
  const [sheet] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-results').click()])
  expect(sheet.suggestedFilename()).toMatch(/年度支部考核结果\.xlsx$/)
  await page.getByTestId(`round-row-${BRANCH_ID}`).click()
  const [scoreSheet] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-branch-pdf').click()])
  expect(scoreSheet.suggestedFilename()).toMatch(/实验小学党支部考核得分表\.pdf$/)

  // The secretary sees the result: stars, the 三会一课 figure, and why two points were lost on 党建品牌.
  await session.actAs(SECRETARY)
  await page.getByTestId('mine-entry-assessment').click()
  await page.getByTestId('branch-status').filter({ hasText: '结果已发布' }).waitFor()
  expect(await page.getByTestId('indicator-score-a2_1').textContent()).toBe('8 / 10 分')
  expect(await page.getByTestId('indicator-reason-a2_1').textContent()).toBe(`失分原因：失 2 分：${COMMENT}`)
  expect(await page.getByTestId('indicator-a1_1').textContent()).toMatch(/应开三会一课 \d+ 次，已开 \d+ 次/)
  const total = Number(/[\d.]+/.exec((await page.getByTestId('branch-total').textContent()) ?? '')?.[0])
  const stars = (await page.getByTestId('branch-stars').textContent()) ?? ''
  const expected = total >= 27 ? '五星' : total >= 15 ? '三星' : total >= 5 ? '一星' : '未达星级'
  expect(stars).toContain(expected)
})
