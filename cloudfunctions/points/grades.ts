import type { api } from '../../types/api'
import { gradeOf } from '../domain/points/grades'
import { COLLECTIONS } from '../runtime/collections'
import type { Handler } from '../runtime/router'
import { loadBranch, requireAccess } from '../shared/branch-access'
import { exemptMembers } from '../shared/standings'
import { loadCatalogue } from './catalogue'

/** 年度评定: each active member's yearly points and band, to support the annual democratic appraisal. */
export const grades: Handler<typeof api.points.grades> = async (input, { caller, store, clock }) => {
  const branch = await loadBranch(store, caller, input.branchId)
  requireAccess(caller, branch, 'read')
  const tenantId = caller.member.tenantId
  const period = String(input.year)
  const [members, totals, catalogue, exempt] = await Promise.all([
    store.findAll(COLLECTIONS.members, { tenantId, branchId: branch._id, status: 'active' }),
    store.findAll(COLLECTIONS.pointsTotals, { tenantId, scope: 'member', branchId: branch._id, period }),
    loadCatalogue(store, tenantId),
    exemptMembers(store, tenantId, clock.now()),
  ])
  const pointsOf = new Map(totals.map((row) => [row.subjectId, row.points]))
  const items = members
    .map((member) => {
      const points = pointsOf.get(member._id) ?? 0
      return {
        memberId: member._id,
        name: member.name,
        points,
        grade: gradeOf(points, catalogue.grades),
        exempt: exempt.has(member._id),
      }
    })
    .sort((a, b) => b.points - a.points)
  return { year: input.year, bands: catalogue.grades, items }
}
