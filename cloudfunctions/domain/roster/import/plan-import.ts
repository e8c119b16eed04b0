import type { MemberDoc } from '../../../../types/roster'
import type { ImportFields, ImportRowResult } from '../../../../types/roster-import'

/** What a new member gets from a row; fields the file lacks take the roster's defaults. */
export type NewMemberFields = Required<{ [K in keyof ImportFields]: Exclude<ImportFields[K], undefined> }>

export type StoredMember = Pick<MemberDoc, '_id' | keyof ImportFields>

export interface ImportPlan {
  create: { row: number; key: string; fields: NewMemberFields }[]
  /** Only the fields that differ from the stored member. */
  update: { id: string; row: number; changes: Partial<NewMemberFields> }[]
  /** Rows equal to their stored member: a re-import of the same file is all of them. */
  unchanged: number
  /**
   * Rows whose matched member is gone since the preview. The handler previews
   * again at confirm time, so this is empty unless someone deleted a member in
   * between; it then refuses rather than write part of the file.
   */
  stale: number[]
}

/** 导入写入计划: the writes that bring the roster to what the valid rows say, and nothing more. */
export function planImport(rows: readonly ImportRowResult[], existing: readonly StoredMember[]): ImportPlan {
  const byId = new Map(existing.map((member) => [member._id, member]))
  const plan: ImportPlan = { create: [], update: [], unchanged: 0, stale: [] }
  for (const { row, key, matchMemberId, fields } of rows) {
    if (matchMemberId === null) {
      plan.create.push({ row, key, fields: withDefaults(fields) })
      continue
    }
    const member = byId.get(matchMemberId)
    if (!member) {
      plan.stale.push(row)
      continue
    }
    const changes = changesOf(fields, member)
    if (Object.keys(changes).length) plan.update.push({ id: member._id, row, changes })
    else plan.unchanged++
  }
  return plan
}

function withDefaults(fields: ImportFields): NewMemberFields {
  return {
    name: fields.name,
    branchId: fields.branchId,
    memberType: fields.memberType ?? 'formal',
    joinedOn: fields.joinedOn ?? null,
    probationEndsOn: fields.probationEndsOn ?? null,
    groupId: fields.groupId ?? null,
    phone: fields.phone ?? null,
    committeePosition: fields.committeePosition ?? null,
  }
}

/** A field the file does not have (undefined) leaves the stored value alone; a blank cell (null) clears it. */
function changesOf(fields: ImportFields, member: StoredMember): Partial<NewMemberFields> {
  const changes: Partial<Record<keyof ImportFields, unknown>> = {}
  for (const field of Object.keys(fields) as (keyof ImportFields)[]) {
    const value = fields[field]
    if (value !== undefined && value !== member[field]) changes[field] = value
  }
  return changes as Partial<NewMemberFields>
}
