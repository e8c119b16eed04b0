import type { ActionName, FunctionName, InputOf, OutputOf } from '../../types/api'
import type { Result } from '../../types/result'
import { fail } from '../../types/result'
import { asResult } from './as-result'
import { send } from './transport'

/**
 * THE one way the client reaches a cloud function. Resolves to the function's
 * `Result`; transport failures and malformed replies become coded errors, so
 * callers never need a try/catch.
 */
export async function call<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  data: InputOf<F, A>,
): Promise<Result<OutputOf<F, A>>> {
  const delivery = await send(fn, { action, data })
  if (!delivery.delivered) return fail(delivery.failure)
  return asResult<OutputOf<F, A>>(delivery.body)
}
