import { type Scheme, SOURCE_KEYS, SOURCES, type SourceKey } from '../../../types/assessment'

export interface SourceDefinition {
  name: string
  /** What the ratio measures: a share (target in %), hours per member (target in hours). */
  unit: 'share' | 'hours'
  /**
   * A year with nothing owed yet (no meetings due, no study tasks, no steps
   * due): 'full' scores the indicator in full, because nothing was missed;
   * 'no_data' scores nothing, because the branch has not given the app what
   * it needs (no members, no dues bases).
   */
  whenNothingOwed: 'full' | 'no_data'
}

export const SOURCE_DEFINITIONS: Record<SourceKey, SourceDefinition> = {
  meetings_compliance: { name: '三会一课达标率', unit: 'share', whenNothingOwed: 'full' },
  theme_days: { name: '主题党日开展率', unit: 'share', whenNothingOwed: 'full' },
  study_participation: { name: '学习打卡参与率', unit: 'share', whenNothingOwed: 'full' },
  points_activity: { name: '积分活跃党员占比', unit: 'share', whenNothingOwed: 'no_data' },
  talk_coverage: { name: '谈心谈话覆盖率', unit: 'share', whenNothingOwed: 'no_data' },
  org_life: { name: '组织生活会完成步骤', unit: 'share', whenNothingOwed: 'no_data' },
  appraisal: { name: '民主评议党员完成', unit: 'share', whenNothingOwed: 'no_data' },
  dues_collection: { name: '党费收缴率', unit: 'share', whenNothingOwed: 'no_data' },
  development_on_time: { name: '发展党员按期办理率', unit: 'share', whenNothingOwed: 'full' },
  volunteer_hours: { name: '志愿服务人均时长', unit: 'hours', whenNothingOwed: 'no_data' },
  model_posts: { name: '党员示范岗覆盖率', unit: 'share', whenNothingOwed: 'no_data' },
}

/**
 * The sources a scheme may use: those whose domain is deployed. A bureau on
 * a build without the lifecycle function is not offered 党费收缴率 at all,
 * rather than offered an indicator that would always read zero.
 */
export function offeredSources(deployedDomains: ReadonlySet<string>): SourceKey[] {
  return SOURCE_KEYS.filter((source) => deployedDomains.has(SOURCES[source]))
}

/** Computed indicators of a scheme whose source is not offered (saving it is refused). */
export function unavailableIndicators(scheme: Scheme, offered: readonly SourceKey[]): string[] {
  return scheme.areas
    .flatMap((area) => area.indicators)
    .filter((indicator) => indicator.kind === 'computed' && !offered.includes(indicator.source))
    .map((indicator) => indicator.key)
}
