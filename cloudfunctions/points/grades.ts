import type { TotalsDoc } from '../../types/points'
import type { MemberDoc } from '../../types/roster'
import { gradeOf } from '../domain/points/grades'
import { loadBranch, requireAccess } from '../roster/branch-access'
import type { HandlerContext } from '../runtime/router'
import { loadCatalogue } from './catalogue'
import { exemptMembers } from './exempt'
import { TOTALS } from './totals'

/** 年度评定: each active member's yearly points and band, to support the annual democratic appraisal. */
export async function grades(input: { branchId: string; year: number }, { caller, store }: HandlerContext) {
  const branch = await loadBranch(store, caller, input.branchId)
  requireAccess(caller, branch, 'read')
  const tenantId = caller.member.tenantId
  const period = String(input.year)
  const [members, totals, catalogue, exempt] = await Promise.all([
    store.findAll<MemberDoc>('members', { tenantId, branchId: branch._id, status: 'active' }),
    store.findAll<TotalsDoc>(TOTALS, { tenantId, scope: 'member', branchId: branch._id, period }),
    loadCatalogue(store, tenantId),
    exemptMembers(store, tenantId),
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
