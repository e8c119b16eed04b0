import type { api } from '../../types/api'
import { COMMITTEE_POSITION_LABELS, MEMBER_TYPE_LABELS } from '../../types/labels'
import { branchAccess } from '../domain/access/branch-access'
import { maskPhone } from '../domain/roster/privacy'
import { shanghaiStamp } from '../domain/time'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import type { Handler } from '../runtime/router'
import { loadBranch, requireAccess } from '../shared/branch-access'
import { EXPORT_LINK_SECONDS, exportXlsx } from '../shared/exports'
import { rosterTemplate } from './template'

const HEADERS = ['姓名', '所在党支部', '党小组', '人员类别', '入党日期', '转正日期', '职务', '手机号码', '状态']

/** 导出名册: one branch, or the whole tenant for bureau staff; a link valid for 10 minutes. */
export const exportRoster: Handler<typeof api.roster.exportRoster> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const tenantId = caller.member.tenantId
  let where: Record<string, unknown>
  if (input.branchId === null) {
    if (!caller.roles.includes('bureau_staff')) throw new DomainError('AUTH.FORBIDDEN')
    where = { tenantId }
  } else {
    const branch = await loadBranch(store, caller, input.branchId)
    requireAccess(caller, branch, 'read')
    where = { tenantId, branchId: branch._id }
  }
  const [orgs, members] = await Promise.all([
    store.findAll(COLLECTIONS.orgs, { tenantId }),
    store.findAll(COLLECTIONS.members, where, { orderBy: [['branchId', 'asc']] }),
  ])
  const orgById = new Map(orgs.map((org) => [org._id, org]))
  const rows = members
    .filter((member) => member.branchId !== null)
    .map((member) => {
      const branch = orgById.get(member.branchId as string)
      const manages = branch ? branchAccess(caller.member, branch) === 'manage' : false
      return [
        member.name,
        branch?.name ?? '',
        member.groupId ? (orgById.get(member.groupId)?.name ?? '') : '',
        MEMBER_TYPE_LABELS[member.memberType],
        member.joinedOn ?? '',
        member.probationEndsOn ?? '',
        member.committeePosition ? COMMITTEE_POSITION_LABELS[member.committeePosition] : '',
        member.phone ? (manages ? member.phone : maskPhone(member.phone)) : '',
        member.status === 'active' ? '在册' : '已停用',
      ]
    })
  const scopeName = input.branchId ? (orgById.get(input.branchId)?.name ?? '') : '全部支部'
  const fileName = `党员名册-${scopeName}-${shanghaiStamp(clock.now())}.xlsx`
  const download = await exportXlsx(
    ctx,
    fileName,
    [{ name: '党员名册', headers: HEADERS, rows, textColumns: [4, 5, 7] }],
    {
      action: 'roster.exportRoster',
      targetId: input.branchId ?? tenantId,
      summary: `导出党员名册（${scopeName}，${rows.length} 人）`,
    },
  )
  return { ...download, count: rows.length }
}

/** 下载模板 */
export const importTemplate: Handler<typeof api.roster.importTemplate> = async (_input, { files, functions }) => {
  const fileName = '党员花名册导入模板.xlsx'
  const { fileID } = await functions.call('sheets', 'write', {
    tables: rosterTemplate(),
    cloudPath: `templates/${fileName}`,
  })
  return { url: await files.link(fileID, EXPORT_LINK_SECONDS), fileName }
}
