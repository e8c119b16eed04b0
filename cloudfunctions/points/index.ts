import { api } from '../../types/api'
import { withTimers } from '../runtime/entry'
import { createRouter } from '../runtime/router'
import { award } from './award'
import { listClaims, reviewClaim, submitClaim } from './claims'
import { setExempt } from './exempt'
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
    processPending(store, clock, {
      tenantId: caller.member.tenantId,
      limit: input.limit,
      deadline: Date.now() + ACTION_BUDGET_MS,
    }),
  settleEvent: (input, { store, clock }) => settleEvent(store, clock, input.eventId, input.reason),
  reconcile,
  setExempt,
  grades,
  setScoreConversion,
  scoreConversions,
  previewScoreImport,
  confirmScoreImport,
})

/** The function's timeout is 60 s: a timer run takes no event it could not finish by 45 s, an action by 8 s. */
const TIMER_BUDGET_MS = 45_000
const ACTION_BUDGET_MS = 8_000

/**
 * 党员积分: the points function; its minute timer ('settle') pays pending domain events of every tenant,
 * up to 5,000 a run within its budget; what is left, the next minute's run takes.
 */
export const main = withTimers(router, {
  settle: ({ store, clock }) => processPending(store, clock, { limit: 5_000, deadline: Date.now() + TIMER_BUDGET_MS }),
})
