import type { FunctionName, InputOf, OutputOf, ServerActionName } from '../../types/api'
import type { Result } from '../../types/result'
import { sdk } from './cloud'
import { DomainError } from './domain-error'

/**
 * The port to other cloud functions: a server-only action of another function
 * through the platform's function-to-function call (cloud.callFunction), which
 * CloudBase marks as such (SOURCE ends in `scf`). A refusal the callee answers
 * arrives as the same DomainError (code and message), so the caller's router
 * answers it as if its own; a failed call is an Error (SYSTEM.INTERNAL).
 */
export interface Functions {
  call<F extends FunctionName, A extends ServerActionName<F>>(
    fn: F,
    action: A,
    input: InputOf<F, A>,
  ): Promise<OutputOf<F, A>>
}

export function cloudFunctions(): Functions {
  return {
    async call(fn, action, input) {
      const res = (await sdk().callFunction({ name: fn, data: { action, data: input } })) as { result: unknown }
      return resultData(fn, action, res.result)
    },
  }
}

/** The data of a callee's Result, or its refusal thrown again here. */
export function resultData<T>(fn: string, action: string, answer: unknown): T {
  const result = answer as Result<T> | null
  if (result?.ok === true) return result.data
  if (result?.ok === false) {
    if (result.error.code === 'SYSTEM.INTERNAL') throw new Error(`${fn}.${action} failed: ${result.error.message}`)
    throw new DomainError(result.error.code, result.error.message, result.error.details)
  }
  throw new Error(`${fn}.${action} answered no Result`)
}
