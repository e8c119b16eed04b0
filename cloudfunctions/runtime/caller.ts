import type { Role } from '../../types/roles'
import type { MemberDoc } from '../../types/roster'
import { rolesOf } from '../domain/access/roles'
import { COLLECTIONS } from './collections'
import type { Store } from './store'

/** Who is calling, as CloudBase vouches for it: the bound member and their roles. */
export interface Caller {
  openid: string
  member: MemberDoc
  roles: Role[]
}

/** OPENID → binding → active member; null when the WeChat user is not (or no longer) a bound member. */
export async function loadCaller(store: Store, openid: string | null): Promise<Caller | null> {
  if (!openid) return null
  const binding = await store.get(COLLECTIONS.bindings, openid)
  if (!binding) return null
  const member = await store.get(COLLECTIONS.members, binding.memberId)
  if (member?.status !== 'active') return null
  return { openid, member, roles: rolesOf(member) }
}
