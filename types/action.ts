import type { ErrorCode } from './errors'
import type { Role } from './roles'
import type * as z from './zod'

/**
 * The contract of one action: what it takes, what it gives, who may call it and
 * which error codes it may answer besides the router's own. The server
 * implements it, the client is typed from it, the API catalogue is generated
 * from it.
 */
export type Callers = readonly Role[] | 'anyone'

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
   * invitation is how they become bound).
   */
  roles: R
  errors: readonly ErrorCode[]
}

export function defineAction<I extends z.ZodType, O extends z.ZodType, const R extends Callers>(
  contract: ActionContract<I, O, R>,
): ActionContract<I, O, R> {
  return contract
}

export type ActionInput<A> = A extends ActionContract<infer I, z.ZodType> ? z.input<I> : never
export type ActionOutput<A> = A extends ActionContract<z.ZodType, infer O> ? z.output<O> : never
