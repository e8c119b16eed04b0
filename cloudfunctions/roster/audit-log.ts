import { COLLECTIONS } from '../runtime/collections'
import { readPage } from '../runtime/read-page'
import type { HandlerContext } from '../runtime/router'

/** 操作日志: newest first, one page at a time. */
export async function auditLog(input: { page: number; pageSize: number }, { caller, store }: HandlerContext) {
  const { items, total, page } = await readPage(
    store,
    COLLECTIONS.auditLog,
    { tenantId: caller.member.tenantId },
    [
      ['at', 'desc'],
      ['_id', 'desc'],
    ],
    input,
  )
  return { items: items.map(({ _id, tenantId: _tenantId, ...entry }) => ({ id: _id, ...entry })), total, page }
}
