import type { ErrorCode } from '../../../types/errors'
import type { PointsRule, RuleCatalogue } from '../../../types/points'
import type { Role } from '../../../types/roles'

export type GrantVerdict = { ok: true; points: number } | { ok: false; code: ErrorCode; message?: string }

/**
 * Whether a hand award (发放/扣减) may go ahead, before caps: the rule is
 * active, one of the caller's roles may grant it, the value fits the rule
 * (fixed, or the granter's choice with the rule's sign), and deductions and
 * reason-required items carry a reason.
 */
export function judgeGrant(
  rule: PointsRule | undefined,
  roles: readonly Role[],
  chosen: number | undefined,
  reason: string,
): GrantVerdict {
  if (!rule?.active) return { ok: false, code: 'POINTS.RULE_NOT_FOUND' }
  if (!rule.grantRoles.some((role) => roles.includes(role))) return { ok: false, code: 'POINTS.NOT_GRANTABLE' }
  const value = awardValue(rule, chosen)
  if (value === null) return { ok: false, code: 'POINTS.BAD_VALUE' }
  if ((rule.reasonRequired || value < 0) && reason.trim().length < 2)
    return { ok: false, code: 'POINTS.REASON_REQUIRED' }
  return { ok: true, points: value }
}

/** The value an award of `rule` pays: fixed, or the chosen one when the rule is variable and signs agree. */
export function awardValue(rule: PointsRule, chosen: number | undefined): number | null {
  if (!rule.variable) return chosen === undefined || chosen === rule.points ? rule.points : null
  const value = chosen ?? rule.points
  return value !== 0 && Math.sign(value) === Math.sign(rule.points) ? value : null
}

/** Keys unique, every automatic event granted by at most one rule. */
export function catalogueProblems(catalogue: RuleCatalogue): string[] {
  const problems: string[] = []
  const keys = new Set<string>()
  const autos = new Set<string>()
  for (const rule of catalogue.rules) {
    if (keys.has(rule.key)) problems.push(`规则编码重复：${rule.key}`)
    keys.add(rule.key)
    if (rule.auto && rule.active) {
      if (autos.has(rule.auto)) problems.push(`同一事件只能对应一条规则：${rule.name}`)
      autos.add(rule.auto)
    }
  }
  return problems
}
