import type { AppError } from '../../types/errors'

/** A form's errors: one message per known field (the zod path joined with '.'), and what belongs to no field. */
export interface FormErrors<K extends string = string> {
  fields: Partial<Record<K, string>>
  general: string | null
}

export const NO_ERRORS: FormErrors<never> = { fields: {}, general: null }

/**
 * INPUT.INVALID carries the zod issues in `details` ({path, message}, in
 * Chinese); those on a known field go beside it (the first per field wins),
 * the rest are general. Any other error is general.
 */
export function formErrorsOf<K extends string>(error: AppError, known: readonly K[]): FormErrors<K> {
  if (error.code !== 'INPUT.INVALID' || !Array.isArray(error.details)) return { fields: {}, general: error.message }
  const fields: Partial<Record<K, string>> = {}
  const general: string[] = []
  for (const issue of error.details as unknown[]) {
    if (typeof issue !== 'object' || issue === null) continue
    const { path, message } = issue as { path?: unknown; message?: unknown }
    const text = typeof message === 'string' && message !== '' ? message : error.message
    const key = Array.isArray(path) ? path.join('.') : ''
    if ((known as readonly string[]).includes(key)) fields[key as K] ??= text
    else general.push(text)
  }
  return { fields, general: general[0] ?? (Object.keys(fields).length === 0 ? error.message : null) }
}
