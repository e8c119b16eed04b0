import type { Me } from '../../types/roster'

/** Those who look across branches rather than work in one: 教育局党委 and 党建指导员. */
export function looksAcrossBranches(me: Pick<Me, 'roles'>): boolean {
  return me.roles.includes('bureau_staff') || me.roles.includes('instructor')
}

/**
 * What the 会议, 学习 and 积分 tabs show a person: the oversight of the branches
 * to those who look across them, their own meetings, study and points to those
 * who belong to a branch — both to bureau staff who are also a branch's member.
 * A 局党委 account outside every roster gets no personal view: its meetings,
 * streaks and points would always read empty or 0.
 */
export function tabViewFor(me: Pick<Me, 'roles' | 'branch'>): TabView {
  const oversight = looksAcrossBranches(me)
  const own = me.branch !== null || !oversight
  return { oversight, own, name: own ? (oversight ? 'both' : 'own') : 'oversight' }
}

export interface TabView {
  oversight: boolean
  own: boolean
  /** For the page's data-view: which of the two it shows. */
  name: 'own' | 'oversight' | 'both'
}
