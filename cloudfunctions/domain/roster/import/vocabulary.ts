import type { CommitteePosition, MemberType } from '../../../../types/roster'
import { normaliseText } from '../../sheet/cells'

const squeeze = (text: string): string => normaliseText(text).replace(/\s+/g, '')

// 政治面貌 columns say 中共党员 / 中共预备党员 for the same thing.
const MEMBER_TYPES: Record<string, MemberType> = {
  正式党员: 'formal',
  正式: 'formal',
  中共党员: 'formal',
  党员: 'formal',
  预备党员: 'probationary',
  预备: 'probationary',
  中共预备党员: 'probationary',
}

/**
 * 人员类别 → member type; null for words that are not a member type
 * (入党积极分子, 群众…), which the import refuses rather than guesses.
 */
export function memberTypeOf(text: string): MemberType | null {
  return MEMBER_TYPES[squeeze(text)] ?? null
}

const POSITIONS: Record<string, CommitteePosition> = {
  书记: 'secretary',
  支部书记: 'secretary',
  党支部书记: 'secretary',
  副书记: 'deputy_secretary',
  支部副书记: 'deputy_secretary',
  党支部副书记: 'deputy_secretary',
  组织委员: 'organization',
  宣传委员: 'publicity',
  纪检委员: 'discipline',
  纪律检查委员: 'discipline',
  支委委员: 'committee_member',
  支部委员: 'committee_member',
  青年委员: 'committee_member',
  保密委员: 'committee_member',
}

/**
 * 职务 → committee position. In school rosters this column mostly holds the
 * job (校长, 教师), sometimes several roles (校长兼支部书记, 书记、校长); each
 * part is matched whole, so 团委书记 (a Youth League post) is not taken for the
 * branch secretary. Anything else is no committee position.
 */
export function committeePositionOf(text: string): CommitteePosition | null {
  for (const part of squeeze(text).split(/[、,;/|兼]+/)) {
    const position = POSITIONS[part]
    if (position) return position
  }
  return null
}
