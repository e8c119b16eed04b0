import type { PointsRule, RuleCatalogue } from '../../../../types/points'
import type { Role } from '../../../../types/roles'

/** One rule as the editor holds it: numbers as typed, so a half-typed value is not lost. */
export interface RuleDraft {
  key: string
  name: string
  points: string
  variable: boolean
  caps: { day: string; month: string; year: string }
  grantRoles: Role[]
  auto: PointsRule['auto']
  reasonRequired: boolean
  claimable: boolean
  active: boolean
}

export interface CatalogueDraft {
  rules: RuleDraft[]
  grades: { excellent: string; qualified: string; basic: string }
  membersSeeBureau: boolean
}

/** Roles a rule may let grant by hand, as the editor offers them. */
export const GRANTING_ROLES: [Role, string][] = [
  ['branch_secretary', '支部书记'],
  ['general_branch_secretary', '总支书记'],
  ['bureau_staff', '教育局党委'],
]

export const AUTO_LABELS: Record<NonNullable<PointsRule['auto']>, string> = {
  'study.checkin': '学习打卡',
  'meeting.present': '按时参会',
  'meeting.late': '参会迟到',
  'meeting.absent': '无故缺席',
  'meeting.leave': '考勤更正为请假',
  'appraisal.voted': '参加民主评议',
  'volunteer.hours': '志愿服务时长（每小时）',
  'post.deed': '党员示范岗履诺',
}

const text = (n: number | null) => (n === null ? '' : String(n))

export function draftOf(catalogue: RuleCatalogue): CatalogueDraft {
  return {
    rules: catalogue.rules.map((rule) => ({
      ...rule,
      points: String(rule.points),
      caps: { day: text(rule.caps.day), month: text(rule.caps.month), year: text(rule.caps.year) },
    })),
    grades: {
      excellent: String(catalogue.grades.excellent),
      qualified: String(catalogue.grades.qualified),
      basic: String(catalogue.grades.basic),
    },
    membersSeeBureau: catalogue.membersSeeBureau,
  }
}

/** A typed number, or NaN (which the server's schema refuses with a message beside the field). */
const number = (typed: string) => (typed.trim() === '' ? Number.NaN : Number(typed))
const cap = (typed: string) => (typed.trim() === '' ? null : Number(typed))

export function catalogueInput(draft: CatalogueDraft) {
  return {
    rules: draft.rules.map((rule) => ({
      ...rule,
      name: rule.name,
      points: number(rule.points),
      caps: { day: cap(rule.caps.day), month: cap(rule.caps.month), year: cap(rule.caps.year) },
    })),
    grades: {
      excellent: number(draft.grades.excellent),
      qualified: number(draft.grades.qualified),
      basic: number(draft.grades.basic),
    },
    membersSeeBureau: draft.membersSeeBureau,
  }
}

/** The editor fields INPUT.INVALID issues may point at: rules.<i>.<field>, caps, grades. */
export function catalogueFields(count: number): string[] {
  const perRule = ['key', 'name', 'points', 'caps.day', 'caps.month', 'caps.year', 'grantRoles', 'caps']
  return [
    ...Array.from({ length: count }, (_, index) => [
      `rules.${index}`,
      ...perRule.map((f) => `rules.${index}.${f}`),
    ]).flat(),
    'grades',
    'grades.excellent',
    'grades.qualified',
    'grades.basic',
  ]
}

export function newRule(index: number): RuleDraft {
  return {
    key: `custom_${index + 1}`,
    name: '',
    points: '1',
    variable: false,
    caps: { day: '', month: '', year: '' },
    grantRoles: ['branch_secretary'],
    auto: null,
    reasonRequired: true,
    claimable: false,
    active: true,
  }
}
