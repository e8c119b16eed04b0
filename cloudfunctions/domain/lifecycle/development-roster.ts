import type { MemberType } from '../../../types/roster'
import { type FileFacts, stateOf } from './development-state'

export interface RosterFields {
  memberType: MemberType
  /** 入党时间: the day the 支部大会 accepted (细则第三十条), also the first day dues are owed. */
  joinedOn: string
  /** 预计转正日期 while probationary (moved by an approved extension); null once formal. */
  probationEndsOn: string | null
}

/**
 * What the roster should say about the person on a file: nothing before the
 * 上级党委 approved the admission; a 预备党员 from then (joined the day the
 * 支部大会 accepted, so nobody retypes it); a 正式党员 once the 转正 is
 * approved. A cancelled file answers null: the roster member is ended by the
 * roster's own 停用, with its reason, never by this rule.
 */
export function rosterFieldsOf(file: FileFacts): RosterFields | null {
  const state = stateOf(file)
  const accepted = state.done.get('admission_vote')
  if (!accepted) return null
  if (state.stage === 'formal') return { memberType: 'formal', joinedOn: accepted.on, probationEndsOn: null }
  if (state.stage !== 'probationary') return null
  return { memberType: 'probationary', joinedOn: accepted.on, probationEndsOn: state.probationEndsOn }
}
