import type { CellState } from '../../types/compliance'
import type { ComplianceItem, MeetingRules } from '../../types/meetings'
import type { OrgDoc } from '../../types/roster'
import { judgeCell, recordsSince } from '../domain/meeting-compliance/cells'
import type { JudgedMeeting } from '../domain/meeting-compliance/evidence'
import { judgedFrom, MAKE_UP_HORIZON } from '../domain/meeting-compliance/periods'
import { type BranchFacts, hasCommittee } from '../domain/meeting-compliance/units'
import { COLLECTIONS } from '../runtime/collections'
import type { Store } from '../runtime/store'
import { meetingsByBranch } from './meeting-digests'
import { loadRules } from './meeting-rules'

/**
 * Each branch's facts the compliance rule needs besides its meetings: its
 * 党小组 in order and whether it has a committee (7+ active full members, or
 * the bureau's setting) — two reads for the whole tenant.
 */
export async function branchFacts(
  store: Store,
  tenantId: string,
  branchIds: ReadonlySet<string>,
  rules: Pick<MeetingRules, 'committeeOverrides'>,
): Promise<Map<string, BranchFacts>> {
  const [groups, fullMembers] = await Promise.all([
    store.findAll(
      COLLECTIONS.orgs,
      { tenantId, kind: 'group' },
      { fields: { _id: true, parentId: true, name: true, order: true } },
    ),
    store.countBy(COLLECTIONS.members, { tenantId, status: 'active', memberType: 'formal' }, 'branchId'),
  ])
  const facts = new Map<string, BranchFacts>()
  for (const branchId of branchIds) {
    facts.set(branchId, {
      hasCommittee: hasCommittee(fullMembers.get(branchId) ?? 0, rules.committeeOverrides[branchId]),
      groups: groups
        .filter((group) => group.parentId === branchId)
        .sort((a, b) => a.order - b.order)
        .map((group) => ({ id: group._id, name: group.name })),
    })
  }
  return facts
}

/**
 * What every 三会一课 figure is computed from, read once: the tenant's rules,
 * each branch's facts and its meetings from the digests, and when the
 * records begin. The bureau's matrix, overview, trend, monthly report,
 * exports and cell detail, and the secretary's card, all judge cells with
 * `cell` — one rule, one source, so no two screens disagree.
 */
export interface ComplianceView {
  rules: MeetingRules
  now: number
  since: number
  facts(branchId: string): BranchFacts
  meetings(branchId: string): JudgedMeeting[]
  cell(branchId: string, period: string): { items: ComplianceItem[]; state: CellState }
}

const NO_FACTS: BranchFacts = { hasCommittee: false, groups: [] }

/**
 * The view over `branches` for cells in [start, end): the reads reach back to
 * where the requirements falling due in them began, and on to make-ups (补开)
 * and to now.
 */
export async function loadComplianceView(
  store: Store,
  tenantId: string,
  branches: readonly Pick<OrgDoc, '_id' | 'createdAt'>[],
  window: { start: number; end: number },
  now: number,
): Promise<ComplianceView> {
  const ids = new Set(branches.map((branch) => branch._id))
  const rules = await loadRules(store, tenantId)
  const [facts, { byBranch, earliest }] = await Promise.all([
    branchFacts(store, tenantId, ids, rules),
    meetingsByBranch(
      store,
      tenantId,
      judgedFrom(window, rules),
      Math.min(window.end + MAKE_UP_HORIZON, Math.max(window.end, now + 1)),
      ids,
    ),
  ])
  const since = recordsSince(earliest, now)
  // A branch made in the app is not judged for periods that ended before it existed.
  const createdAt = new Map(branches.map((branch) => [branch._id, branch.createdAt ?? since]))
  const sinceOf = (branchId: string) => Math.max(since, createdAt.get(branchId) ?? since)
  const view: ComplianceView = {
    rules,
    now,
    since,
    facts: (branchId) => facts.get(branchId) ?? NO_FACTS,
    meetings: (branchId) => byBranch.get(branchId) ?? [],
    cell: (branchId, period) =>
      judgeCell(period, rules, view.facts(branchId), view.meetings(branchId), now, sinceOf(branchId)),
  }
  return view
}
