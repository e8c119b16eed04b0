import type { api } from '../../types/api'
import { escapePattern } from '../domain/roster/privacy'
import { COLLECTIONS } from '../runtime/collections'
import { readPage } from '../runtime/read-page'
import type { Handler, HandlerContext, HandlerInput } from '../runtime/router'
import type { Where } from '../runtime/store'
import { loadBranch, requireAccess } from '../shared/branch-access'
import { boundMemberIds, floatingOf, toRow, withFloating } from './member-row'

type ListInput = HandlerInput<typeof api.roster.listMembers>

/** 党员名册: one page of a branch's members, in the order they entered the roster. */
export const listMembers: Handler<typeof api.roster.listMembers> = async (input, { caller, store }) => {
  const branch = await loadBranch(store, caller, input.branchId)
  const access = requireAccess(caller, branch, 'read')
  const where: Where = { tenantId: branch.tenantId, branchId: branch._id }
  if (!input.includeInactive) where.status = 'active'
  const query = input.search ? searchWithin(store, where, input.search) : where
  return page(store, query, input, access, branch.tenantId)
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
  tenantId: string,
) {
  const order = [
    ['createdAt', 'asc'],
    ['_id', 'asc'],
  ] as const
  const { items, total, page } = await readPage(store, COLLECTIONS.members, where, order, input)
  const ids = items.map((member) => member._id)
  // One read each for the page's members: bindings, locked invitations, open 流动党员 records.
  const [bound, locked, floating] = await Promise.all([
    boundMemberIds(store, ids),
    lockedInvitations(store, tenantId, ids, access),
    floatingOf(store, tenantId, ids),
  ])
  const rows = items.map((member) => {
    const row = withFloating(toRow(member, access, bound.has(member._id)), floating)
    return locked.has(member._id) ? { ...row, invitationLocked: true } : row
  })
  return { items: rows, total, page, access }
}

/** Members of the page whose invitation locked after wrong names: the secretary sees it on the roster. */
async function lockedInvitations(
  store: HandlerContext['store'],
  tenantId: string,
  ids: string[],
  access: 'manage' | 'read',
) {
  if (access !== 'manage' || ids.length === 0) return new Set<string>()
  const locked = await store.find(
    COLLECTIONS.invitations,
    { tenantId, memberId: store.command.in(ids), status: 'locked' },
    { fields: { memberId: true } },
  )
  return new Set(locked.map((invitation) => invitation.memberId))
}
