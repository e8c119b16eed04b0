import type { api } from '../../types/api'
import { escapePattern } from '../domain/roster/privacy'
import { COLLECTIONS } from '../runtime/collections'
import { readPage } from '../runtime/read-page'
import type { Handler, HandlerContext, HandlerInput } from '../runtime/router'
import type { Where } from '../runtime/store'
import { loadBranch, requireAccess } from '../shared/branch-access'
import { boundMemberIds, toRow } from './member-row'

type ListInput = HandlerInput<typeof api.roster.listMembers>

/** 党员名册: one page of a branch's members, in the order they entered the roster. */
export const listMembers: Handler<typeof api.roster.listMembers> = async (input, { caller, store }) => {
  const branch = await loadBranch(store, caller, input.branchId)
  const access = requireAccess(caller, branch, 'read')
  const where: Where = { tenantId: branch.tenantId, branchId: branch._id }
  if (!input.includeInactive) where.status = 'active'
  const query = input.search ? searchWithin(store, where, input.search) : where
  return page(store, query, input, access)
}

/** Name contains the text, or the pinyin initials (nameKeys) start with it: 王建 and wj both find 王建国. */
function searchWithin(store: HandlerContext['store'], where: Where, search: string): Where {
  const pattern = escapePattern(search)
  const byName = store.command.or([{ name: store.regex(pattern) }, { nameKeys: store.regex(`^${pattern}`) }])
  return store.command.and([where, byName as Where]) as Where
}

async function page(
  store: HandlerContext['store'],
  where: Where,
  input: ListInput,
  access: ReturnType<typeof requireAccess>,
) {
  const order = [
    ['createdAt', 'asc'],
    ['_id', 'asc'],
  ] as const
  const { items, total, page } = await readPage(store, COLLECTIONS.members, where, order, input)
  const bound = await boundMemberIds(
    store,
    items.map((member) => member._id),
  )
  return { items: items.map((member) => toRow(member, access, bound.has(member._id))), total, page, access }
}
