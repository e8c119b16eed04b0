import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { isPlainObject } from '../store/ejson-values'

export interface TimerTrigger {
  name: string
  cron: string
}

export interface FunctionDef {
  name: string
  file: string
  timeoutMs: number
  triggers: TimerTrigger[]
}

// CloudBase's default function timeout when config.json does not set one.
const DEFAULT_TIMEOUT_S = 3
const NAME = /^[A-Za-z0-9_-]+$/

function readConfig(dir: string): Record<string, unknown> {
  const file = join(dir, 'config.json')
  if (!existsSync(file)) return {}
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'))
  return isPlainObject(parsed) ? parsed : {}
}

// Every folder of functionsDir with an index.js is a function; looked up on each call so a freshly
// built function is served without restarting the emulator.
export class FunctionRegistry {
  constructor(readonly dir: string) {}

  get(name: string): FunctionDef | undefined {
    if (!NAME.test(name)) return undefined
    const folder = join(this.dir, name)
    const file = join(folder, 'index.js')
    if (!existsSync(file)) return undefined
    const config = readConfig(folder)
    const timeout = typeof config.timeout === 'number' && config.timeout > 0 ? config.timeout : DEFAULT_TIMEOUT_S
    const triggers: TimerTrigger[] = []
    if (Array.isArray(config.triggers)) {
      for (const t of config.triggers) {
        if (isPlainObject(t) && t.type === 'timer' && typeof t.name === 'string' && typeof t.config === 'string')
          triggers.push({ name: t.name, cron: t.config })
      }
    }
    return { name, file, timeoutMs: timeout * 1000, triggers }
  }

  list(): FunctionDef[] {
    if (!existsSync(this.dir)) return []
    return readdirSync(this.dir)
      .map((n) => this.get(n))
      .filter((f): f is FunctionDef => f !== undefined)
  }
}
