import type { Frequency, MeetingRules, MeetingType } from '../../../types/meetings'
import {
  SUGGESTED_FIELDS,
  type SubscribeTemplates,
  TEMPLATE_USES,
  type TemplateEntry,
  UNCONFIGURED,
} from '../../../types/subscribe-templates'

/**
 * The minimum frequencies of the branch work regulations (支部工作条例), as the
 * domain brief lists them; a tenant adjusts them in its `meeting_rules` doc.
 */
export const DEFAULT_MINIMUMS: Record<MeetingType, Frequency | null> = {
  general_meeting: 'quarter', // 支部党员大会 每季度至少一次
  committee_meeting: 'month', // 支委会 每月一次
  group_meeting: 'month', // 党小组会 每月一次
  lecture: 'quarter', // 党课 每季度（书记每年至少一次）
  theme_day: 'month', // 主题党日 每月一次
  study: 'month', // 集中学习 每月至少一次
  org_life: 'year', // 组织生活会 每年一次
  appraisal: 'year', // 民主评议党员 每年一次
  other: null,
}

export const DEFAULT_RULES: MeetingRules = {
  minimums: DEFAULT_MINIMUMS,
  checkInOpensMinutes: 30,
  lateGraceMinutes: 5,
  // Until the bureau enters the templates its mini-program chose, no subscribe message goes out.
  templates: {
    meetingReminder: UNCONFIGURED,
    politicalBirthday: UNCONFIGURED,
    studyNudge: UNCONFIGURED,
    themeDay: UNCONFIGURED,
    leaveDecision: UNCONFIGURED,
  },
  themeDayReminderDay: 20,
  longTermSubscriptions: false,
  longTermTemplates: [],
}

/**
 * A stored template as the table has it. Rule sets saved before the table held
 * a bare template id per use ('meetingReminder': 'xF1h…'); such an id keeps
 * working with the keywords the app filled then.
 */
function storedTemplate(use: keyof SubscribeTemplates, stored: unknown): TemplateEntry {
  if (typeof stored === 'string') return stored ? { templateId: stored, fields: SUGGESTED_FIELDS[use] } : UNCONFIGURED
  if (typeof stored === 'object' && stored !== null && 'templateId' in stored) return stored as TemplateEntry
  return UNCONFIGURED
}

/** A stored rule set over the defaults, so a type or template use added later still has its default. */
export function withDefaults(stored: Partial<MeetingRules> | null): MeetingRules {
  const templates = (stored?.templates ?? {}) as Record<string, unknown>
  return {
    ...DEFAULT_RULES,
    ...stored,
    minimums: { ...DEFAULT_MINIMUMS, ...stored?.minimums },
    templates: Object.fromEntries(
      TEMPLATE_USES.map((use) => [use, storedTemplate(use, templates[use])]),
    ) as SubscribeTemplates,
  }
}
