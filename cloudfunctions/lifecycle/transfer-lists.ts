import type { api } from '../../types/api'
import { COLLECTIONS } from '../runtime/collections'
import { readPage } from '../runtime/read-page'
import type { Handler } from '../runtime/router'
import { branchNames, listScope, transferRow } from './transfer-view'

/**
 * 组织关系转接 of a branch, a member or (bureau staff) the tenant. Open ones
 * come oldest letter first — the expired among them, which need a 回执 chased
 * or a 撤销, rise to the top; all of them newest change first.
 */
export const listTransfers: Handler<typeof api.lifecycle.listTransfers> = async (input, ctx) => {
  const where = await listScope(ctx, input)
  const page = input.openOnly
    ? await readPage(ctx.store, COLLECTIONS.transfers, { ...where, status: 'open' }, [['issuedOn', 'asc']], input)
    : await readPage(ctx.store, COLLECTIONS.transfers, where, [['updatedAt', 'desc']], input)
  const names = await branchNames(
    ctx.store,
    page.items.map((transfer) => transfer.branchId),
  )
  const now = ctx.clock.now()
  return {
    ...page,
    items: page.items.map((transfer) => transferRow(transfer, names.get(transfer.branchId) ?? '', now)),
  }
}
