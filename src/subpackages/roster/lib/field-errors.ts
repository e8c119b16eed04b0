import type { AppError } from '../../../../types/errors'
import { formErrorsOf } from '../../../lib/form-errors'

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

/** The member form's errors: zod issues beside their field, the rest general. */
export function fieldErrorsOf(error: AppError): { fields: FieldErrors; general: string | null } {
  return formErrorsOf(error, MEMBER_FIELD_KEYS)
}
