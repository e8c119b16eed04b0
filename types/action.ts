import type { ErrorCode } from './errors'
import type { Role } from './roles'
import type * as z from './zod'

/**
 * The contract of one action: what it takes, what it gives, who may call it and
 * which error codes it may answer besides the router's own. The server
 * implements it, the client is typed from it, the API catalogue is generated
 * from it.
 */
export type Callers = readonly Role[] | 'anyone' | 'server'

export interface ActionContract<
  I extends z.ZodType = z.ZodType,
  O extends z.ZodType = z.ZodType,
  R extends Callers = Callers,
> {
  summary: string
  input: I
  output: O
  /**
   * Roles allowed to call; the router refuses anyone else with AUTH.FORBIDDEN.
   * 'anyone' also admits WeChat users not yet bound to a member (accepting an
   * invitation is how they become bound). 'server' admits only another cloud
   * function (cloud.callFunction; the platform's SOURCE chain ends in `scf`),
   * never the mini-program: such an action says why in `serverOnly`.
   */
  roles: R
  errors: readonly ErrorCode[]
  /** Why only functions may call it (shown in docs/api.md); required with roles 'server'. */
  serverOnly?: string
}

/** A server-only contract must say why; any other must not claim to be one. */
type ServerOnlyReason<R extends Callers> = R extends 'server' ? { serverOnly: string } : { serverOnly?: never }

export function defineAction<I extends z.ZodType, O extends z.ZodType, const R extends Callers>(
  contract: ActionContract<I, O, R> & ServerOnlyReason<R>,
): ActionContract<I, O, R> {
  return contract
}

export type ActionInput<A> = A extends ActionContract<infer I, z.ZodType> ? z.input<I> : never
export type ActionOutput<A> = A extends ActionContract<z.ZodType, infer O> ? z.output<O> : never
