import type { OutputOf } from '../../../../types/api'

type MemberAccess = Pick<OutputOf<'roster', 'getMember'>, 'access' | 'status' | 'bound'>

/** What the member page offers, from the server's `access` (never inferred from roles on the client). */
export interface MemberManagement {
  /** The form instead of the read-only detail, and the 管理 actions (转接、停用). */
  editable: boolean
  /** 生成绑定邀请 and the list of open invitations: only for a member not yet bound. */
  invites: boolean
  /** 解除绑定: only for a member whose WeChat is bound. */
  unbinds: boolean
}

export function memberManagement(member: MemberAccess): MemberManagement {
  const editable = member.access === 'manage' && member.status === 'active'
  return { editable, invites: editable && !member.bound, unbinds: editable && member.bound }
}
