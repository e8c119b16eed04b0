/** Pages of the roster subpackage, so every link is spelled once. */
const ROOT = '/subpackages/roster/pages'

export const TREE_PAGE = `${ROOT}/tree/index`
export const AUDIT_PAGE = `${ROOT}/audit/index`
export const MINE_PAGE = '/pages/mine/index'

export const branchPageUrl = (branchId: string) => `${ROOT}/branch/index?branchId=${encodeURIComponent(branchId)}`
export const memberPageUrl = (memberId: string) => `${ROOT}/member/index?memberId=${encodeURIComponent(memberId)}`
export const newMemberPageUrl = (branchId: string) => `${ROOT}/member/index?branchId=${encodeURIComponent(branchId)}`
/** The memberId lets the invite page find the member's open invitations again after a reload. */
export const invitePageUrl = (code: string, memberId: string) =>
  `${ROOT}/invite/index?code=${encodeURIComponent(code)}&memberId=${encodeURIComponent(memberId)}`
/** 批量导入 into one branch, or (null) the whole bureau by the file's 所在党支部 column. */
export const importPageUrl = (branchId: string | null) =>
  branchId ? `${ROOT}/import/index?branchId=${encodeURIComponent(branchId)}` : `${ROOT}/import/index`
