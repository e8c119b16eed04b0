import { defineAction } from './action'
import { DateOnly, Id } from './ids'
import { pageInput } from './paging'
import { ROLES, ROSTER_MANAGERS, ROSTER_READERS, Role } from './roles'
import * as z from './zod'

/** 支委会 positions a member may hold in their branch. */
export const COMMITTEE_POSITIONS = [
  'secretary', // 书记
  'deputy_secretary', // 副书记
  'organization', // 组织委员
  'publicity', // 宣传委员
  'discipline', // 纪检委员
  'committee_member', // 委员 (a seat without a named portfolio: 青年委员、保密委员…)
] as const
export const CommitteePosition = z.enum(COMMITTEE_POSITIONS)
export type CommitteePosition = z.infer<typeof CommitteePosition>

/** Nodes of the organisation tree. */
export const ORG_KINDS = [
  'committee', // 教育局党委 (one per tenant, the root)
  'general_branch', // 党总支
  'branch', // 党支部 (or 联合支部 when joint)
  'group', // 党小组
] as const
export const OrgKind = z.enum(ORG_KINDS)
export type OrgKind = z.infer<typeof OrgKind>

/** The kinds the app creates: the 党委 at the root comes with the tenant. */
export const NEW_ORG_KINDS = ['general_branch', 'branch', 'group'] as const
export type NewOrgKind = (typeof NEW_ORG_KINDS)[number]

/** 学校类型 of the school(s) a branch serves. */
export const SCHOOL_TYPES = [
  'kindergarten', // 幼儿园
  'primary', // 小学
  'junior', // 初中
  'nine_year', // 九年一贯制
  'senior', // 高中
  'complete', // 完全中学
  'vocational', // 职业学校
  'special', // 特殊教育
  'teaching_point', // 教学点
  'other', // 其他
] as const
export const SchoolType = z.enum(SCHOOL_TYPES)
export type SchoolType = z.infer<typeof SchoolType>

/** One school a branch serves: a school's own branch has one, a 联合支部 two or more. */
export const School = z.object({
  name: z.string().trim().min(2, '学校名称至少2个字').max(30, '学校名称不能超过30个字'),
  type: SchoolType,
})
export type School = z.infer<typeof School>

export const OrgStatus = z.enum(['active', 'closed']) // 正常 / 已撤销
export type OrgStatus = z.infer<typeof OrgStatus>

export const MemberType = z.enum(['formal', 'probationary']) // 正式党员 / 预备党员
export type MemberType = z.infer<typeof MemberType>

/** Roles granted beyond those that follow from branch membership. */
export const Grant = z.discriminatedUnion('role', [
  z.object({ role: z.literal('bureau_staff') }),
  z.object({ role: z.literal('general_branch_secretary'), orgId: Id }),
  z.object({ role: z.literal('instructor'), orgIds: z.array(Id) }),
])
export type Grant = z.infer<typeof Grant>

/** A member's own settings of the app, kept with them across phones (我的 → 关怀模式). */
export const Preferences = z.object({
  /** 关怀模式: larger text and tap targets, and a 首页 of three big cards, for older and retired members. */
  careMode: z.boolean(),
})
export type Preferences = z.infer<typeof Preferences>

/** Stored documents (collection name in the comment). */
export const OrgDoc = z.object({
  _id: Id,
  tenantId: Id,
  kind: OrgKind,
  name: z.string().min(1).max(60),
  parentId: Id.nullable(),
  /** Ids from the root down to the parent, so a subtree is one query. */
  ancestors: z.array(Id),
  /** Branches: the school(s) served; two or more make a 联合支部. Absent on branches made before schools were kept. */
  schools: z.array(School).optional(),
  /** Groups: the 党小组组长 (a member of the branch), or none yet; the host a 党小组会 starts from. */
  leaderId: Id.nullable().optional(),
  order: z.number().int(),
  /**
   * When the node was made in the app (组织管理); absent on nodes that came with the tenant. A branch is
   * not judged for 三会一课 periods that ended before it existed.
   */
  createdAt: z.number().optional(),
  /** A closed (撤销) node stays, with its history; nothing under it is active. */
  status: OrgStatus,
  closedAt: z.number().nullable().optional(),
  closedReason: z.string().nullable().optional(),
  /** Set when it was closed by merging into another node of its kind. */
  mergedInto: Id.nullable().optional(),
}) // orgs
export type OrgDoc = z.infer<typeof OrgDoc>

export const MemberDoc = z.object({
  _id: Id,
  tenantId: Id,
  name: z.string().min(1).max(30),
  branchId: Id.nullable(),
  groupId: Id.nullable(),
  memberType: MemberType,
  probationEndsOn: DateOnly.nullable(),
  joinedOn: DateOnly.nullable(),
  committeePosition: CommitteePosition.nullable(),
  phone: z.string().nullable(),
  status: z.enum(['active', 'inactive']),
  grants: z.array(Grant),
  /** Pinyin initials and full pinyin of the name (wjg, wangjianguo), for search; derived on write. */
  nameKeys: z.array(z.string()).optional(),
  /**
   * When a WeChat was bound to this member (null/absent: none). Set by a conditional write before the
   * binding is stored, so two invitations accepted at once bind one WeChat; cleared by 解除绑定.
   */
  boundAt: z.number().nullable().optional(),
  /** When bureau staff erased this departed member's personal data (the name is then a placeholder). */
  erasedAt: z.number().optional(),
  /** Set only by the member (roster.setPreferences); absent means the defaults. */
  preferences: Preferences.optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
}) // members
export type MemberDoc = z.infer<typeof MemberDoc>

/** One WeChat user bound to one member; `_id` is the OPENID so a second bind of it fails. */
export const BindingDoc = z.object({
  _id: z.string(),
  tenantId: Id,
  memberId: Id,
  boundAt: z.number(),
}) // bindings
export type BindingDoc = z.infer<typeof BindingDoc>

/** tenants: one bureau party committee (教育局党委) and everything under it. */
export interface TenantDoc {
  _id: string
  name: string
}

/**
 * member_keys: `_id` = `k_` + HMAC(tenant's roster secret, the import row's key), the member an import
 * created for that row. Makes a re-run of an import create each member once, without the member's id
 * carrying anything of the row (a phone, a name). No action answers it.
 */
export interface MemberKeyDoc {
  _id: string
  tenantId: string
  memberId: string
  createdAt: number
}

/** invitations: `_id` is the code itself (single lookup, unguessable: 16 characters of 56). */
export interface InvitationDoc {
  _id: string
  tenantId: string
  memberId: string
  createdBy: string
  createdAt: number
  expiresAt: number
  /** locked: too many wrong names were typed (INVITATION_MAX_WRONG_NAMES); the secretary sees it and issues another. */
  status: 'open' | 'used' | 'revoked' | 'locked'
  usedBy?: string
  usedAt?: number
  /** Wrong names typed so far. */
  wrongNames?: number
  lockedAt?: number
}

/** membership_changes: a membership change (转入/转出/离开) kept with its date and who did it. */
export interface MembershipChangeDoc {
  _id: string
  tenantId: string
  memberId: string
  kind: 'join' | 'transfer_in' | 'transfer_out' | 'leave'
  branchId: string
  otherBranchId?: string
  reason?: string
  /** The day it took effect when that is not the day it was recorded (a 回执 or 报到 entered later); dues read it. */
  on?: string
  at: number
  by: string
}

/** audit_log: append-only, who changed what, when, and the document before and after (操作日志). */
export interface AuditDoc {
  _id: string
  tenantId: string
  at: number
  actorId: string
  actorName: string
  action: string
  targetId: string
  summary: string
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
}

const OrgRef = z.object({ id: Id, name: z.string() })

export const Me = z.object({
  memberId: Id,
  name: z.string(),
  tenant: OrgRef,
  branch: OrgRef.extend({ joint: z.boolean() }).nullable(),
  group: OrgRef.nullable(),
  memberType: MemberType,
  committeePosition: CommitteePosition.nullable(),
  roles: z.array(Role),
  /** The member's settings; a profile written before there were any reads as the defaults. */
  preferences: Preferences.default({ careMode: false }),
})
export type Me = z.infer<typeof Me>

/** What an erased member is called wherever their name was kept (records and statistics stay). */
export const ERASED_NAME = '已删除党员'

/** 11-digit mainland mobile number. */
export const Phone = z.string().regex(/^1\d{10}$/, '请输入11位手机号码')

/** A person's name as the roster keeps it: 1–30 letters, no control characters. */
export const PersonName = z
  .string()
  .trim()
  .min(1, '请填写姓名')
  .max(30, '姓名不能超过30个字')
  .regex(/^[^\p{C}]+$/u, '姓名含有无法识别的字符')
  // 陈 晓东 / 陈　晓东 → 陈晓东; Latin-script names keep one space between words.
  .transform((name) => name.replace(/[\s\u3000]+/g, ' ').replace(/(?<=\p{Script=Han}) (?=\p{Script=Han})/gu, ''))

export const OrgNode = z.object({
  id: Id,
  kind: OrgKind,
  name: z.string(),
  parentId: Id.nullable(),
  schools: z.array(School),
  /** Groups: the 组长 while they are an active member of the group's branch. */
  leader: z.object({ id: Id, name: z.string() }).nullable(),
  status: OrgStatus,
  /** Active members in this node and everything under it. */
  memberCount: z.number().int().nonnegative(),
})
export type OrgNode = z.infer<typeof OrgNode>

/** What the caller may do with a node of the tree, so a screen offers only that (the server decides again). */
export const TreeNode = OrgNode.extend({
  may: z.object({
    /** Rename, merge away, close; for a group, name its 组长. */
    change: z.boolean(),
    /** Move under another 党总支 or the 党委 (branches; bureau staff). */
    move: z.boolean(),
    /** The kinds the caller may create right under it. */
    create: z.array(z.enum(NEW_ORG_KINDS)),
  }),
})
export type TreeNode = z.infer<typeof TreeNode>

export const MemberRow = z.object({
  id: Id,
  name: z.string(),
  branchId: Id.nullable(),
  groupId: Id.nullable(),
  memberType: MemberType,
  probationEndsOn: DateOnly.nullable(),
  joinedOn: DateOnly.nullable(),
  committeePosition: CommitteePosition.nullable(),
  /** Full number for those who manage the branch, masked (138****8000) for others. */
  phone: z.string().nullable(),
  status: z.enum(['active', 'inactive']),
  bound: z.boolean(),
  /** Set for those who manage the branch when an invitation of the member was locked by wrong names. */
  invitationLocked: z.boolean().optional(),
  /**
   * Set on the roster's reads (listMembers, getMember) while the member has an open 流动党员 record: where
   * they are and the Party organisation they take part in there (the 流动党员 badge).
   */
  floating: z.object({ whereabouts: z.string(), hostOrg: z.string().nullable() }).optional(),
})
export type MemberRow = z.infer<typeof MemberRow>

export const MemberFields = z.object({
  name: PersonName,
  groupId: Id.nullable(),
  memberType: MemberType,
  probationEndsOn: DateOnly.nullable(),
  joinedOn: DateOnly.nullable(),
  committeePosition: CommitteePosition.nullable(),
  phone: Phone.nullable(),
})
export type MemberFields = z.infer<typeof MemberFields>

/** A 预备党员 has an expected 转正日期; without it nobody is reminded when the probation year ends. */
function withProbationDate<T extends z.ZodType<{ memberType: MemberType; probationEndsOn: string | null }>>(schema: T) {
  return schema.refine((fields) => fields.memberType !== 'probationary' || fields.probationEndsOn !== null, {
    message: '预备党员请填写预计转正日期',
    path: ['probationEndsOn'],
  })
}

/** How far the caller reaches into a branch: `manage` may change it, `read` only sees it (phones masked). */
export const BranchAccess = z.enum(['manage', 'read'])

const Page = pageInput()

const InvitationCode = z.string().regex(/^[A-Za-z0-9]{16}$/, '邀请码格式不正确')

export const Invitation = z.object({
  code: InvitationCode,
  memberId: Id,
  memberName: z.string(),
  branchName: z.string(),
  createdAt: z.number(),
  expiresAt: z.number(),
  /** Mini-program page a share card or mini-program code opens. */
  path: z.string(),
})

export const AuditEntry = z.object({
  id: Id,
  at: z.number(),
  actorName: z.string(),
  action: z.string(),
  targetId: z.string(),
  summary: z.string(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
})

/** Why an invitation cannot be used (any more). */
const INVITATION_REFUSALS = [
  'INVITATION.NOT_FOUND',
  'INVITATION.EXPIRED',
  'INVITATION.USED',
  'INVITATION.REVOKED',
  'INVITATION.LOCKED',
] as const

/** An invitation locked by wrong names, shown to the secretary so they check with the member and issue another. */
export const LockedInvitation = z.object({ code: InvitationCode, lockedAt: z.number(), wrongNames: z.number().int() })

/** Why a member's fields may be refused on add or edit. */
const FIELD_REFUSALS = [
  'ROSTER.NOT_FOUND',
  'ROSTER.GROUP_MISMATCH',
  'ROSTER.DUPLICATE_PHONE',
  'ROSTER.SECRETARY_TAKEN',
  'ORG.SELF',
] as const

export const rosterActions = {
  me: defineAction({
    summary: "The caller's own profile: name, branch, party group, committee position and roles.",
    input: z.object({}).strict(),
    output: Me,
    roles: ROLES,
    errors: [],
  }),
  setPreferences: defineAction({
    summary:
      "Sets the caller's own app settings (关怀模式); only the caller's own, so no member id is taken. Answers the settings as stored.",
    input: Preferences.strict(),
    output: Preferences,
    roles: ROLES,
    errors: [],
  }),
  tree: defineAction({
    summary:
      'The organisation tree the caller may see (the whole tenant for bureau staff), with active member counts per node.',
    input: z.object({}).strict(),
    output: z.object({ nodes: z.array(TreeNode) }),
    roles: ROSTER_READERS,
    errors: [],
  }),
  listMembers: defineAction({
    summary:
      "One page of a branch's roster, searchable by name or pinyin initials; phones masked for readers who do not manage it.",
    input: Page.extend({
      branchId: Id,
      search: z.string().trim().max(20).optional(),
      includeInactive: z.boolean().default(false),
    }),
    output: z.object({
      items: z.array(MemberRow),
      total: z.number().int(),
      page: z.number().int(),
      access: BranchAccess,
    }),
    roles: ROSTER_READERS,
    errors: ['ROSTER.NOT_FOUND'],
  }),
  getMember: defineAction({
    summary:
      'One member of a branch the caller may read, with their branch name (phone masked unless the caller manages it).',
    input: z.object({ memberId: Id }),
    output: MemberRow.extend({ branchName: z.string().nullable(), access: BranchAccess }),
    roles: ROSTER_READERS,
    errors: ['ROSTER.NOT_FOUND'],
  }),
  addMember: defineAction({
    summary:
      'Adds a member to a branch the caller manages (written as a 转入/join membership change). With `requestId` (made once per intent by the client) a retry after a network error answers the member the first try added.',
    input: withProbationDate(MemberFields.extend({ branchId: Id, requestId: Id.optional() })),
    output: MemberRow,
    roles: ROSTER_MANAGERS,
    errors: FIELD_REFUSALS,
  }),
  updateMember: defineAction({
    summary: 'Edits a member of a branch the caller manages: group, type, dates, committee position, phone.',
    input: withProbationDate(MemberFields.extend({ memberId: Id })),
    output: MemberRow,
    roles: ROSTER_MANAGERS,
    errors: [...FIELD_REFUSALS, 'ROSTER.INACTIVE'],
  }),
  deactivateMember: defineAction({
    summary: 'Marks a member as having left (出党/去世/其他); history stays, their WeChat can no longer act as them.',
    input: z.object({ memberId: Id, reason: z.string().trim().min(2).max(100) }),
    output: MemberRow,
    roles: ROSTER_MANAGERS,
    errors: ['ROSTER.NOT_FOUND', 'ROSTER.INACTIVE', 'ROSTER.HIGHER_GRANT', 'ORG.LAST_BUREAU_STAFF'],
  }),
  transferMember: defineAction({
    summary: '组织关系转接 within the tenant: moves a member to another branch, keeping the history of both.',
    input: z.object({ memberId: Id, toBranchId: Id, toGroupId: Id.nullable().default(null) }),
    output: MemberRow,
    roles: ROSTER_MANAGERS,
    errors: [
      'ROSTER.NOT_FOUND',
      'ROSTER.INACTIVE',
      'ROSTER.SAME_BRANCH',
      'ROSTER.GROUP_MISMATCH',
      'ROSTER.HIGHER_GRANT',
    ],
  }),
  createInvitation: defineAction({
    summary:
      'A single-use, expiring invitation for one member to bind their WeChat; shared as a card or code. With `requestId` (made once per tap by the client) a retry after a network error answers the invitation the first try made.',
    input: z.object({ memberId: Id, requestId: Id.optional() }),
    output: Invitation,
    roles: ROSTER_MANAGERS,
    errors: ['ROSTER.NOT_FOUND', 'ROSTER.INACTIVE', 'INVITATION.MEMBER_BOUND'],
  }),
  invitationQrCode: defineAction({
    summary: 'An open invitation as a 小程序码 image (scene = the code), valid for 10 minutes.',
    input: z.object({ code: InvitationCode }),
    output: z.object({ url: z.string() }),
    roles: ROSTER_MANAGERS,
    errors: INVITATION_REFUSALS,
  }),
  memberInvitations: defineAction({
    summary:
      "A member's invitations that can still be used, newest first, so a secretary can share or revoke them again, and those locked by wrong names.",
    input: z.object({ memberId: Id }),
    output: z.object({ items: z.array(Invitation), locked: z.array(LockedInvitation) }),
    roles: ROSTER_MANAGERS,
    errors: ['ROSTER.NOT_FOUND'],
  }),
  branchDirectory: defineAction({
    summary: 'Names of every branch in the tenant (no members): the targets a 组织关系转接 may pick.',
    input: z.object({}).strict(),
    output: z.object({ branches: z.array(z.object({ id: Id, name: z.string() })) }),
    roles: ROSTER_MANAGERS,
    errors: [],
  }),
  revokeInvitation: defineAction({
    summary: 'Withdraws an open invitation.',
    input: z.object({ code: InvitationCode }),
    output: z.object({ revoked: z.literal(true) }),
    roles: ROSTER_MANAGERS,
    errors: ['INVITATION.NOT_FOUND', 'INVITATION.USED'],
  }),
  inspectInvitation: defineAction({
    summary: 'What an invitation is for (the name masked) before the invitee confirms; open to unbound WeChat users.',
    input: z.object({ code: InvitationCode }),
    output: z.object({ maskedName: z.string(), branchName: z.string(), expiresAt: z.number() }),
    roles: 'anyone',
    errors: INVITATION_REFUSALS,
  }),
  acceptInvitation: defineAction({
    summary:
      "Binds the caller's WeChat to the invited member once they confirm their name; 5 wrong names lock the invitation (the secretary sees it), and a member binds one WeChat however many invitations are accepted at once.",
    input: z.object({ code: InvitationCode, name: PersonName }),
    output: Me,
    roles: 'anyone',
    errors: [...INVITATION_REFUSALS, 'INVITATION.NAME_MISMATCH', 'INVITATION.MEMBER_BOUND', 'AUTH.ALREADY_BOUND'],
  }),
  unbindMember: defineAction({
    summary:
      '解除绑定: removes the WeChat bound to a member of a branch the caller manages (a changed or hijacked WeChat), with a reason, audited; the member is invited again to bind.',
    input: z.object({ memberId: Id, reason: z.string().trim().min(2).max(100) }),
    output: MemberRow,
    roles: ROSTER_MANAGERS,
    errors: ['ROSTER.NOT_FOUND', 'ROSTER.NOT_BOUND', 'ROSTER.HIGHER_GRANT'],
  }),
  erasePersonalData: defineAction({
    summary:
      "删除个人信息 (PIPL): bureau staff erase a departed (停用) member's personal data — the name becomes a placeholder wherever it was kept, phone, dates, WeChat binding, invitations, notes and photos go — in every domain: claim notes, leave reasons, 心得, 谈心谈话 summaries, opinions, 对照检查 and self-reviews, 示范岗 承诺 and deeds, 减免 reasons, 流动党员 whereabouts and contact, the name on transfer letters and the 发展党员 file (with its phone and applicant binding); attendance, points, dues amounts, grades and other statistics stay. Audited without the data itself.",
    input: z.object({ memberId: Id, reason: z.string().trim().min(2).max(100) }),
    output: MemberRow,
    roles: ['bureau_staff'],
    errors: ['ROSTER.NOT_FOUND', 'ROSTER.STILL_ACTIVE'],
  }),
  repairPrivacy: defineAction({
    summary:
      '隐私整改 (数据校对, once after the upgrade): members whose id an earlier version derived from their phone get a random id everywhere, and phones in older audit entries are masked; call again with the cursor until done.',
    input: z.object({ cursor: Id.optional() }),
    output: z.object({
      renamed: z.number().int(),
      masked: z.number().int(),
      remaining: z.number().int(),
      done: z.boolean(),
      cursor: Id.nullable(),
    }),
    roles: ['bureau_staff'],
    errors: [],
  }),
  auditLog: defineAction({
    summary: 'Every roster change in the tenant, newest first: who, what, when, before and after.',
    input: Page,
    output: z.object({ items: z.array(AuditEntry), total: z.number().int(), page: z.number().int() }),
    roles: ['bureau_staff'],
    errors: [],
  }),
}
