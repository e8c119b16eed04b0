import type { api } from '../../types/api'
import type { OrgDoc } from '../../types/roster'
import { branchAccess } from '../domain/access/branch-access'
import { runningItems } from '../domain/meeting-compliance/judge'
import { periodBounds } from '../domain/time'
import { COLLECTIONS } from '../runtime/collections'
import type { Handler } from '../runtime/router'
import { loadBranch, requireAccess } from '../shared/branch-access'
import { loadComplianceView } from '../shared/compliance-view'

const YEAR = 366 * 86_400_000

/**
 * 三会一课 of every branch the caller can read (or one), from the same view as
 * the bureau's matrix: with a period, its cell (state and items falling due
 * in it); without, what is owed right now in every running period.
 */
export const compliance: Handler<typeof api.meetings.compliance> = async (input, { caller, store, clock }) => {
  const now = clock.now()
  const tenantId = caller.member.tenantId
  let branches: OrgDoc[]
  if (input.branchId) {
    const branch = await loadBranch(store, caller, input.branchId)
    requireAccess(caller, branch, 'read')
    branches = [branch]
  } else {
    const all = await store.findAll(COLLECTIONS.orgs, { tenantId, kind: 'branch' }, { orderBy: [['order', 'asc']] })
    branches = all.filter((branch) => branchAccess(caller.member, branch) !== 'none')
  }
  // Running periods reach back at most a year (a yearly or term requirement) and on to their end.
  const window = input.period ? periodBounds(input.period) : { start: now - YEAR, end: now + YEAR }
  const view = await loadComplianceView(store, tenantId, branches, window, now)
  return {
    period: input.period ?? null,
    branches: branches.map((branch) => {
      if (input.period) {
        const cell = view.cell(branch._id, input.period)
        return { branchId: branch._id, branchName: branch.name, state: cell.state, items: cell.items }
      }
      return {
        branchId: branch._id,
        branchName: branch.name,
        state: null,
        items: runningItems(view.rules, view.facts(branch._id), view.meetings(branch._id), now),
      }
    }),
  }
}
