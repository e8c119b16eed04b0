import { api } from '../../types/api'
import { systemClock } from '../runtime/clock'
import { createRouter } from '../runtime/router'
import { cloudStore } from '../runtime/store'
import { award } from './award'
import { listClaims, reviewClaim, submitClaim } from './claims'
import { exemptions, setExempt } from './exempt'
import { grades } from './grades'
import { confirmScoreImport, previewScoreImport, scoreConversions, setScoreConversion } from './import-scores'
import { leaderboard } from './leaderboard'
import { myPoints } from './my-points'
import { processPending, settleEvent } from './process-events'
import { reconcile } from './reconcile'
import { getRules, updateRules } from './rules'

const router = createRouter(api.points, {
  myPoints,
  leaderboard,
  award,
  submitClaim,
  listClaims,
  reviewClaim,
  getRules,
  updateRules,
  processEvents: (input, { caller, store, clock }) =>
    processPending(store, clock, { tenantId: caller.member.tenantId, limit: input.limit }),
  settleEvent: (input, { store, clock }) => settleEvent(store, clock, input.eventId, input.reason),
  reconcile,
  setExempt,
  exemptions,
  grades,
  setScoreConversion,
  scoreConversions,
  previewScoreImport,
  confirmScoreImport,
})

function isTimer(event: unknown): boolean {
  return typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer'
}

/** 党员积分: the points function; its minute timer ('settle') pays pending domain events of every tenant. */
export async function main(event: unknown) {
  if (isTimer(event)) return processPending(cloudStore(), systemClock, { limit: 500 })
  return router(event)
}
