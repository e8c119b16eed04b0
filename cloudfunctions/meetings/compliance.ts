import type { api } from '../../types/api'
import type { MeetingDoc } from '../../types/meetings'
import type { OrgDoc } from '../../types/roster'
import { branchAccess } from '../domain/access/branch-access'
import { complianceOf, MAKE_UP_HORIZON } from '../domain/meeting-compliance'
import { periodBounds, periodKeyOf } from '../domain/time'
import { COLLECTIONS } from '../runtime/collections'
import { within } from '../runtime/range'
import type { Handler } from '../runtime/router'
import { loadBranch, requireAccess } from '../shared/branch-access'
import { loadRules } from '../shared/meeting-rules'

/** 三会一课 compliance of every branch the caller can read (or one), for a period. */
export const compliance: Handler<typeof api.meetings.compliance> = async (input, { caller, store, clock }) => {
  const now = clock.now()
  const tenantId = caller.member.tenantId
  const period = input.period ?? periodKeyOf(now, 'month')
  let branches: OrgDoc[]
  if (input.branchId) {
    const branch = await loadBranch(store, caller, input.branchId)
    requireAccess(caller, branch, 'read')
    branches = [branch]
  } else {
    const all = await store.findAll(
      COLLECTIONS.orgs,
      { tenantId, kind: 'branch', status: 'active' },
      { orderBy: [['order', 'asc']] },
    )
    branches = all.filter((branch) => branchAccess(caller.member, branch) !== 'none')
  }
  const rules = await loadRules(store, tenantId)
  const { start, end } = periodBounds(period)
  const ids = branches.map((branch) => branch._id)
  const meetings: Pick<MeetingDoc, '_id' | 'branchId' | 'type' | 'startsAt' | 'status' | 'makeUpFor'>[] = []
  for (let i = 0; i < ids.length; i += 500) {
    meetings.push(
      ...(await store.findAll(
        COLLECTIONS.meetings,
        {
          tenantId,
          branchId: store.command.in(ids.slice(i, i + 500)),
          startsAt: within(store, start, end + MAKE_UP_HORIZON),
        },
        { fields: { _id: true, branchId: true, type: true, startsAt: true, status: true, makeUpFor: true } },
      )),
    )
  }
  return {
    period,
    branches: branches.map((branch) => ({
      branchId: branch._id,
      branchName: branch.name,
      items: complianceOf(
        period,
        rules.minimums,
        meetings.filter((meeting) => meeting.branchId === branch._id),
        now,
      ),
    })),
  }
}
