import { api } from '../../types/api'
import { periodKeyOf } from '../domain/time'
import { cloudPorts } from '../runtime/ports'
import { createRouter } from '../runtime/router'
import { markAttendance } from './attendance'
import { backfill } from './backfill'
import { checkIn, checkInCode } from './check-in'
import { compliance } from './compliance'
import { rebuildDigests } from './digest'
import { getMeeting } from './get-meeting'
import { decideLeave, listLeaves, requestLeave, withdrawLeave } from './leave'
import { listBranch, listMine } from './list'
import { writeMinutes } from './minutes'
import { recordBook } from './record-book'
import { recordBookPdf } from './record-book-pdf'
import { recordReminders } from './record-reminders'
import { politicalBirthdays, remindAbsent, runReminders } from './remind'
import { getRobot, setRobot } from './robot'
import { getRules, updateRules } from './rules'
import { cancel, schedule, update } from './schedule'
import { scopeMembers } from './scope-members'
import { shareCard } from './share-card'
import { subscribe } from './subscribe'
import { themeDayReminders } from './theme-day'

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
  shareCard,
  remindAbsent,
  getRobot,
  setRobot,
})

function timerName(event: unknown): string | null {
  if (typeof event !== 'object' || event === null || (event as { Type?: unknown }).Type !== 'Timer') return null
  return String((event as { TriggerName?: unknown }).TriggerName ?? '')
}

/** 三会一课: the meetings function; 'remind' every 5 min, 'daily' each morning for 政治生日, the 主题党日 check and 待补记录. */
export async function main(event: unknown) {
  const timer = timerName(event)
  if (timer === 'remind') return runReminders(cloudPorts())
  if (timer === 'daily')
    return {
      ...(await politicalBirthdays(cloudPorts())),
      ...(await themeDayReminders(cloudPorts())),
      ...(await recordReminders(cloudPorts())),
    }
  return router(event)
}
