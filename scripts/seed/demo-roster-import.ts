/**
 * Demo 花名册导入: 实验小学's secretary imported the branch's roster at the
 * start of the spring term, five months ago; the import page shows it as the
 * last import (上次导入). The uploaded sheet itself is gone, as a finished
 * import deletes it.
 */
import { addMonthsLocal, periodBounds, periodKeyOf } from '../../cloudfunctions/domain/time'
import type { ImportDoc } from '../../types/roster-import'
import type { DemoBureau } from './demo-bureau'
import type { SeedBatch, SeedOptions } from './demo-parts'

const HOUR = 3_600_000
const DAY = 24 * HOUR
export const DEMO_IMPORT_MONTHS_AGO = 5

export function demoRosterImport(bureau: DemoBureau, now: number, { history }: SeedOptions): SeedBatch[] {
  if (!history) return []
  const tenantId = bureau.tenants[0]._id
  const branchId = 'org_b_shiyan'
  const secretary = bureau.members.find((m) => m.branchId === branchId && m.committeePosition === 'secretary')
  if (!secretary) return []
  const members = bureau.members.filter((member) => member.branchId === branchId).length
  const thisMonth = periodBounds(periodKeyOf(now, 'month')).start
  const createdAt = addMonthsLocal(thisMonth, -DEMO_IMPORT_MONTHS_AGO) + 3 * DAY + 16 * HOUR
  const doc: ImportDoc = {
    _id: 'imp_demo_shiyan',
    tenantId,
    createdBy: secretary._id,
    createdAt,
    fileID: `cloud://demo.local/imports/${tenantId}/${secretary._id}/实验小学党员花名册.xlsx`,
    branchId,
    status: 'done',
    total: members,
    done: members,
    created: members,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    error: null,
    updatedAt: createdAt + 40_000,
  }
  return [['imports', [doc]]]
}
