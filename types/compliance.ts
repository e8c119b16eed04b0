import * as z from './zod'

/**
 * 三会一课 compliance as every screen, export and report speaks it. A meeting
 * is evidence only once it has attendance and minutes: a scheduled meeting
 * is not. The pure rules are in cloudfunctions/domain/meeting-compliance/.
 */

/**
 * What the record of one meeting shows (会议记录情况): not yet begun, under
 * way, ended and waiting for its attendance and minutes (within the record
 * window), 已开展 (recorded in time), a 党员大会 below quorum, or 未开展
 * (ended with no record in time), or cancelled.
 */
export const MEETING_RECORD_STATES = [
  'upcoming',
  'running',
  'awaiting_record',
  'held',
  'no_quorum',
  'missing',
  'cancelled',
] as const
export const MeetingRecordState = z.enum(MEETING_RECORD_STATES)
export type MeetingRecordState = z.infer<typeof MeetingRecordState>

/**
 * One requirement of one period for one unit (the branch, its committee, or
 * one 党小组): held in the period; made up afterwards (补开); a meeting took
 * place and its record is still due; a 党员大会 below quorum; (while the period
 * runs) enough scheduled, or not yet; (once it ended) missing.
 */
export const COMPLIANCE_STATUSES = [
  'held',
  'held_late',
  'awaiting_record',
  'no_quorum',
  'planned',
  'due',
  'missing',
] as const
export const ComplianceStatus = z.enum(COMPLIANCE_STATUSES)
export type ComplianceStatus = z.infer<typeof ComplianceStatus>

/**
 * A branch's period as the bureau sees it — the one vocabulary of the matrix,
 * its legend, the overview, the trend, the monthly report and the exports:
 * 已开展, 已补开, 待补记录, 未达法定人数, 未开展, 无需 (nothing falls due),
 * 进行中 (the current period, something still to do), 未到期, 无记录 (before
 * the bureau's records begin).
 */
export const CELL_STATES = [
  'held',
  'late',
  'awaiting',
  'no_quorum',
  'missing',
  'not_required',
  'open',
  'future',
  'none',
] as const
export const CellState = z.enum(CELL_STATES)
export type CellState = z.infer<typeof CellState>

/** A count of branches (or cells) per state. */
export const StateCounts = z.object(
  Object.fromEntries(CELL_STATES.map((state) => [state, z.number().int()])) as Record<CellState, z.ZodNumber>,
)
export type StateCounts = z.infer<typeof StateCounts>
