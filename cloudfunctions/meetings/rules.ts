import type { api } from '../../types/api'
import { COLLECTIONS } from '../runtime/collections'
import type { Handler } from '../runtime/router'
import { DuplicateIdError, type Store } from '../runtime/store'
import { writeAudit } from '../shared/audit'
import { loadRules } from '../shared/meeting-rules'
import { tenantSecret as sharedTenantSecret } from '../shared/tenant-secrets'

/** The tenant's check-in secret, made on first use. */
export const tenantSecret = (store: Store, tenantId: string) =>
  sharedTenantSecret(store, COLLECTIONS.meetingSecrets, tenantId)

export const getRules: Handler<typeof api.meetings.getRules> = async (_input, { caller, store }) => {
  return loadRules(store, caller.member.tenantId)
}

export const updateRules: Handler<typeof api.meetings.updateRules> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const tenantId = caller.member.tenantId
  const before = await loadRules(store, tenantId)
  const doc = { ...input, updatedAt: clock.now(), updatedBy: caller.member._id }
  // The table replaces what was stored whole: a rule set saved before it held a bare id per use, which a
  // key-by-key merge could not turn into an entry.
  const patch = { ...doc, templates: store.command.set(input.templates) }
  if ((await store.update(COLLECTIONS.meetingRules, tenantId, patch)) === 0) {
    try {
      await store.insert(COLLECTIONS.meetingRules, { _id: tenantId, ...doc })
    } catch (error) {
      if (!(error instanceof DuplicateIdError)) throw error
      await store.update(COLLECTIONS.meetingRules, tenantId, patch)
    }
  }
  await writeAudit(ctx, {
    action: 'meetings.updateRules',
    targetId: tenantId,
    summary: '修改会议规则（三会一课频次、签到、订阅消息设置）',
    before,
    after: input,
  })
  return loadRules(store, tenantId)
}
