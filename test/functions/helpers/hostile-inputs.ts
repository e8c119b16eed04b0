// What an attacker sends, generated from each action's contract (its input's JSON schema): a base input that
// names another tenant's objects, and mutations of each of its fields — MongoDB operators, wrong types, huge
// strings and arrays, out-of-range numbers — plus fields the contract does not have.
import type { ActionContract } from '../../../types/action'
import * as z from '../../../types/zod'

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type Schema = {
  type?: string | string[]
  properties?: Record<string, Schema>
  required?: string[]
  items?: Schema
  anyOf?: Schema[]
  oneOf?: Schema[]
  enum?: Json[]
  const?: Json
  default?: Json
  pattern?: string
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  minItems?: number
  additionalProperties?: Schema | boolean
  propertyNames?: Schema
}

/** Ids of the other tenant's documents (test/functions/hostile-callers.test.ts writes them), by the field that names one. */
export const OTHER_TENANT = {
  tenantId: 't_other',
  branchId: 'org_other_b',
  groupId: 'org_other_g',
  memberId: 'm_other_01',
  meetingId: 'mt_other_01',
  taskId: 'st_other_01',
  claimId: 'claim_other_01',
  importId: 'imp_other_01',
  code: 'OtherTenantCode1',
  eventId: 'study.checkin:st_other_01:m_other_01',
  fileID: 'cloud://local.6c6f-local-1250000000/imports/t_other/m_other_01/roster.xlsx',
} as const

/** A field's value that names something of the other tenant, or null when the field names nothing. */
function otherTenantValue(field: string): string | null {
  if (field === 'toBranchId' || field === 'generalBranchId') return OTHER_TENANT.branchId
  if (field === 'toGroupId') return OTHER_TENANT.groupId
  if (field in OTHER_TENANT) return OTHER_TENANT[field as keyof typeof OTHER_TENANT]
  if (/Ids$/.test(field)) return otherTenantValue(field.replace(/Ids$/, 'Id'))
  return null
}

/** Values for strings that must match a pattern, by what the pattern is for. */
function patterned(schema: Schema, field: string): string {
  const pattern = schema.pattern ?? ''
  if (pattern.includes('\\d{4}-\\d{2}-\\d{2}')) return '2026-05-12'
  if (pattern.includes('(0[1-9]|1[0-2])') || field === 'month') return '2026-05'
  if (field === 'period') return '2026'
  if (pattern.includes('1\\d{10}')) return '13800000000'
  if (pattern.includes('{16}')) return OTHER_TENANT.code
  return otherTenantValue(field) ?? 'x_hostile_1'
}

function sample(schema: Schema | undefined, field: string): Json {
  if (!schema) return null
  if (schema.const !== undefined) return schema.const
  if (schema.enum) return schema.enum[0]
  const options = schema.anyOf ?? schema.oneOf
  if (options) {
    const named = options.find((option) => option.type === 'string')
    return sample(
      named && otherTenantValue(field) ? named : (options.find((o) => o.type !== 'null') ?? options[0]),
      field,
    )
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type
  switch (type) {
    case 'object': {
      const out: Record<string, Json> = {}
      // What is required, and every field that names an object (so the input names the other tenant's).
      for (const [key, property] of Object.entries(schema.properties ?? {})) {
        if ((schema.required ?? []).includes(key) || otherTenantValue(key) !== null) out[key] = sample(property, key)
      }
      return out
    }
    case 'array': {
      const items = Array.from({ length: Math.max(schema.minItems ?? 0, otherTenantValue(field) ? 1 : 0) }, () =>
        sample(schema.items, field.replace(/s$/, '')),
      )
      return items
    }
    case 'string': {
      if (schema.pattern || otherTenantValue(field)) return patterned(schema, field)
      return '测试内容'.padEnd(Math.max(schema.minLength ?? 0, 4), '内').slice(0, schema.maxLength ?? 100)
    }
    case 'integer':
    case 'number':
      return schema.minimum ?? (schema.maximum !== undefined ? Math.min(1, schema.maximum) : 1)
    case 'boolean':
      return false
    case 'null':
      return null
    default:
      return null
  }
}

export interface HostileCase {
  label: string
  data: unknown
}

/** The schema of an input's object (the first option of a union), with its properties. */
function objectSchema(contract: ActionContract): Schema {
  const root = z.toJSONSchema(contract.input, { io: 'input', unrepresentable: 'any' }) as Schema
  return root.oneOf?.[0] ?? root.anyOf?.[0] ?? root
}

export function baseInput(contract: ActionContract): Record<string, Json> {
  return sample(objectSchema(contract), '') as Record<string, Json>
}

/** Whether the input names any object (an id field): then it can name another tenant's, and the handler refuses. */
export function namesObjects(contract: ActionContract): boolean {
  return Object.keys(objectSchema(contract).properties ?? {}).some((field) => otherTenantValue(field) !== null)
}

const HUGE_STRING = 'x'.repeat(100_000)
const OPERATORS: Json[] = [{ $gt: '' }, { $ne: null }, { $where: 'sleep(1000) || true' }, { $regex: '.*' }]
const OUT_OF_RANGE = [1e308, -1e308, 0.5, -1, 2 ** 53 + 2]

/**
 * The hostile inputs of an action: for every field the contract has, operators, wrong types and (by its type)
 * a huge string or array or out-of-range numbers; then unknown fields at the top and inside each object field.
 */
export function hostileCases(contract: ActionContract): HostileCase[] {
  const schema = objectSchema(contract)
  const base = baseInput(contract)
  const cases: HostileCase[] = []
  const withField = (field: string, value: unknown, label: string) =>
    cases.push({ label: `${field}: ${label}`, data: { ...base, [field]: value } })
  for (const [field, property] of Object.entries(schema.properties ?? {})) {
    for (const operator of OPERATORS) withField(field, operator, JSON.stringify(operator))
    for (const wrong of [12345, true, ['x'], { nested: 'x' }, 'x'])
      withField(field, wrong, `wrong type ${JSON.stringify(wrong)}`)
    const types = JSON.stringify(property)
    if (types.includes('"string"')) withField(field, HUGE_STRING, 'a 100,000-character string')
    if (types.includes('"array"'))
      withField(
        field,
        Array.from({ length: 20_000 }, () => base[field]?.[0 as never] ?? 'x'),
        '20,000 items',
      )
    if (types.includes('"integer"') || types.includes('"number"'))
      for (const number of OUT_OF_RANGE) withField(field, number, `number ${number}`)
    const value = base[field]
    if (value && typeof value === 'object' && !Array.isArray(value))
      withField(field, { ...value, isAdmin: true, $where: '1' }, 'unknown fields inside')
  }
  cases.push({ label: 'unknown fields', data: { ...base, tenantId: OTHER_TENANT.tenantId, role: 'bureau_staff' } })
  cases.push({ label: 'operator keys', data: { ...base, $where: 'sleep(1000)', $or: [{}] } })
  cases.push({ label: 'an array instead of an object', data: [base] })
  cases.push({ label: 'a string instead of an object', data: 'drop table' })
  return cases
}
