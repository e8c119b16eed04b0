/** Pages of the roster subpackage, so every link is spelled once. */
const ROOT = '/subpackages/roster/pages'

export const TREE_PAGE = `${ROOT}/tree/index`
export const AUDIT_PAGE = `${ROOT}/audit/index`
export const MINE_PAGE = '/pages/mine/index'

export const branchPageUrl = (branchId: string) => `${ROOT}/branch/index?branchId=${encodeURIComponent(branchId)}`
export const memberPageUrl = (memberId: string) => `${ROOT}/member/index?memberId=${encodeURIComponent(memberId)}`
export const newMemberPageUrl = (branchId: string) => `${ROOT}/member/index?branchId=${encodeURIComponent(branchId)}`
export const invitePageUrl = (code: string) => `${ROOT}/invite/index?code=${encodeURIComponent(code)}`
