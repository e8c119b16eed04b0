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
  lifecycle?: {
    dues: { owedMonths: number; settledMonths: number }
    development: { due: number; onTime: number }
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

function meetingFigure(
  items: readonly Pick<ComplianceItem, 'type' | 'status'>[],
  types: readonly MeetingType[],
  what: string,
): Figure {
  const owed = items.filter(
    (item) => types.includes(item.type) && ['held', 'held_late', 'missing'].includes(item.status),
  )
  const late = owed.filter((item) => item.status === 'held_late').length
  const held = owed.filter((item) => item.status !== 'missing').length
  return {
    numerator: held,
    denominator: owed.length,
    text: `应开${what} ${owed.length} 次，已开 ${held} 次${late ? `（其中补开 ${late} 次）` : ''}`,
  }
}

const oneDecimal = (n: number) => String(Math.round(n * 10) / 10)

/**
 * One source's figure for a branch's year, or null when the domain that
 * holds it is not there. Only periods that have ended (or were met early)
 * count: a running month owes nothing yet.
 */
export function figureOf(source: SourceKey, data: BranchYearData): Figure | null {
  switch (source) {
    case 'meetings_compliance':
      return data.meetings ? meetingFigure(data.meetings.compliance, THREE_MEETINGS_ONE_LECTURE, '三会一课') : null
    case 'theme_days':
      return data.meetings ? meetingFigure(data.meetings.compliance, ['theme_day'], '主题党日') : null
    case 'study_participation':
      return data.study
        ? {
            numerator: data.study.checkedIn,
            denominator: data.study.targeted,
            text: `应学 ${data.study.targeted} 人次，已学 ${data.study.checkedIn} 人次`,
          }
        : null
    case 'points_activity':
      return data.points
        ? {
            numerator: data.points.withEntries,
            denominator: data.points.members,
            text: `党员 ${data.points.members} 名，本年有积分记录 ${data.points.withEntries} 名`,
          }
        : null
    case 'talk_coverage': {
      const talks = data.yearlyCycle?.talks
      return talks
        ? {
            numerator: talks.covered,
            denominator: talks.required,
            text: `应开展谈心谈话 ${talks.required} 人次，已完成 ${talks.covered} 人次`,
          }
        : null
    }
    case 'org_life': {
      const orgLife = data.yearlyCycle?.orgLife
      return orgLife
        ? {
            numerator: orgLife.done,
            denominator: orgLife.of,
            text: `组织生活会 ${orgLife.of} 个步骤已完成 ${orgLife.done} 个`,
          }
        : null
    }
    case 'appraisal':
      return data.yearlyCycle
        ? {
            numerator: data.yearlyCycle.appraisalDecided ? 1 : 0,
            denominator: 1,
            text: data.yearlyCycle.appraisalDecided ? '民主评议党员已确定等次' : '民主评议党员尚未完成',
          }
        : null
    case 'dues_collection': {
      const dues = data.lifecycle?.dues
      return dues
        ? {
            numerator: dues.settledMonths,
            denominator: dues.owedMonths,
            text: `应交党费 ${dues.owedMonths} 人月，已交 ${dues.settledMonths} 人月`,
          }
        : null
    }
    case 'development_on_time': {
      const development = data.lifecycle?.development
      return development
        ? {
            numerator: development.onTime,
            denominator: development.due,
            text: `发展党员应按期办理 ${development.due} 项，按期办理 ${development.onTime} 项`,
          }
        : null
    }
    case 'volunteer_hours': {
      const own = data.assessment
      if (!own) return null
      const hours = own.volunteerHalfHours / 2
      return {
        numerator: hours,
        denominator: own.members,
        text: `志愿服务共 ${hours} 小时，党员 ${own.members} 名${own.members ? `，人均 ${oneDecimal(hours / own.members)} 小时` : ''}`,
      }
    }
    case 'model_posts': {
      const own = data.assessment
      return own
        ? {
            numerator: own.designatedMembers,
            denominator: own.members,
            text: `党员 ${own.members} 名，设岗定责 ${own.designatedMembers} 名`,
          }
        : null
    }
  }
}
