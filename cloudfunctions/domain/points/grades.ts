import type { Grade, GradeBands } from '../../../types/points'

/** The year-end band (年度评定等次) of a yearly total: at or above a line earns that band. */
export function gradeOf(points: number, bands: GradeBands): Grade {
  if (points >= bands.excellent) return 'excellent'
  if (points >= bands.qualified) return 'qualified'
  if (points >= bands.basic) return 'basic'
  return 'unqualified'
}
