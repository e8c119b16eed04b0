import type { AppError } from '../../../../types/errors'
import { type FormErrors, formErrorsOf } from '../../../lib/form-errors'

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

/** Refusals about one field that are not INPUT.INVALID issues. */
const FIELD_OF_CODE: Partial<Record<string, MemberFieldKey>> = {
  'ROSTER.DUPLICATE_PHONE': 'phone',
  'ROSTER.SECRETARY_TAKEN': 'committeePosition',
  'ROSTER.GROUP_MISMATCH': 'groupId',
}

/** The member form's errors: zod issues beside their field, the rest general. */
export function fieldErrorsOf(error: AppError): FormErrors<MemberFieldKey> {
  return formErrorsOf(error, MEMBER_FIELD_KEYS)
}

/** A refused save: zod issues and the refusals about one field (a phone already taken…) beside it, the rest general. */
export function saveErrorsOf(error: AppError): FormErrors<MemberFieldKey> {
  const field = FIELD_OF_CODE[error.code]
  return field ? { fields: { [field]: error.message }, general: null } : fieldErrorsOf(error)
}
