import type { AppError } from '../../../../types/errors'

/** The fields of the member form (MemberFields in types/roster.ts). */
export const MEMBER_FIELD_KEYS = [
  'name',
  'groupId',
  'memberType',
  'probationEndsOn',
  'joinedOn',
  'committeePosition',
  'phone',
] as const
export type MemberFieldKey = (typeof MEMBER_FIELD_KEYS)[number]

export type FieldErrors = Partial<Record<MemberFieldKey, string>>

/**
 * INPUT.INVALID carries zod issues in `details`: each has a `path` and a Chinese
 * `message`. Issues on a form field go next to it (the first per field wins);
 * anything else is general.
 */
export function fieldErrorsOf(error: AppError): { fields: FieldErrors; general: string | null } {
  if (error.code !== 'INPUT.INVALID' || !Array.isArray(error.details)) {
    return { fields: {}, general: error.message }
  }
  const fields: FieldErrors = {}
  const general: string[] = []
  for (const issue of error.details as unknown[]) {
    if (typeof issue !== 'object' || issue === null) continue
    const { path, message } = issue as { path?: unknown; message?: unknown }
    const text = typeof message === 'string' && message !== '' ? message : error.message
    const key = Array.isArray(path) ? path[0] : undefined
    if (isFieldKey(key)) fields[key] ??= text
    else general.push(text)
  }
  const generalText = general[0] ?? (Object.keys(fields).length === 0 ? error.message : null)
  return { fields, general: generalText }
}

function isFieldKey(key: unknown): key is MemberFieldKey {
  return typeof key === 'string' && (MEMBER_FIELD_KEYS as readonly string[]).includes(key)
}
