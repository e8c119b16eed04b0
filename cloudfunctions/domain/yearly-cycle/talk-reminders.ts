import type { TalkGap } from '../../../types/yearly-cycle'

/**
 * Whom 提醒谈心谈话 reaches: both people of every committee pair that has not
 * talked, and the secretary when members are still owed a talk (the
 * committee divides the members among itself; the secretary does the
 * dividing). Each once.
 */
export function talkReminderTargets(gaps: readonly TalkGap[], secretaryId: string | null): string[] {
  const targets = new Set<string>()
  for (const gap of gaps) {
    if (gap.kind === 'pair') {
      targets.add(gap.a)
      targets.add(gap.b)
    } else if (secretaryId) targets.add(secretaryId)
  }
  return [...targets]
}
