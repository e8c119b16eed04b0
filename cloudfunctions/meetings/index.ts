import { api } from '../../types/api'
import { periodKeyOf } from '../domain/time'
import { withTimers } from '../runtime/entry'
import { createRouter } from '../runtime/router'
import { markAttendance } from './attendance'
import { backfill } from './backfill'
import { checkIn, checkInCode } from './check-in'
import { compliance } from './compliance'
import { runDaily } from './daily'
import { rebuildDigests } from './digest'
import { getMeeting } from './get-meeting'
import { decideLeave, listLeaves, requestLeave, withdrawLeave } from './leave'
import { listBranch, listMine } from './list'
import { writeMinutes } from './minutes'
import { recordBook } from './record-book'
import { recordBookPdf } from './record-book-pdf'
import { remindAbsent, runReminders } from './remind'
import { getRobot, remindNow, setRobot, testRobot } from './robot'
import { getRules, updateRules } from './rules'
import { cancel, schedule, update } from './schedule'
import { scopeMembers } from './scope-members'
import { shareCard } from './share-card'
import { mySubscriptions, subscribe, unsubscribe } from './subscribe'

const router = createRouter(api.meetings, {
  schedule,
  backfill,
  scopeMembers,
  update,
  cancel,
  listMine,
  listBranch,
  get: getMeeting,
  checkInCode,
  checkIn,
  markAttendance,
  requestLeave,
  withdrawLeave,
  listLeaves,
  decideLeave,
  writeMinutes,
  recordBook,
  recordBookPdf,
  compliance,
  getRules,
  updateRules,
  rebuildDigests: (input, { caller, store, clock }) =>
    rebuildDigests(
      store,
      caller.member.tenantId,
      input.year ?? Number(periodKeyOf(clock.now(), 'year')),
      input.cursor,
      clock.now(),
    ),
  subscribe,
  unsubscribe,
  mySubscriptions,
  shareCard,
  remindAbsent,
  testRobot,
  remindNow,
  getRobot,
  setRobot,
})

/** 三会一课: the meetings function; 'remind' every 5 min, 'daily' each morning (08:00–08:50, every 10 min) for 政治生日, the 主题党日 check and 待补记录. */
export const main = withTimers(router, {
  remind: runReminders,
  daily: runDaily,
})
