import type { NudgeDoc, StudyTaskDoc } from '../../../types/study'
import { groupBy } from '../../domain/group-by'
import { shanghaiDate } from '../../domain/time'
import { COLLECTIONS } from '../../runtime/collections'
import type { Ports } from '../../runtime/ports'
import { loadRules } from '../meeting-rules'
import { membersByIds } from '../members'
import { queueRobot } from './robot-queue'
import { sendToMembers } from './subscribe-send'

const STUDY_TASK_PAGE = 'subpackages/study/pages/task/index'
const BATCH = 500

/** One tap of 提醒未学习 for one task and branch: its nudges share the moment they were recorded. */
const tapOf = (nudge: NudgeDoc) => `${nudge.taskId}:${nudge.branchId}:${nudge.at}`

/**
 * Delivers recorded study nudges (学习提醒) through the meetings reminder
 * channels: a subscribe message to each member holding a credit for the
 * tenant's reminder template (one send per nudge, `nudge:<id>`), and one
 * summary per tap into the branch's WeCom robot. A nudge is marked
 * delivered after its sends (one whose task is past due or gone is marked
 * with why, and not sent); a run cut off by the deadline leaves the rest
 * for the next, whose sends and robot message find the first ones' records
 * and go out no second time.
 */
export async function deliverStudyNudges(
  ports: Pick<Ports, 'store' | 'messaging'>,
  now: number,
  deadline: number,
): Promise<{ nudgesDelivered: number; nudgesSent: number }> {
  const { store } = ports
  const pending = await store.find(
    COLLECTIONS.studyNudges,
    { deliveredAt: store.command.exists(false) },
    { orderBy: [['at', 'asc']], limit: BATCH },
  )
  const taps = groupBy(pending, tapOf)
  let delivered = 0
  let sent = 0
  for (const nudges of taps.values()) {
    if (Date.now() > deadline) break
    try {
      const outcome = await deliverOneTap(ports, nudges, now)
      sent += outcome.sent
      delivered += outcome.delivered
    } catch (error) {
      // One tap's failure leaves its nudges pending for the next run; the other taps go on.
      console.error(`[nudges] ${tapOf(nudges[0])}`, error)
    }
  }
  return { nudgesDelivered: delivered, nudgesSent: sent }
}

async function deliverOneTap(ports: Pick<Ports, 'store' | 'messaging'>, nudges: NudgeDoc[], now: number) {
  const { store } = ports
  const [first] = nudges
  const task = await store.get(COLLECTIONS.studyTasks, first.taskId)
  // A nudge left over from before its due date (e.g. recorded before this delivery existed) is stale: not sent.
  const undeliverable = !task ? '学习任务已删除' : task.dueOn < shanghaiDate(now) ? '学习任务已截止' : null
  const sent = task && !undeliverable ? await deliverTap(ports, task, nudges, now) : 0
  const marked = await Promise.all(
    nudges.map((nudge) =>
      store.updateWhere(
        COLLECTIONS.studyNudges,
        { _id: nudge._id, deliveredAt: store.command.exists(false) },
        { deliveredAt: now, ...(undeliverable ? { undeliverable } : {}) },
      ),
    ),
  )
  return { sent, delivered: marked.reduce((sum, n) => sum + n, 0) }
}

async function deliverTap(
  ports: Pick<Ports, 'store' | 'messaging'>,
  task: StudyTaskDoc,
  nudges: NudgeDoc[],
  now: number,
): Promise<number> {
  const { store } = ports
  const rules = await loadRules(store, task.tenantId)
  const memberIds = nudges.map((nudge) => nudge.memberId)
  const { sent } = await sendToMembers(
    ports,
    {
      tenantId: task.tenantId,
      rules,
      use: 'studyNudge',
      members: nudges,
      memberIdOf: (nudge) => nudge.memberId,
      width: 10,
    },
    (nudge) => ({
      sendId: `nudge:${nudge._id}`,
      meetingId: null,
      slot: 'study-nudge',
      page: `${STUDY_TASK_PAGE}?taskId=${task._id}`,
      values: { taskTitle: task.title, dueOn: task.dueOn, note: '您还没有完成学习打卡' },
      now,
    }),
  )
  const names = await membersByIds(store, memberIds)
  const who = memberIds.map((id) => names.get(id)?.name).filter(Boolean)
  await queueRobot(store, {
    id: `study-nudge:${tapOf(nudges[0])}`,
    tenantId: task.tenantId,
    branchId: nudges[0].branchId,
    markdown: [
      '**学习提醒**',
      `> 任务：<font color="warning">${task.title}</font>`,
      `> 截止：${task.dueOn}`,
      `> 尚未学习（${who.length}人）：${who.join('、')}`,
      '请尽快完成学习打卡',
    ].join('\n'),
    now,
  })
  return sent
}
