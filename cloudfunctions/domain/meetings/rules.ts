import type { Frequency, MeetingRules, MeetingType } from '../../../types/meetings'

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
  templates: { meetingReminder: 'tmpl_meeting_reminder', politicalBirthday: 'tmpl_political_birthday' },
  themeDayReminderDay: 20,
  longTermSubscriptions: false,
  longTermTemplates: [],
}

/** A stored rule set over the defaults, so a type added later still has its minimum. */
export function withDefaults(stored: Partial<MeetingRules> | null): MeetingRules {
  return {
    ...DEFAULT_RULES,
    ...stored,
    minimums: { ...DEFAULT_MINIMUMS, ...stored?.minimums },
    templates: { ...DEFAULT_RULES.templates, ...stored?.templates },
  }
}
