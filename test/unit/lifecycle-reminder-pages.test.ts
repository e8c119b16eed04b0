// The 发展党员 reminder opens a page of the app: the page its subscribe message names must exist, or the
// secretary's tap on it lands nowhere.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { DUE_REMINDER_PAGE } from '../../cloudfunctions/lifecycle/due-scan'
import { DUES_BRANCH_PAGE, DUES_BUREAU_PAGE } from '../../cloudfunctions/lifecycle/dues-monthly'

test('the 发展党员待办 reminder opens the file page the app has', () => {
  expect(existsSync(join(__dirname, '../../src', `${DUE_REMINDER_PAGE}.tsx`))).toBe(true)
})

test('the 欠缴党费 reminders open the dues pages the app has (the branch’s for a secretary, 党费收缴率 for the bureau)', () => {
  for (const page of [DUES_BRANCH_PAGE, DUES_BUREAU_PAGE]) {
    expect(existsSync(join(__dirname, '../../src', `${page}.tsx`))).toBe(true)
  }
})
