/**
 * The demo bureau's 会议规则 with its 订阅消息 templates filled in, as a bureau
 * does once its mini-program has chosen them on the platform: the demo's
 * reminders reach members (and show in 消息记录) from the first run. The ids
 * are the demo's own; a real bureau copies its ids from 公众平台 → 订阅消息.
 */
import { DEFAULT_RULES } from '../../cloudfunctions/domain/meetings/rules'
import type { MeetingRulesDoc } from '../../types/meetings'
import { SUGGESTED_FIELDS, type SubscribeTemplates, TEMPLATE_USES } from '../../types/subscribe-templates'
import type { DemoBureau } from './demo-bureau'
import type { SeedBatch } from './demo-parts'

/** The demo's template id of each use. */
export const DEMO_TEMPLATE_IDS = {
  meetingReminder: 'tmpl_meeting_reminder',
  politicalBirthday: 'tmpl_political_birthday',
  studyNudge: 'tmpl_study_nudge',
  themeDay: 'tmpl_theme_day',
  leaveDecision: 'tmpl_leave_decision',
  developmentDue: 'tmpl_development_due',
  duesArrears: 'tmpl_dues_arrears',
} as const

export function demoMessaging(bureau: DemoBureau, now: number): SeedBatch[] {
  const templates = Object.fromEntries(
    TEMPLATE_USES.map((use) => [use, { templateId: DEMO_TEMPLATE_IDS[use], fields: SUGGESTED_FIELDS[use] }]),
  ) as SubscribeTemplates
  const rules: MeetingRulesDoc = { ...DEFAULT_RULES, templates, _id: bureau.tenants[0]._id, updatedAt: now }
  return [['meeting_rules', [rules]]]
}
