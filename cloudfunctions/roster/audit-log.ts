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
  const where = { tenantId: caller.member.tenantId }
  const [docs, total] = await Promise.all([
    store.find<AuditDoc>('audit_log', where, {
      orderBy: [
        ['at', 'desc'],
        ['_id', 'desc'],
      ],
      skip: (input.page - 1) * input.pageSize,
      limit: input.pageSize,
    }),
    store.count('audit_log', where),
  ])
  return {
    items: docs.map(({ _id, tenantId: _tenantId, ...entry }) => ({ id: _id, ...entry })),
    total,
    page: input.page,
  }
}
