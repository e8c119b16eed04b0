import { api } from '../../types/api'
import { periodKeyOf } from '../domain/time'
import { withTimers } from '../runtime/entry'
import { createRouter } from '../runtime/router'
import { markAttendance } from './attendance'
import { checkIn, checkInCode } from './check-in'
import { compliance } from './compliance'
import { rebuildDigests } from './digest'
import { getMeeting } from './get-meeting'
import { decideLeave, listLeaves, requestLeave } from './leave'
import { listBranch, listMine } from './list'
import { writeMinutes } from './minutes'
import { recordBook } from './record-book'
import { recordBookPdf } from './record-book-pdf'
import { politicalBirthdays, remindAbsent, runReminders } from './remind'
import { getRobot, setRobot } from './robot'
import { getRules, updateRules } from './rules'
import { cancel, schedule, update } from './schedule'
import { shareCard } from './share-card'
import { subscribe } from './subscribe'
import { themeDayReminders } from './theme-day'

const router = createRouter(api.meetings, {
  schedule,
  update,
  cancel,
  listMine,
  listBranch,
  get: getMeeting,
  checkInCode,
  checkIn,
  markAttendance,
  requestLeave,
  listLeaves,
  decideLeave,
  writeMinutes,
  recordBook,
  recordBookPdf,
  compliance,
  getRules,
  updateRules,
  rebuildDigests: (input, { caller, store, clock }) =>
    rebuildDigests(store, caller.member.tenantId, input.year ?? Number(periodKeyOf(clock.now(), 'year'))),
  subscribe,
  shareCard,
  remindAbsent,
  getRobot,
  setRobot,
})

/** 三会一课: the meetings function; 'remind' every 5 min, 'daily' each morning for 政治生日 and the 主题党日 check. */
export const main = withTimers(router, {
  remind: runReminders,
  daily: async (ports) => ({ ...(await politicalBirthdays(ports)), ...(await themeDayReminders(ports)) }),
})
