import type { Ports } from '../runtime/ports'
import { addRuns, type ItemsRun, NO_ITEMS } from '../shared/timer-items'
import { recordReminders } from './record-reminders'
import { politicalBirthdays } from './remind'
import { themeDayReminders } from './theme-day'

/** A run stops starting new work after this long; the function's timeout is 60 s. */
const DAILY_BUDGET_MS = 45_000

/**
 * The 'daily' timer (every 10 minutes from 08:00 to 08:50: the later runs resume what an earlier one did not
 * reach or failed, and send nothing twice): 政治生日, the 主题党日 check and 待补记录, each tenant by tenant
 * within one deadline. A part that fails outright is logged and the others still run.
 */
export async function runDaily(ports: Ports) {
  const deadline = Date.now() + DAILY_BUDGET_MS
  const part = async <T extends { run: ItemsRun }>(label: string, work: () => Promise<T>) => {
    try {
      return await work()
    } catch (error) {
      console.error(`[daily] ${label}`, error)
      return null
    }
  }
  const birthdays = await part('birthdays', () => politicalBirthdays(ports, deadline))
  const themeDay = await part('theme day', () => themeDayReminders(ports, deadline))
  const records = await part('records', () => recordReminders(ports, deadline))
  const parts = [birthdays, themeDay, records]
  const { done, failed, unreached } = addRuns(...parts.map((p) => p?.run ?? { ...NO_ITEMS, failed: 1 }))
  return {
    sent: birthdays?.sent ?? 0,
    themeDayBranches: themeDay?.themeDayBranches ?? 0,
    themeDaySent: themeDay?.themeDaySent ?? 0,
    recordSent: records?.recordSent ?? 0,
    done,
    failed,
    unreached,
  }
}
