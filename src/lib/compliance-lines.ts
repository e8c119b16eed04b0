import { MEETING_TYPE_ACTIONS } from '../../types/labels'
import type { ComplianceItem, Frequency } from '../../types/meetings'

/**
 * 三会一课 owed, in words: the lines the 会议 tab's card and the secretary's 首页 show, from the items
 * `meetings.compliance` answers by the rule the bureau's matrix uses.
 */

const PERIOD_WORDS: Record<Frequency, string> = {
  month: '本月',
  quarter: '本季度',
  half: '本半年',
  year: '本年度',
  term: '本学期',
}

/** '召开党小组会（高年级党小组）', '讲党课（还需2次）': one requirement still owed. */
function owedName(item: ComplianceItem): string {
  const more = item.atLeast - item.held
  return `${MEETING_TYPE_ACTIONS[item.type]}${item.groupName ? `（${item.groupName}）` : ''}${more > 1 ? `（还需${more}次）` : ''}`
}

/** The requirements still owed in each running period: 本月还需：召开党小组会（高年级党小组）、开展主题党日. */
export function owingLines(items: ComplianceItem[]): string[] {
  const lines: string[] = []
  for (const frequency of Object.keys(PERIOD_WORDS) as Frequency[]) {
    const owed = items.filter((item) => item.frequency === frequency && item.status === 'due').map(owedName)
    if (owed.length) lines.push(`${PERIOD_WORDS[frequency]}还需：${owed.join('、')}`)
  }
  return lines
}

/** Meetings that took place but whose attendance or minutes are still missing: 待补记录. */
export function recordLines(items: ComplianceItem[]): string[] {
  const waiting = items.filter((item) => item.status === 'awaiting_record').map(owedName)
  return waiting.length ? [`待补记录：${waiting.join('、')}（请尽快登记考勤、填写会议记录）`] : []
}
