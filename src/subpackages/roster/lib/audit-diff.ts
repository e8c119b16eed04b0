import { COMMITTEE_POSITION_LABELS, MEMBER_TYPE_LABELS } from '../../../../types/labels'
import { shortDateTime } from '../../../lib/time'

/** Field names of stored documents as a secretary reads them; bookkeeping fields are left out. */
const FIELD_LABELS: Record<string, string> = {
  name: '姓名',
  branchId: '所在支部',
  groupId: '党小组',
  memberType: '党员类型',
  probationEndsOn: '转正日期',
  joinedOn: '入党日期',
  committeePosition: '支委职务',
  phone: '手机号码',
  status: '状态',
  expiresAt: '邀请有效期',
}

const VALUE_LABELS: Record<string, Record<string, string>> = {
  memberType: MEMBER_TYPE_LABELS,
  committeePosition: COMMITTEE_POSITION_LABELS,
  status: { active: '在册', inactive: '已停用', open: '有效', revoked: '已撤销', used: '已使用' },
}

export interface FieldChange {
  field: string
  label: string
  before: string
  after: string
}

/** The fields whose values differ between before and after (a creation has no before). */
export function changedFields(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  /** Names of orgs by id (from roster.tree), so 所在支部/党小组 read as names. */
  orgNames: ReadonlyMap<string, string> = new Map(),
): FieldChange[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])
  const changes: FieldChange[] = []
  for (const field of keys) {
    const label = FIELD_LABELS[field]
    if (!label) continue
    const old = before?.[field]
    const now = after?.[field]
    if (JSON.stringify(old) === JSON.stringify(now)) continue
    changes.push({ field, label, before: show(field, old, orgNames), after: show(field, now, orgNames) })
  }
  return changes
}

function show(field: string, value: unknown, orgNames: ReadonlyMap<string, string>): string {
  if (value === null || value === undefined || value === '') return '—'
  if ((field === 'branchId' || field === 'groupId') && typeof value === 'string') return orgNames.get(value) ?? value
  if (field === 'expiresAt' && typeof value === 'number') return shortDateTime(value)
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return VALUE_LABELS[field]?.[text] ?? text
}
