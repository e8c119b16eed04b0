import type { AppError, ErrorCode } from '../../types/errors'
import { ERROR_MESSAGES } from '../../types/errors'
import type { Result } from '../../types/result'
import { fail } from '../../types/result'

/**
 * Checks only the envelope's shape: the data inside is typed by the shared
 * contract, which the function validated with zod before answering.
 */
export function asResult<T>(body: unknown): Result<T> {
  if (!isRecord(body) || typeof body.ok !== 'boolean') return fail('SYSTEM.BAD_RESPONSE')
  if (body.ok) {
    return 'data' in body ? { ok: true, data: body.data as T } : fail('SYSTEM.BAD_RESPONSE')
  }
  const error = body.error
  if (!isRecord(error) || typeof error.code !== 'string') return fail('SYSTEM.BAD_RESPONSE')
  const code = error.code as ErrorCode
  const known: string | undefined = (ERROR_MESSAGES as Record<string, string>)[code]
  const message =
    typeof error.message === 'string' && error.message !== ''
      ? error.message
      : (known ?? ERROR_MESSAGES['SYSTEM.INTERNAL'])
  const appError: AppError = { code, message }
  if ('details' in error) appError.details = error.details
  return { ok: false, error: appError }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
