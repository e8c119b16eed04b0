import { readPage } from '../runtime/read-page'
import type { HandlerContext } from '../runtime/router'

interface AuditDoc {
  _id: string
  tenantId: string
  at: number
  actorName: string
  action: string
  targetId: string
  summary: string
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
}

/** 操作日志: newest first, one page at a time. */
export async function auditLog(input: { page: number; pageSize: number }, { caller, store }: HandlerContext) {
  const { items, total, page } = await readPage<AuditDoc>(
    store,
    'audit_log',
    { tenantId: caller.member.tenantId },
    [
      ['at', 'desc'],
      ['_id', 'desc'],
    ],
    input,
  )
  return { items: items.map(({ _id, tenantId: _tenantId, ...entry }) => ({ id: _id, ...entry })), total, page }
}
