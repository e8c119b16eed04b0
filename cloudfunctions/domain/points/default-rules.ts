import type { RuleCatalogue } from '../../../types/points'

const NO_CAPS = { day: null, month: null, year: null }
const SECRETARIES = ['branch_secretary', 'general_branch_secretary', 'bureau_staff'] as const

/**
 * The catalogue a tenant starts with until bureau staff edit it, shaped on
 * common county schemes: 三会一课 3 points a meeting up to 12 a year, an
 * unexcused absence −2, daily study capped like the national study app's
 * daily caps, volunteer service recorded by the secretary, manual items with
 * a required reason, and taking part in the year's 民主评议.
 */
export const DEFAULT_CATALOGUE: RuleCatalogue = {
  rules: [
    {
      key: 'study_checkin',
      name: '学习打卡',
      points: 1,
      variable: false,
      caps: { day: 2, month: 20, year: null },
      grantRoles: [],
      auto: 'study.checkin',
      reasonRequired: false,
      claimable: false,
      active: true,
    },
    {
      key: 'meeting_present',
      name: '按时参加组织生活',
      points: 3,
      variable: false,
      caps: { day: null, month: null, year: 36 },
      grantRoles: [],
      auto: 'meeting.present',
      reasonRequired: false,
      claimable: false,
      active: true,
    },
    {
      key: 'meeting_late',
      name: '参加组织生活迟到',
      points: 1,
      variable: false,
      caps: NO_CAPS,
      grantRoles: [],
      auto: 'meeting.late',
      reasonRequired: false,
      claimable: false,
      active: true,
    },
    {
      key: 'meeting_absent',
      name: '无故缺席组织生活',
      points: -2,
      variable: false,
      caps: NO_CAPS,
      grantRoles: [],
      auto: 'meeting.absent',
      reasonRequired: false,
      claimable: false,
      active: true,
    },
    {
      key: 'volunteer',
      name: '志愿服务',
      points: 2,
      variable: true,
      caps: { day: 5, month: 10, year: 40 },
      grantRoles: [...SECRETARIES],
      auto: null,
      reasonRequired: true,
      claimable: true,
      active: true,
    },
    {
      // Hours an organiser credits after an activity: points per hour, paid once per member and activity.
      key: 'volunteer_hours',
      name: '志愿服务时长',
      points: 1,
      variable: false,
      caps: { day: 8, month: null, year: 40 },
      grantRoles: [],
      auto: 'volunteer.hours',
      reasonRequired: false,
      claimable: false,
      active: true,
    },
    {
      // A deed recorded under a 党员示范岗 / 先锋岗 / 责任区 commitment.
      key: 'post_deed',
      name: '党员示范岗履诺',
      points: 1,
      variable: false,
      caps: { day: 1, month: 4, year: 20 },
      grantRoles: [],
      auto: 'post.deed',
      reasonRequired: false,
      claimable: false,
      active: true,
    },
    {
      key: 'manual_bonus',
      name: '其他加分',
      points: 1,
      variable: true,
      caps: { day: null, month: null, year: 20 },
      grantRoles: [...SECRETARIES],
      auto: null,
      reasonRequired: true,
      claimable: true,
      active: true,
    },
    {
      key: 'manual_deduction',
      name: '其他扣分',
      points: -1,
      variable: true,
      caps: NO_CAPS,
      grantRoles: [...SECRETARIES],
      auto: null,
      reasonRequired: true,
      claimable: false,
      active: true,
    },
    {
      // 民主评议: paid to every voter when the 党员大会 decides (never at the vote, which would time it); the
      // 等次 itself is never computed from points.
      key: 'appraisal_voted',
      name: '参加民主评议',
      points: 2,
      variable: false,
      caps: { day: null, month: null, year: 2 },
      grantRoles: [],
      auto: 'appraisal.voted',
      reasonRequired: false,
      claimable: false,
      active: true,
    },
  ],
  grades: { excellent: 90, qualified: 60, basic: 40 },
  membersSeeBureau: false,
}
