import type { QueuedRobotMessage, RobotDoc } from '../../types/messaging'
import { groupBy } from '../domain/group-by'
import {
  fitBytes,
  isRobotUrl,
  maskRobotUrl,
  ROBOT_MAX_ATTEMPTS,
  retryDelayMs,
  robotAllowance,
  WECOM_BASE,
} from '../domain/meetings/wecom'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import { after, atMost } from '../runtime/range'
import type { HandlerContext } from '../runtime/router'
import { DuplicateIdError, type Store } from '../runtime/store'
import { writeAudit } from '../shared/audit'
import { loadBranch, requireAccess } from '../shared/branch-access'

/**
 * WECOM_WEBHOOK_BASE (environment of the meetings function) replaces
 * https://qyapi.weixin.qq.com as the only accepted webhook origin. Unset in
 * production; the emulator's tests set it to a loopback robot.
 */
export const robotBase = () => process.env.WECOM_WEBHOOK_BASE || WECOM_BASE

export async function getRobot(input: { branchId: string }, { caller, store }: HandlerContext) {
  const branch = await loadBranch(store, caller, input.branchId)
  requireAccess(caller, branch, 'manage')
  const robot = await store.get(COLLECTIONS.meetingRobots, branch._id)
  return { maskedUrl: robot ? maskRobotUrl(robot.url) : null, setAt: robot?.setAt ?? null }
}

/** 设置群机器人: the URL is a credential to post into the group, so it never leaves the server unmasked. */
export async function setRobot(input: { branchId: string; url: string | null }, ctx: HandlerContext) {
  const { caller, store, clock } = ctx
  const branch = await loadBranch(store, caller, input.branchId)
  requireAccess(caller, branch, 'manage')
  if (input.url === null) {
    await store.remove(COLLECTIONS.meetingRobots, branch._id)
  } else {
    if (!isRobotUrl(input.url, robotBase())) throw new DomainError('REMINDER.BAD_WEBHOOK')
    const doc: RobotDoc = { _id: branch._id, tenantId: branch.tenantId, url: input.url, setAt: clock.now() }
    if ((await store.update(COLLECTIONS.meetingRobots, branch._id, { url: doc.url, setAt: doc.setAt })) === 0)
      await store.insert(COLLECTIONS.meetingRobots, doc)
  }
  await writeAudit(ctx, {
    action: 'meetings.setRobot',
    targetId: branch._id,
    summary: input.url ? '设置企业微信群机器人' : '移除企业微信群机器人',
    before: null,
    after: { maskedUrl: input.url ? maskRobotUrl(input.url) : null },
  })
  return getRobot({ branchId: branch._id }, ctx)
}

/** Queues a markdown message for the branch's robot, once per id; nothing when the branch has none. */
export async function queueRobot(
  store: Store,
  message: { id: string; tenantId: string; branchId: string; markdown: string; now: number },
): Promise<boolean> {
  if (!(await store.get(COLLECTIONS.meetingRobots, message.branchId))) return false
  const doc: QueuedRobotMessage = {
    _id: message.id,
    tenantId: message.tenantId,
    branchId: message.branchId,
    markdown: fitBytes(message.markdown),
    status: 'pending',
    attempts: 0,
    nextAt: message.now,
    sentAt: null,
    lastError: null,
    createdAt: message.now,
  }
  try {
    await store.insert(COLLECTIONS.robotQueue, doc)
  } catch (error) {
    if (!(error instanceof DuplicateIdError)) throw error
  }
  return true
}

async function post(url: string, markdown: string): Promise<string | null> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ msgtype: 'markdown', markdown: { content: markdown } }),
      signal: AbortSignal.timeout(5000),
    })
    if (!res.ok) return `HTTP ${res.status}`
    const body = (await res.json()) as { errcode?: number; errmsg?: string }
    return body.errcode === 0 ? null : `errcode ${body.errcode}: ${body.errmsg ?? ''}`
  } catch (error) {
    return String(error).slice(0, 200)
  }
}

/**
 * Delivers due queued messages, at most 20 a minute per robot (WeCom's
 * limit); a failure waits 30 s, 60 s, 120 s… and gives up after 5 tries,
 * leaving the error on the message as its log.
 */
export async function deliverRobotQueue(
  store: Store,
  now: number,
  deadline: number,
): Promise<{ sent: number; failed: number }> {
  const due = await store.find(
    COLLECTIONS.robotQueue,
    { status: 'pending', nextAt: atMost(store, now) },
    { orderBy: [['createdAt', 'asc']], limit: 1000 },
  )
  const byBranch = groupBy(due, (message) => message.branchId)
  let sent = 0
  let failed = 0
  for (const [branchId, messages] of byBranch) {
    if (Date.now() > deadline) break
    const robot = await store.get(COLLECTIONS.meetingRobots, branchId)
    const recent = await store.find(COLLECTIONS.robotQueue, {
      branchId,
      status: 'sent',
      sentAt: after(store, now - 60_000),
    })
    const allowance = robotAllowance(
      recent.map((message) => message.sentAt ?? 0),
      now,
    )
    for (const message of messages.slice(0, allowance)) {
      const error = robot ? await post(robot.url, message.markdown) : '机器人已移除'
      if (!error) {
        await store.update(COLLECTIONS.robotQueue, message._id, {
          status: 'sent',
          sentAt: now,
          attempts: message.attempts + 1,
        })
        sent++
        continue
      }
      const attempts = message.attempts + 1
      console.warn(`[meetings] robot ${branchId} ${message._id} attempt ${attempts}: ${error}`)
      await store.update(COLLECTIONS.robotQueue, message._id, {
        attempts,
        lastError: error,
        nextAt: now + retryDelayMs(attempts),
        status: attempts >= ROBOT_MAX_ATTEMPTS ? 'failed' : 'pending',
      })
      failed++
    }
  }
  return { sent, failed }
}
