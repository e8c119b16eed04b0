import type { api } from '../../types/api'
import type { Role } from '../../types/roles'
import type { Me, MemberDoc, Preferences } from '../../types/roster'
import { COLLECTIONS } from '../runtime/collections'
import type { Handler } from '../runtime/router'
import type { Store } from '../runtime/store'

/** A member's profile resolved to names: tenant, branch (joint or not), party group. */
export async function profileOf(store: Store, member: MemberDoc, roles: Role[]): Promise<Me> {
  const orgIds = [member.branchId, member.groupId].filter((id): id is string => id !== null)
  const [tenant, orgs] = await Promise.all([
    store.get(COLLECTIONS.tenants, member.tenantId),
    orgIds.length
      ? store.find(COLLECTIONS.orgs, { _id: store.command.in(orgIds), tenantId: member.tenantId })
      : Promise.resolve([]),
  ])
  const byId = new Map(orgs.map((org) => [org._id, org]))
  const branch = member.branchId ? byId.get(member.branchId) : undefined
  const group = member.groupId ? byId.get(member.groupId) : undefined
  return {
    memberId: member._id,
    name: member.name,
    tenant: { id: member.tenantId, name: tenant?.name ?? '' },
    branch: branch ? { id: branch._id, name: branch.name, joint: (branch.schools?.length ?? 0) > 0 } : null,
    group: group ? { id: group._id, name: group.name } : null,
    memberType: member.memberType,
    committeePosition: member.committeePosition,
    roles,
    preferences: preferencesOf(member),
  }
}

/** A member's settings, the defaults filled in for those who never changed them. */
export function preferencesOf(member: Pick<MemberDoc, 'preferences'>): Preferences {
  return { careMode: member.preferences?.careMode ?? false }
}

/** 我的: the caller's own profile. */
export const me: Handler<typeof api.roster.me> = async (_input, { caller, store }) => {
  return profileOf(store, caller.member, caller.roles)
}
