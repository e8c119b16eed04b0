import type { OrgDoc } from '../../types/roster'
import { COLLECTIONS } from '../runtime/collections'
import type { Store } from '../runtime/store'

/** Every open 党总支 and 党支部 of the tenant (closed ones are history), in tree order; a tenant has at most a few hundred, read once per call. */
export async function tenantOrgs(store: Store, tenantId: string): Promise<OrgDoc[]> {
  const orgs = await store.findAll(
    COLLECTIONS.orgs,
    { tenantId, kind: store.command.in(['branch', 'general_branch']), status: 'active' },
    {
      fields: {
        _id: true,
        tenantId: true,
        kind: true,
        name: true,
        parentId: true,
        ancestors: true,
        order: true,
        schools: true,
        createdAt: true,
      },
    },
  )
  return orgs.sort((a, b) => a.order - b.order)
}
