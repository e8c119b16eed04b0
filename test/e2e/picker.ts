/**
 * Choosing an option of a Taro picker on the H5 build, as a finger does: open it, drag the column until the
 * option sits in the indicator, 确定. Journeys that pick a member or a branch share it.
 */
import type { Locator, Page } from 'playwright-core'

/** The shown page's element: Taro's H5 router keeps the pages under it in the DOM, hidden. */
export const shownIn = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"]:visible`)

export async function pickOption(page: Page, testId: string, option: string): Promise<void> {
  await shownIn(page, testId).click()
  const sheet = page.locator('.weui-picker:visible')
  // The sheet slides up: a trial tap on 确定 waits until it has stopped moving.
  await sheet.locator('.weui-picker__action', { hasText: '确定' }).click({ trial: true })
  const item = sheet.locator('.weui-picker__item', { hasText: new RegExp(`^${option}$`) }).first()
  const indicator = await sheet.locator('.weui-picker__indicator').first().boundingBox()
  if (!indicator) throw new Error(`picker ${testId} has no indicator`)
  const x = indicator.x + indicator.width / 2
  const y = indicator.y + indicator.height / 2
  // The column follows the mouse as a finger drags it, then glides and snaps to the nearest option. On a
  // loaded machine one drag may settle an option away, so drag by what is left until the option sits there.
  for (let attempt = 0; attempt < 5; attempt++) {
    const offset = await settledOffset(item, y)
    if (Math.abs(offset) < indicator.height / 2) break
    await page.mouse.move(x, y)
    await page.mouse.down()
    await page.mouse.move(x, y - offset, { steps: 8 })
    await page.mouse.up()
  }
  if (Math.abs(await settledOffset(item, y)) >= indicator.height / 2)
    throw new Error(`picker ${testId} did not settle on ${option}`)
  await sheet.locator('.weui-picker__action', { hasText: '确定' }).click()
  await shownIn(page, testId)
    .filter({ hasText: new RegExp(`^${option}$`) })
    .waitFor()
}

/** How far the option's centre sits below `y` once the column has stopped moving (two equal reads). */
async function settledOffset(item: Locator, y: number): Promise<number> {
  let last = Number.NaN
  for (;;) {
    const box = await item.boundingBox()
    if (!box) throw new Error('picker option not shown')
    const offset = box.y + box.height / 2 - y
    if (offset === last) return offset
    last = offset
    await item.page().waitForTimeout(100)
  }
}
