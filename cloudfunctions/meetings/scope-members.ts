import type { api } from '../../types/api'
import { isVoting } from '../domain/meetings/scope'
import { COLLECTIONS } from '../runtime/collections'
import type { Handler } from '../runtime/router'
import { loadBranch, requireAccess } from '../shared/branch-access'
import { branchFacts } from '../shared/compliance-view'
import { loadRules } from '../shared/meeting-rules'
import { branchMembers, type PROSPECT_STAGES, prospectsOf } from './plan'

/** The branch as the schedule and 补录 forms pick from it: members, 党小组 with 组长, committee, 列席 prospects. */
export const scopeMembers: Handler<typeof api.meetings.scopeMembers> = async (input, { caller, store }) => {
  const branch = await loadBranch(store, caller, input.branchId)
  requireAccess(caller, branch, 'manage')
  const rules = await loadRules(store, branch.tenantId)
  const [members, groups, facts, prospects] = await Promise.all([
    branchMembers(store, branch.tenantId, branch._id),
    store.findAll(COLLECTIONS.orgs, { tenantId: branch.tenantId, kind: 'group', parentId: branch._id }),
    branchFacts(store, branch.tenantId, new Set([branch._id]), rules),
    prospectsOf(store, branch.tenantId, branch._id),
  ])
  return {
    branchName: branch.name,
    members: members
      .sort((a, b) => a._id.localeCompare(b._id))
      .map((member) => ({
        id: member._id,
        name: member.name,
        groupId: member.groupId,
        committeePosition: member.committeePosition,
        voting: isVoting(member),
      })),
    groups: groups
      .sort((a, b) => a.order - b.order)
      .map((group) => ({ id: group._id, name: group.name, leaderId: group.leaderId ?? null })),
    hasCommittee: facts.get(branch._id)?.hasCommittee ?? false,
    prospects: prospects.map((file) => ({
      id: file._id,
      name: file.name,
      stage: file.stage as (typeof PROSPECT_STAGES)[number],
    })),
  }
}
