import type { PointsRule, RuleCatalogue } from '../../types/points'
import { DEFAULT_CATALOGUE } from '../domain/points/default-rules'
import { COLLECTIONS } from '../runtime/collections'
import type { Store } from '../runtime/store'

/** The tenant's rule catalogue (积分细则), or the defaults until bureau staff save their own. */
export async function loadCatalogue(store: Store, tenantId: string): Promise<RuleCatalogue> {
  const doc = await store.get(COLLECTIONS.pointsRules, tenantId)
  if (!doc) return DEFAULT_CATALOGUE
  return { rules: doc.rules, grades: doc.grades, membersSeeBureau: doc.membersSeeBureau }
}

export function findRule(catalogue: RuleCatalogue, key: string): PointsRule | undefined {
  return catalogue.rules.find((rule) => rule.key === key)
}
