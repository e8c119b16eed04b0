/**
 * Demo data of the domains beyond the roster (meetings, study, points…):
 * each part turns the demo bureau into documents of its own collections.
 * Register a part here with one line; seed.ts writes them after the bureau.
 */
import { demoAssessment } from './demo-assessment'
import type { DemoBureau } from './demo-bureau'
import { demoDevelopment } from './demo-development'
import { demoLeave } from './demo-leave'
import { demoMeetings } from './demo-meetings'
import { demoMessaging } from './demo-messaging'
import { demoPoints } from './demo-points'
import { demoRosterImport } from './demo-roster-import'
import { demoStudy } from './demo-study'
import { demoYearlyCycle } from './demo-yearly-cycle'

export type SeedBatch = [collection: string, docs: { _id: string }[]]
export interface SeedOptions {
  /**
   * The lived year beyond meetings (study tasks and check-ins, the points they and the meetings paid,
   * claims, leave requests, the roster import) before this month; false seeds this month's only, for
   * a test that needs members with every cap's room (the meetings keep their year: the bureau's
   * figures are built on it).
   */
  history: boolean
}
export type DemoPart = (bureau: DemoBureau, now: number, options: SeedOptions) => SeedBatch[]

export const DEMO_PARTS: DemoPart[] = [
  demoStudy,
  demoPoints,
  demoMeetings,
  demoMessaging,
  demoAssessment,
  demoDevelopment,
  demoYearlyCycle,
  demoLeave,
  demoRosterImport,
]
