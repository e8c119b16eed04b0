import type { Frequency, MeetingRules, MeetingType, Requirement } from '../../../types/meetings'
import { FREQUENCIES } from '../../../types/meetings'
import {
  SUGGESTED_FIELDS,
  type SubscribeTemplates,
  TEMPLATE_USES,
  type TemplateEntry,
  UNCONFIGURED,
} from '../../../types/subscribe-templates'

const once = (every: Frequency): Requirement => ({ every, atLeast: 1 })

/**
 * The minimum frequencies of the branch work regulations (支部工作条例), as the
 * domain brief lists them; a tenant adjusts them in its `meeting_rules` doc.
 */
export const DEFAULT_MINIMUMS: Record<MeetingType, Requirement | null> = {
  general_meeting: once('quarter'), // 支部党员大会 每季度至少一次
  committee_meeting: once('month'), // 支委会 每月一次（设支委会的支部）
  group_meeting: once('month'), // 党小组会 每月一次（每个党小组）
  lecture: once('quarter'), // 党课 每季度（书记每年至少讲一次）
  theme_day: once('month'), // 主题党日 每月一次
  study: once('month'), // 集中学习 每月至少一次
  org_life: once('year'), // 组织生活会 每年一次
  appraisal: once('year'), // 民主评议党员 每年一次
  other: null,
}

export const DEFAULT_RULES: MeetingRules = {
  minimums: DEFAULT_MINIMUMS,
  terms: [],
  recordWithinDays: 7,
  backfillWithinDays: 30,
  committeeOverrides: {},
  checkInOpensMinutes: 30,
  lateGraceMinutes: 5,
  // Until the bureau enters the templates its mini-program chose, no subscribe message goes out.
  templates: {
    meetingReminder: UNCONFIGURED,
    politicalBirthday: UNCONFIGURED,
    studyNudge: UNCONFIGURED,
    themeDay: UNCONFIGURED,
    leaveDecision: UNCONFIGURED,
    developmentDue: UNCONFIGURED,
    duesArrears: UNCONFIGURED,
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

/**
 * A stored minimum as the rules now read it: rule sets saved before "at least
 * N" kept a bare frequency ('month'), which means at least once.
 */
function requirementOf(stored: unknown, fallback: Requirement | null): Requirement | null {
  if (stored === null) return null
  if (typeof stored === 'string')
    return (FREQUENCIES as readonly string[]).includes(stored) ? once(stored as Frequency) : fallback
  if (typeof stored === 'object' && stored !== null && 'every' in stored) return stored as Requirement
  return fallback
}

/** A stored rule set over the defaults, so a type, a setting or a template use added later still has its value. */
export function withDefaults(stored: Partial<MeetingRules> | null): MeetingRules {
  const minimums = { ...DEFAULT_MINIMUMS }
  for (const type of Object.keys(DEFAULT_MINIMUMS) as MeetingType[]) {
    if (stored?.minimums && type in stored.minimums)
      minimums[type] = requirementOf(stored.minimums[type] as unknown, DEFAULT_MINIMUMS[type])
  }
  const templates = (stored?.templates ?? {}) as Record<string, unknown>
  return {
    ...DEFAULT_RULES,
    ...stored,
    minimums,
    templates: Object.fromEntries(
      TEMPLATE_USES.map((use) => [use, storedTemplate(use, templates[use])]),
    ) as SubscribeTemplates,
  }
}
