import type { api } from '../../types/api'
import { COLLECTIONS } from '../runtime/collections'
import { readPage } from '../runtime/read-page'
import type { Handler } from '../runtime/router'

/** 操作日志: newest first, one page at a time. */
export const auditLog: Handler<typeof api.roster.auditLog> = async (input, { caller, store }) => {
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
