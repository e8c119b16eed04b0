// The 发展党员 reminder opens a page of the app: the page its subscribe message names must exist, or the
// secretary's tap on it lands nowhere.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { DUE_REMINDER_PAGE } from '../../cloudfunctions/lifecycle/due-scan'

test('the 发展党员待办 reminder opens the file page the app has', () => {
  expect(existsSync(join(__dirname, '../../src', `${DUE_REMINDER_PAGE}.tsx`))).toBe(true)
})
