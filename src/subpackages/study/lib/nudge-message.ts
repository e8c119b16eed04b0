/** What a tap of 提醒未学习 did, in a toast's few words. */
export function nudgeMessage({ nudged, recentlyNudged }: { nudged: number; recentlyNudged: number }): string {
  if (nudged === 0 && recentlyNudged > 0) return `${recentlyNudged} 人12小时内已提醒过，稍后再试`
  return recentlyNudged > 0 ? `已提醒 ${nudged} 人（${recentlyNudged} 人刚提醒过）` : `已提醒 ${nudged} 人`
}
