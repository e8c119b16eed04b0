import type { Figure, SourceKey } from '../../../types/assessment'
import type { ComplianceItem, MeetingType } from '../../../types/meetings'

/**
 * A branch's year as the other domains report it, each part present only when
 * its domain is deployed. The wiring fills it from each domain's digests; the
 * indicators below are pure functions of it.
 */
export interface BranchYearData {
  meetings?: { compliance: readonly Pick<ComplianceItem, 'type' | 'status'>[] }
  study?: { targeted: number; checkedIn: number }
  points?: { members: number; withEntries: number }
  yearlyCycle?: {
    talks: { required: number; covered: number }
    orgLife: { done: number; of: number }
    appraisalDecided: boolean
  }
  /** Each part as its reader is deployed: a source without its part is not offered. */
  lifecycle?: {
    dues?: { owedMonths: number; settledMonths: number }
    development?: { due: number; onTime: number }
  }
  assessment?: { members: number; volunteerHalfHours: number; designatedMembers: number }
}

/** 三会一课: the four kinds the phrase names (主题党日 and study days are indicators of their own). */
const THREE_MEETINGS_ONE_LECTURE: readonly MeetingType[] = [
  'general_meeting',
  'committee_meeting',
  'group_meeting',
  'lecture',
]

const figure = (numerator: number, denominator: number, text: string): Figure => ({ numerator, denominator, text })

function meetingFigure(
  items: readonly Pick<ComplianceItem, 'type' | 'status'>[],
  types: readonly MeetingType[],
  what: string,
): Figure {
  // Decided requirements only: one still awaiting its record (待补记录) is not judged yet; below quorum is not held.
  const owed = items.filter(
    (item) => types.includes(item.type) && ['held', 'held_late', 'missing', 'no_quorum'].includes(item.status),
  )
  const late = owed.filter((item) => item.status === 'held_late').length
  const held = owed.filter((item) => item.status === 'held' || item.status === 'held_late').length
  return figure(
    held,
    owed.length,
    `应开${what} ${owed.length} 次，已开 ${held} 次${late ? `（其中补开 ${late} 次）` : ''}`,
  )
}

const oneDecimal = (n: number) => String(Math.round(n * 10) / 10)

/**
 * One source's figure for a branch's year, or null when the domain that
 * holds it is not there. Only periods that have ended (or were met early)
 * count: a running month owes nothing yet.
 */
export function figureOf(source: SourceKey, data: BranchYearData): Figure | null {
  const { meetings, study, points, yearlyCycle: cycle, lifecycle, assessment: own } = data
  switch (source) {
    case 'meetings_compliance':
      return meetings ? meetingFigure(meetings.compliance, THREE_MEETINGS_ONE_LECTURE, '三会一课') : null
    case 'theme_days':
      return meetings ? meetingFigure(meetings.compliance, ['theme_day'], '主题党日') : null
    case 'study_participation':
      return study
        ? figure(study.checkedIn, study.targeted, `应学 ${study.targeted} 人次，已学 ${study.checkedIn} 人次`)
        : null
    case 'points_activity':
      return points
        ? figure(
            points.withEntries,
            points.members,
            `党员 ${points.members} 名，本年有积分记录 ${points.withEntries} 名`,
          )
        : null
    case 'talk_coverage':
      return cycle
        ? figure(
            cycle.talks.covered,
            cycle.talks.required,
            `应开展谈心谈话 ${cycle.talks.required} 人次，已完成 ${cycle.talks.covered} 人次`,
          )
        : null
    case 'org_life':
      return cycle
        ? figure(
            cycle.orgLife.done,
            cycle.orgLife.of,
            `组织生活会 ${cycle.orgLife.of} 个步骤已完成 ${cycle.orgLife.done} 个`,
          )
        : null
    case 'appraisal':
      return cycle
        ? cycle.appraisalDecided
          ? figure(1, 1, '民主评议党员已确定等次')
          : figure(0, 1, '民主评议党员尚未完成')
        : null
    case 'dues_collection':
      return lifecycle?.dues
        ? figure(
            lifecycle.dues.settledMonths,
            lifecycle.dues.owedMonths,
            `应交党费 ${lifecycle.dues.owedMonths} 人月，已交 ${lifecycle.dues.settledMonths} 人月`,
          )
        : null
    case 'development_on_time':
      return lifecycle?.development
        ? figure(
            lifecycle.development.onTime,
            lifecycle.development.due,
            `发展党员应按期办理 ${lifecycle.development.due} 项，按期办理 ${lifecycle.development.onTime} 项`,
          )
        : null
    case 'volunteer_hours': {
      if (!own) return null
      const hours = own.volunteerHalfHours / 2
      const average = own.members ? `，人均 ${oneDecimal(hours / own.members)} 小时` : ''
      return figure(hours, own.members, `志愿服务共 ${hours} 小时，党员 ${own.members} 名${average}`)
    }
    case 'model_posts':
      return own
        ? figure(own.designatedMembers, own.members, `党员 ${own.members} 名，设岗定责 ${own.designatedMembers} 名`)
        : null
  }
}
