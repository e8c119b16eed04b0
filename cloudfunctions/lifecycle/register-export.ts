import type { api } from '../../types/api'
import { branchAccess } from '../domain/access/branch-access'
import { REGISTER_HEADERS, registerMemberIds, registerRows } from '../domain/lifecycle/development-register'
import { shanghaiStamp } from '../domain/time'
import { COLLECTIONS } from '../runtime/collections'
import type { Handler } from '../runtime/router'
import { loadBranch, requireAccess } from '../shared/branch-access'
import { exportXlsx } from '../shared/exports'
import { membersByIds } from '../shared/members'

/**
 * 发展党员登记册 as .xlsx: the files of one branch the caller manages, or of
 * every branch they manage (the tenant for bureau staff, their 党总支's
 * branches for its secretary), ordered by branch and then by application.
 * Audited as every export is.
 */
export const exportDevelopmentRegister: Handler<typeof api.lifecycle.exportDevelopmentRegister> = async (
  input,
  ctx,
) => {
  const { caller, store, clock } = ctx
  const tenantId = caller.member.tenantId
  const chosen = input.branchId ? await loadBranch(store, caller, input.branchId) : null
  if (chosen) requireAccess(caller, chosen, 'manage')
  const [branches, files] = await Promise.all([
    store.findAll(COLLECTIONS.orgs, { tenantId, kind: 'branch' }, { orderBy: [['order', 'asc']] }),
    store.findAll(COLLECTIONS.developmentFiles, chosen ? { tenantId, branchId: chosen._id } : { tenantId }),
  ])
  const managed = branches.filter((branch) => branchAccess(caller.member, branch) === 'manage')
  const rank = new Map(managed.map((branch, index) => [branch._id, index]))
  const appliedOn = (file: (typeof files)[number]) => file.steps[0]?.on ?? ''
  const listed = files
    .filter((file) => rank.has(file.branchId))
    .sort(
      (a, b) =>
        (rank.get(a.branchId) ?? 0) - (rank.get(b.branchId) ?? 0) ||
        appliedOn(a).localeCompare(appliedOn(b)) ||
        a.name.localeCompare(b.name, 'zh-CN'),
    )
  const names = await membersByIds(store, registerMemberIds(listed))
  const branchName = new Map(branches.map((branch) => [branch._id, branch.name]))
  const rows = registerRows(
    listed,
    (id) => branchName.get(id) ?? '',
    (id) => names.get(id)?.name ?? '',
  )
  const scope = chosen ? chosen.name : caller.roles.includes('bureau_staff') ? '全县' : '所辖支部'
  const title = `发展党员登记册-${scope}`
  const download = await exportXlsx(
    ctx,
    `${title}-${shanghaiStamp(clock.now())}.xlsx`.replace(/[\\/:*?"<>|]/g, '_'),
    [{ name: '发展党员登记册', headers: [...REGISTER_HEADERS], rows }],
    {
      action: 'lifecycle.exportRegister',
      targetId: chosen?._id ?? tenantId,
      summary: `导出${title}（${rows.length} 人）`,
    },
  )
  return { ...download, rows: rows.length }
}
