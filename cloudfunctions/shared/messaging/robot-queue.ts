import type { QueuedRobotMessage } from '../../../types/messaging'
import { groupBy } from '../../domain/group-by'
import { fitBytes, ROBOT_MAX_ATTEMPTS, retryDelayMs, robotAllowance } from '../../domain/messaging/wecom'
import { COLLECTIONS } from '../../runtime/collections'
import type { Ports } from '../../runtime/ports'
import { after, atMost } from '../../runtime/range'
import { DuplicateIdError, type Store } from '../../runtime/store'

type RobotMessage = { id: string; tenantId: string; branchId: string; markdown: string; now: number }

/** A message as the queue keeps it, pending and due at `nextAt`. */
function queued(message: RobotMessage, nextAt: number): QueuedRobotMessage {
  return {
    _id: message.id,
    tenantId: message.tenantId,
    branchId: message.branchId,
    markdown: fitBytes(message.markdown),
    status: 'pending',
    attempts: 0,
    nextAt,
    sentAt: null,
    lastError: null,
    createdAt: message.now,
  }
}

/** How many more messages a branch's robot may take now (WeCom's 20 a minute), from what the queue sent. */
async function allowanceNow(store: Store, branchId: string, now: number): Promise<number> {
  const recent = await store.find(COLLECTIONS.robotQueue, {
    branchId,
    status: 'sent',
    sentAt: after(store, now - 60_000),
  })
  return robotAllowance(
    recent.map((message) => message.sentAt ?? 0),
    now,
  )
}

/**
 * Queues a markdown message for a branch's WeCom group robot (企业微信群机器人),
 * once per id; nothing when the branch has none. The meetings function's
 * 5-minute timer delivers the queue.
 */
export async function queueRobot(store: Store, message: RobotMessage): Promise<boolean> {
  if (!(await store.get(COLLECTIONS.meetingRobots, message.branchId))) return false
  try {
    await store.insert(COLLECTIONS.robotQueue, queued(message, message.now))
  } catch (error) {
    if (!(error instanceof DuplicateIdError)) throw error
  }
  return true
}

/**
 * How long a claimed message is held by the run that claimed it. Longer than a
 * run can last (the timeout is 60 s), so only a run that died mid-post lets it
 * go; the next run after that posts it again (at least once, never twice by
 * two live runs).
 */
export const ROBOT_CLAIM_MS = 2 * 60_000
/** A post waits at most this long for WeCom (runtime/messaging.ts): a run takes no post it cannot finish. */
const POST_BUDGET_MS = 5_000

/**
 * Delivers due queued messages, at most 20 a minute per robot (WeCom's
 * limit); a failure waits 30 s, 60 s, 120 s… and gives up after 5 tries,
 * leaving the error on the message as its log. Each message is claimed
 * (pending → sending, a conditional write) before it is posted, so two runs
 * that overlap post it once; a message whose bookkeeping throws is recorded
 * and retried later without holding up the rest.
 */
export async function deliverRobotQueue(
  { store, messaging }: Pick<Ports, 'store' | 'messaging'>,
  now: number,
  deadline: number,
): Promise<{ sent: number; failed: number }> {
  const due = await store.find(
    COLLECTIONS.robotQueue,
    { status: store.command.in(['pending', 'sending']), nextAt: atMost(store, now) },
    { orderBy: [['createdAt', 'asc']], limit: 1000 },
  )
  const byBranch = groupBy(due, (message) => message.branchId)
  let sent = 0
  let failed = 0
  for (const [branchId, messages] of byBranch) {
    if (Date.now() + POST_BUDGET_MS > deadline) break
    const robot = await store.get(COLLECTIONS.meetingRobots, branchId)
    const allowance = await allowanceNow(store, branchId, now)
    for (const message of messages.slice(0, allowance)) {
      if (Date.now() + POST_BUDGET_MS > deadline) break
      try {
        const outcome = await deliverOne(store, messaging, robot?.url ?? null, message, now)
        if (outcome === 'sent') sent++
        if (outcome === 'failed') failed++
      } catch (error) {
        // The store failed around this message: it stays claimed until the claim lapses, then goes again.
        console.error(`[robot] ${branchId} ${message._id}`, error)
        failed++
      }
    }
  }
  return { sent, failed }
}

/** Why a message posted at once did not reach the group. */
export type PostNowRefusal = 'no robot' | 'busy' | 'failed'

/**
 * Posts one message to a branch's robot now, for a secretary waiting on the
 * answer (发送测试消息, 立即提醒), within the robot's 20 a minute. It is claimed
 * in the queue first (sending, as the timer claims), so a run cut off mid-post
 * leaves it to the timer rather than losing it, and the queue's records count
 * it against the allowance and show it in the message log. A failed post is
 * marked failed at once: the secretary sees why, and retries by hand.
 */
export async function postRobotNow(
  { store, messaging }: Pick<Ports, 'store' | 'messaging'>,
  message: RobotMessage,
): Promise<{ refusal: PostNowRefusal | null; error: string | null }> {
  const { id, branchId, now } = message
  const robot = await store.get(COLLECTIONS.meetingRobots, branchId)
  if (!robot) return { refusal: 'no robot', error: null }
  if ((await allowanceNow(store, branchId, now)) === 0) return { refusal: 'busy', error: null }
  // Claimed as a run's delivery is (sending, held for ROBOT_CLAIM_MS): a timer run posts it only if this one died.
  const doc: QueuedRobotMessage = { ...queued(message, now + ROBOT_CLAIM_MS), status: 'sending', attempts: 1 }
  try {
    await store.insert(COLLECTIONS.robotQueue, doc)
  } catch (error) {
    // The same tap twice: the first claim posts it.
    if (error instanceof DuplicateIdError) return { refusal: null, error: null }
    throw error
  }
  const error = await messaging.postRobot(robot.url, doc.markdown)
  await store.update(
    COLLECTIONS.robotQueue,
    id,
    error ? { status: 'failed', attempts: 1, lastError: error } : { status: 'sent', attempts: 1, sentAt: now },
  )
  return { refusal: error ? 'failed' : null, error }
}

/** Claims one due message (a conditional write), posts it, and records the outcome. */
async function deliverOne(
  store: Store,
  messaging: Ports['messaging'],
  url: string | null,
  message: QueuedRobotMessage,
  now: number,
): Promise<'sent' | 'failed' | 'taken'> {
  const attempts = message.attempts + 1
  const claimed = await store.updateWhere(
    COLLECTIONS.robotQueue,
    { _id: message._id, status: message.status, attempts: message.attempts },
    { status: 'sending', attempts, nextAt: now + ROBOT_CLAIM_MS },
  )
  if (claimed === 0) return 'taken'
  const error = url ? await messaging.postRobot(url, message.markdown) : '机器人已移除'
  if (!error) {
    await store.update(COLLECTIONS.robotQueue, message._id, { status: 'sent', sentAt: now, lastError: null })
    return 'sent'
  }
  console.warn(`[robot] ${message.branchId} ${message._id} attempt ${attempts}: ${error}`)
  await store.update(COLLECTIONS.robotQueue, message._id, {
    lastError: error,
    nextAt: now + retryDelayMs(attempts),
    status: attempts >= ROBOT_MAX_ATTEMPTS ? 'failed' : 'pending',
  })
  return 'failed'
}
