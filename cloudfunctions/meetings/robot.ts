import type { api } from '../../types/api'
import type { RobotDoc } from '../../types/messaging'
import { isRobotUrl, maskRobotUrl, WECOM_BASE } from '../domain/messaging/wecom'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import { after } from '../runtime/range'
import type { Handler } from '../runtime/router'
import { DuplicateIdError } from '../runtime/store'
import { writeAudit } from '../shared/audit'
import { loadBranch, requireAccess } from '../shared/branch-access'
import { type PostNowRefusal, postRobotNow } from '../shared/messaging/robot-queue'
import { robotMarkdown } from './notify'

/**
 * WECOM_WEBHOOK_BASE (environment of the meetings function) replaces
 * https://qyapi.weixin.qq.com as the only accepted webhook origin. Unset in
 * production; the emulator's tests set it to a loopback robot.
 */
export const robotBase = () => process.env.WECOM_WEBHOOK_BASE || WECOM_BASE

export const getRobot: Handler<typeof api.meetings.getRobot> = async (input, { caller, store }) => {
  const branch = await loadBranch(store, caller, input.branchId)
  requireAccess(caller, branch, 'manage')
  const robot = await store.get(COLLECTIONS.meetingRobots, branch._id)
  return { maskedUrl: robot ? maskRobotUrl(robot.url) : null, setAt: robot?.setAt ?? null }
}

/** 设置群机器人: the URL is a credential to post into the group, so it never leaves the server unmasked. */
export const setRobot: Handler<typeof api.meetings.setRobot> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const branch = await loadBranch(store, caller, input.branchId)
  requireAccess(caller, branch, 'manage')
  if (input.url === null) {
    await store.remove(COLLECTIONS.meetingRobots, branch._id)
  } else {
    if (!isRobotUrl(input.url, robotBase())) throw new DomainError('REMINDER.BAD_WEBHOOK')
    const doc: RobotDoc = { _id: branch._id, tenantId: branch.tenantId, url: input.url, setAt: clock.now() }
    if ((await store.update(COLLECTIONS.meetingRobots, branch._id, { url: doc.url, setAt: doc.setAt })) === 0) {
      try {
        await store.insert(COLLECTIONS.meetingRobots, doc)
      } catch (error) {
        // Updated nothing because nothing changed: the same URL saved again in the same millisecond.
        if (!(error instanceof DuplicateIdError)) throw error
      }
    }
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

const REFUSALS: Record<PostNowRefusal, 'REMINDER.NO_ROBOT' | 'REMINDER.ROBOT_BUSY' | 'REMINDER.ROBOT_FAILED'> = {
  'no robot': 'REMINDER.NO_ROBOT',
  busy: 'REMINDER.ROBOT_BUSY',
  failed: 'REMINDER.ROBOT_FAILED',
}

/** A post the secretary waits for: refused with what went wrong, in words they can act on. */
function requirePosted({ refusal, error }: { refusal: PostNowRefusal | null; error: string | null }): void {
  if (!refusal) return
  const code = REFUSALS[refusal]
  throw new DomainError(code, error ? `群机器人没有收到消息（${error}），请检查 Webhook 地址是否仍有效` : undefined)
}

/** 发送测试消息: proves the webhook works before a reminder depends on it. */
export const testRobot: Handler<typeof api.meetings.testRobot> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const branch = await loadBranch(store, caller, input.branchId)
  requireAccess(caller, branch, 'manage')
  const now = clock.now()
  requirePosted(
    await postRobotNow(ctx, {
      id: `robot-test:${branch._id}:${now}`,
      tenantId: branch.tenantId,
      branchId: branch._id,
      markdown: [
        '**测试消息**',
        `> 支部：${branch.name}`,
        `> 设置人：${caller.member.name}`,
        '群机器人已接通，会议提醒和学习提醒会发到本群。',
      ].join('\n'),
      now,
    }),
  )
  return { sentAt: now }
}

/** 立即提醒: the branch's next meeting, told to the group now rather than at the 24 h and 1 h marks. */
export const remindNow: Handler<typeof api.meetings.remindNow> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const branch = await loadBranch(store, caller, input.branchId)
  requireAccess(caller, branch, 'manage')
  const now = clock.now()
  const [meeting] = await store.find(
    COLLECTIONS.meetings,
    { branchId: branch._id, status: 'scheduled', endsAt: after(store, now) },
    { orderBy: [['startsAt', 'asc']], limit: 1 },
  )
  if (!meeting) throw new DomainError('MEETING.NONE_UPCOMING')
  requirePosted(
    await postRobotNow(ctx, {
      // A second tap in the same minute posts nothing more.
      id: `remind-now:${meeting._id}:${Math.floor(now / 60_000)}`,
      tenantId: branch.tenantId,
      branchId: branch._id,
      markdown: robotMarkdown(meeting, now < meeting.startsAt ? '会议提醒' : '会议正在进行，请尽快到场签到'),
      now,
    }),
  )
  return { meetingId: meeting._id, title: meeting.title, sentAt: now }
}
