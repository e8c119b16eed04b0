/**
 * Demo data of the domains beyond the roster (meetings, study, points…):
 * each part turns the demo bureau into documents of its own collections.
 * Register a part here with one line; seed.ts writes them after the bureau.
 */
import { demoAssessment } from './demo-assessment'
import type { DemoBureau } from './demo-bureau'
import { demoDevelopment } from './demo-development'
import { demoMeetings } from './demo-meetings'
import { demoMessaging } from './demo-messaging'
import { demoPoints } from './demo-points'
import { demoStudy } from './demo-study'
import { demoTransfers } from './demo-transfers'
import { demoYearlyCycle } from './demo-yearly-cycle'

export type SeedBatch = [collection: string, docs: { _id: string }[]]
export type DemoPart = (bureau: DemoBureau, now: number) => SeedBatch[]

export const DEMO_PARTS: DemoPart[] = [
  demoStudy,
  demoPoints,
  demoMeetings,
  demoMessaging,
  demoAssessment,
  demoDevelopment,
  demoYearlyCycle,
  demoTransfers,
]
