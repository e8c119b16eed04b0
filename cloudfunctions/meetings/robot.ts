import type { api } from '../../types/api'
import type { RobotDoc } from '../../types/messaging'
import { isRobotUrl, maskRobotUrl, WECOM_BASE } from '../domain/messaging/wecom'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import type { Handler } from '../runtime/router'
import { writeAudit } from '../shared/audit'
import { loadBranch, requireAccess } from '../shared/branch-access'

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
