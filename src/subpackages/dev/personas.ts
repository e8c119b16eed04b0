import Taro from '@tarojs/taro'

/** A seeded identity the emulator offers; `openid` is what the dev gateway will see. */
export interface Persona {
  openid: string
  name: string
  label: string
  roles: string[]
  branchName: string | null
}

export type PersonaGroupKey = 'bureau' | 'secretary' | 'member' | 'unbound'

export interface PersonaGroup {
  key: PersonaGroupKey
  title: string
  personas: Persona[]
}

/** A WeChat user nobody has bound: the gateway answers AUTH.NOT_BOUND for it. */
export const UNBOUND_VISITOR: Persona = {
  openid: 'dev-unbound-visitor',
  name: '未绑定的微信用户',
  label: '尚未绑定党员身份',
  roles: [],
  branchName: null,
}

/**
 * 新的微信用户: a WeChat user the emulator has never seen, fresh on every tap, so a
 * demo can open an invitation link as someone who is not bound yet.
 */
export const NEW_WECHAT_USER_PREFIX = 'dev-new-'

export function newWeChatUserOpenid(): string {
  return `${NEW_WECHAT_USER_PREFIX}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`
}

export function isNewWeChatUser(openid: string | null): boolean {
  return openid?.startsWith(NEW_WECHAT_USER_PREFIX) ?? false
}

const GROUP_TITLES: Record<PersonaGroupKey, string> = {
  bureau: '教育局党委',
  secretary: '支部书记',
  member: '党员',
  unbound: '未绑定',
}

export async function fetchPersonas(): Promise<Persona[] | null> {
  try {
    const res = await Taro.request<unknown>({ url: `${DEV_GATEWAY_BASE}/api/_emulator/personas`, method: 'GET' })
    return res.statusCode === 200 ? parsePersonas(res.data) : null
  } catch {
    return null
  }
}

/** The emulator is built alongside this page: accept what it sends, skip what is unusable. */
export function parsePersonas(body: unknown): Persona[] | null {
  if (!Array.isArray(body)) return null
  return body.flatMap((item: unknown): Persona[] => {
    if (typeof item !== 'object' || item === null) return []
    const raw = item as Record<string, unknown>
    if (typeof raw._id !== 'string' || raw._id === '') return []
    return [
      {
        openid: raw._id,
        name: typeof raw.name === 'string' && raw.name ? raw.name : raw._id,
        label: typeof raw.label === 'string' ? raw.label : '',
        roles: Array.isArray(raw.roles) ? raw.roles.filter((r): r is string => typeof r === 'string') : [],
        branchName: typeof raw.branchName === 'string' && raw.branchName ? raw.branchName : null,
      },
    ]
  })
}

export function groupOf(persona: Persona): PersonaGroupKey {
  const { roles, label } = persona
  if (label.includes('未绑定')) return 'unbound'
  // Instructors (党建指导员) work for the bureau committee, above the branches.
  if (['bureau_staff', 'instructor'].some((r) => roles.includes(r)) || /教育局|组织科|指导员/.test(label))
    return 'bureau'
  if (roles.includes('branch_secretary') || roles.includes('general_branch_secretary') || label.includes('书记')) {
    return 'secretary'
  }
  return 'member'
}

/** Groups in a fixed order; the built-in unbound visitor is always offered. */
export function groupPersonas(personas: Persona[]): PersonaGroup[] {
  const all = personas.some((p) => p.openid === UNBOUND_VISITOR.openid) ? personas : [...personas, UNBOUND_VISITOR]
  const keys: PersonaGroupKey[] = ['bureau', 'secretary', 'member', 'unbound']
  return keys
    .map((key) => ({ key, title: GROUP_TITLES[key], personas: all.filter((p) => groupOf(p) === key) }))
    .filter((group) => group.personas.length > 0)
}
