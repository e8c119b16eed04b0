import type { AppError, ErrorCode } from './errors'
import { errorMessage } from './errors'

/** What every cloud-function action answers: data or a coded error, never a throw. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError }

export function ok<T>(data: T): Result<T> {
  return { ok: true, data }
}

export function fail(code: ErrorCode, message?: string, details?: unknown): { ok: false; error: AppError } {
  const error: AppError = { code, message: message ?? errorMessage(code) }
  if (details !== undefined) error.details = details
  return { ok: false, error }
}
