// A reminder of the yearly cycle opens a page of the app: every page a subscribe message names must exist,
// or the member's tap on it lands nowhere (the 整改 reminder once pointed at a page never built).
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { CYCLE_PAGES } from '../../cloudfunctions/yearly-cycle/notify'

test.each(Object.entries(CYCLE_PAGES))('the %s reminder opens a page the app has (%s)', (_use, page) => {
  expect(existsSync(join(__dirname, '../../src', `${page}.tsx`))).toBe(true)
})
