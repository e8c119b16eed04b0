import type { ActionContract } from '../../types/action'
import { fail, ok, type Result } from '../../types/result'
import type * as z from '../../types/zod'
import { type Caller, loadCaller } from './caller'
import { type Clock, systemClock } from './clock'
import { callerOpenid } from './cloud'
import { DomainError } from './domain-error'
import { cloudFiles, type Files } from './files'
import { cloudStore, type Store } from './store'

export interface HandlerContext {
  caller: Caller
  store: Store
  files: Files
  clock: Clock
}

/** What an action open to 'anyone' gets: the OPENID, and the caller when already bound. */
export interface PublicContext {
  openid: string | null
  caller: Caller | null
  store: Store
  files: Files
  clock: Clock
}

export type Handler<C extends ActionContract> = (
  input: z.output<C['input']>,
  ctx: C['roles'] extends 'anyone' ? PublicContext : HandlerContext,
) => Promise<z.input<C['output']>>

export type Handlers<M extends Record<string, ActionContract>> = { [K in keyof M]: Handler<M[K]> }

/** What the router needs from the outside world; tests pass their own. */
export interface RouterDeps {
  store: Store
  files: Files
  clock: Clock
  openid(): string | null
}

let cloudDeps: RouterDeps | undefined
function defaultDeps(): RouterDeps {
  cloudDeps ??= { store: cloudStore(), files: cloudFiles(), clock: systemClock, openid: callerOpenid }
  return cloudDeps
}

function isEnvelope(event: unknown): event is { action: string; data?: unknown } {
  return typeof event === 'object' && event !== null && typeof (event as { action?: unknown }).action === 'string'
}

/**
 * The cloud function's `main`: one action per call, in a fixed order of checks —
 * known action, bound caller, allowed role, valid input — before any handler
 * runs, so a refused call writes nothing. Every outcome is a `Result`.
 */
export function createRouter<M extends Record<string, ActionContract>>(
  contracts: M,
  handlers: Handlers<M>,
  deps: () => RouterDeps = defaultDeps,
) {
  return async function main(event: unknown): Promise<Result<unknown>> {
    if (!isEnvelope(event) || !Object.hasOwn(contracts, event.action)) {
      const action = isEnvelope(event) ? event.action : undefined
      return fail('INPUT.UNKNOWN_ACTION', undefined, { action })
    }
    const name: keyof M = event.action
    const contract = contracts[name]
    const { store, files, clock, openid: openidOf } = deps()
    try {
      const openid = openidOf()
      const caller = await loadCaller(store, openid)
      const { roles } = contract
      if (roles !== 'anyone') {
        if (!caller) return fail('AUTH.NOT_BOUND')
        if (!caller.roles.some((role) => roles.includes(role))) return fail('AUTH.FORBIDDEN')
      }

      const input = contract.input.safeParse(event.data ?? {})
      if (!input.success) return fail('INPUT.INVALID', undefined, input.error.issues)

      const handler = handlers[name] as (input: unknown, ctx: PublicContext) => Promise<unknown>
      const output = await handler(input.data, { openid, caller, store, files, clock })
      const checked = contract.output.safeParse(output)
      if (!checked.success) {
        console.error(`[router] ${String(name)} answered outside its contract`, checked.error.issues)
        return fail('SYSTEM.INTERNAL')
      }
      return ok(checked.data)
    } catch (error) {
      if (error instanceof DomainError) return fail(error.code, error.userMessage, error.details)
      console.error(`[router] ${String(name)} failed`, error)
      return fail('SYSTEM.INTERNAL')
    }
  }
}
