import type { ActionContract } from '../../types/action'
import { fail, ok, type Result } from '../../types/result'
import type * as z from '../../types/zod'
import { type Caller, loadCaller } from './caller'
import { callerOpenid, callSource, isFromAnotherFunction } from './cloud'
import { DomainError } from './domain-error'
import { cloudPorts, type Ports } from './ports'
import { strayKeys } from './stray-keys'

export interface HandlerContext extends Ports {
  caller: Caller
}

/** What an action open to 'anyone' gets: the OPENID, and the caller when already bound. */
export interface PublicContext extends Ports {
  openid: string | null
  caller: Caller | null
}

/** What a server-only action gets: the ports, no caller (another function asked, for its own caller). */
export type ServerContext = Ports

type ContextOf<C extends ActionContract> = C['roles'] extends 'anyone'
  ? PublicContext
  : C['roles'] extends 'server'
    ? ServerContext
    : HandlerContext

/**
 * A handler as its contract types it: the parsed input, the context its
 * callers get, and an answer the output schema accepts. Declaring handlers as
 * `Handler<typeof api.<fn>.<action>>` makes a contract change a compile error
 * in its handler.
 */
export type Handler<C extends ActionContract> = (
  input: z.output<C['input']>,
  ctx: ContextOf<C>,
) => Promise<z.input<C['output']>>

/** The parsed input of an action, for helpers a handler passes it on to. */
export type HandlerInput<C extends ActionContract> = z.output<C['input']>

export type Handlers<M extends Record<string, ActionContract>> = { [K in keyof M]: Handler<M[K]> }

/** What the router needs from the outside world; tests pass their own. */
export interface RouterDeps extends Ports {
  openid(): string | null
  /** The platform's SOURCE chain of this invocation (cloud.getWXContext().SOURCE). */
  source(): string | null
}

function defaultDeps(): RouterDeps {
  return { ...cloudPorts(), openid: callerOpenid, source: callSource }
}

function isEnvelope(event: unknown): event is { action: string; data?: unknown } {
  return typeof event === 'object' && event !== null && typeof (event as { action?: unknown }).action === 'string'
}

/**
 * The cloud function's `main`: one action per call, in a fixed order of checks —
 * known action, bound caller (or, for a server-only action, a call from another
 * function), allowed role, valid input with no field the contract does not
 * read and no MongoDB operator key — before any handler runs, so a refused
 * call writes nothing. Every outcome is a `Result`.
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
    const { openid: openidOf, source, ...ports } = deps()
    try {
      const { roles } = contract
      let context: Ports | PublicContext
      if (roles === 'server') {
        if (!isFromAnotherFunction(source())) return fail('AUTH.FORBIDDEN')
        context = ports
      } else {
        const openid = openidOf()
        const caller = await loadCaller(ports.store, openid)
        if (roles !== 'anyone') {
          if (!caller) return fail('AUTH.NOT_BOUND')
          if (!caller.roles.some((role) => roles.includes(role))) return fail('AUTH.FORBIDDEN')
        }
        context = { ...ports, openid, caller }
      }

      const raw = event.data ?? {}
      const input = contract.input.safeParse(raw)
      if (!input.success) return fail('INPUT.INVALID', undefined, input.error.issues)
      const stray = strayKeys(raw, input.data)
      if (stray.length > 0) return fail('INPUT.INVALID', undefined, stray)

      const handler = handlers[name] as (input: unknown, ctx: Ports) => Promise<unknown>
      const output = await handler(input.data, context)
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
