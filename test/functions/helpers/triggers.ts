// The timer triggers the functions declare (cloudfunctions/<fn>/config.json `triggers`), as deployed: the
// forgery tests send each one's event shape from a client.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const FUNCTIONS_DIR = join(__dirname, '..', '..', '..', 'cloudfunctions')

/** [function, trigger name] of every timer trigger, in folder order. */
export const TIMER_TRIGGERS: readonly (readonly [fn: string, name: string])[] = readdirSync(FUNCTIONS_DIR)
  .filter((fn) => existsSync(join(FUNCTIONS_DIR, fn, 'config.json')))
  .flatMap((fn) => {
    const config = JSON.parse(readFileSync(join(FUNCTIONS_DIR, fn, 'config.json'), 'utf8')) as {
      triggers?: { name: string; type: string }[]
    }
    return (config.triggers ?? []).filter((t) => t.type === 'timer').map((t) => [fn, t.name] as const)
  })

/** The trigger names of one function (none for a function without timers). */
export function triggersOf(fn: string): string[] {
  return TIMER_TRIGGERS.filter(([owner]) => owner === fn).map(([, name]) => name)
}
