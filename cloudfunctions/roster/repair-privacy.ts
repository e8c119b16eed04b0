import type { api } from '../../types/api'
import { isPhoneDerivedId } from '../domain/roster/import/member-key'
import { renameId } from '../domain/roster/rename-id'
import { COLLECTIONS, type Collection, type Doc } from '../runtime/collections'
import type { Handler, HandlerContext } from '../runtime/router'
import { DuplicateIdError, type Store } from '../runtime/store'
import { redactPersonal, writeAudit } from '../shared/audit'
import { memberIdForKey } from './member-keys'

/** Wall time a call takes chunks for; the caller calls again with the cursor (as reconcile). */
const CALL_BUDGET_MS = 12_000
const MEMBERS_PER_CHUNK = 10
const AUDIT_PER_CHUNK = 200

/**
 * Where a member's id is kept, by collection: the fields a query finds it by. Documents whose own id holds
 * the member's (attendance, leave, events, ledger keys, totals, credits, sends) are found by these fields
 * too and moved to their renamed id.
 */
const MEMBER_REFERENCES: ReadonlyArray<readonly [Collection<Doc>, readonly string[]]> = [
  [COLLECTIONS.bindings, ['memberId']],
  [COLLECTIONS.invitations, ['memberId', 'createdBy']],
  [COLLECTIONS.memberKeys, ['memberId']],
  [COLLECTIONS.membershipChanges, ['memberId', 'by']],
  [COLLECTIONS.auditLog, ['actorId', 'targetId']],
  [COLLECTIONS.imports, ['createdBy']],
  [COLLECTIONS.domainEvents, ['memberId', 'recordedBy']],
  [COLLECTIONS.pointsLedger, ['memberId', 'grantedBy']],
  [COLLECTIONS.pointsTotals, ['subjectId']],
  [COLLECTIONS.pointsExempt, ['_id', 'by']],
  [COLLECTIONS.pointsImports, ['createdBy']],
  [COLLECTIONS.pointsClaims, ['memberId', 'proposedBy', 'decidedBy']],
  [COLLECTIONS.pointsConversions, ['updatedBy']],
  [COLLECTIONS.studyTasks, ['publishedBy']],
  [COLLECTIONS.studyCheckins, ['memberId']],
  [COLLECTIONS.studyNudges, ['memberId', 'by']],
  [COLLECTIONS.meetings, ['attendeeIds', 'hostId', 'noteTakerId', 'createdBy', 'minutes.writtenBy']],
  [COLLECTIONS.meetingAttendance, ['memberId', 'recordedBy']],
  [COLLECTIONS.meetingLeaves, ['memberId', 'decidedBy']],
  [COLLECTIONS.subscribeCredits, ['memberId']],
  [COLLECTIONS.reminderSends, ['memberId']],
  [COLLECTIONS.bureauReminders, ['secretaryId', 'by']],
]

/**
 * 隐私整改 (a one-off after the upgrade, from 数据校对): members whose id an earlier version derived from their
 * phone (sha256 of tenant and phone: a masked phone was recoverable from it) get a random id everywhere it is
 * kept, and phones in the audit log's snapshots are masked as new entries are. Call after call, each within
 * ~12 s, until `done`; safe to stop and call again (each member's new id is fixed before anything moves).
 * Run it when nobody is using the app, like reconcile: a member half-moved sees split figures until the call ends.
 */
export const repairPrivacy: Handler<typeof api.roster.repairPrivacy> = async (input, ctx) => {
  const { caller, store } = ctx
  const tenantId = caller.member.tenantId
  const started = performance.now()
  const inBudget = () => performance.now() - started < CALL_BUDGET_MS
  let renamed = 0
  let masked = 0
  let cursor = input.cursor ?? null
  let membersLeft = true
  while (membersLeft && inBudget()) {
    const batch = await phoneDerivedMembers(store, tenantId, MEMBERS_PER_CHUNK)
    membersLeft = batch.length > 0
    for (const old of batch) {
      if (!inBudget()) break
      await renameMember(ctx, old)
      renamed++
    }
  }
  let auditDone = false
  if (!membersLeft) {
    while (!auditDone && inBudget()) {
      const page = await store.find(
        COLLECTIONS.auditLog,
        cursor ? { tenantId, _id: store.command.gt(cursor) } : { tenantId },
        { orderBy: [['_id', 'asc']], limit: AUDIT_PER_CHUNK },
      )
      for (const entry of page) {
        const before = redactPersonal(entry.before)
        const afterward = redactPersonal(entry.after)
        if (JSON.stringify([before, afterward]) !== JSON.stringify([entry.before, entry.after])) {
          await store.update(COLLECTIONS.auditLog, entry._id, { before, after: afterward })
          masked++
        }
      }
      cursor = page.at(-1)?._id ?? cursor
      auditDone = page.length < AUDIT_PER_CHUNK
    }
  }
  if (renamed + masked > 0) {
    await writeAudit(ctx, {
      action: 'roster.repairPrivacy',
      targetId: tenantId,
      summary: `隐私整改：${renamed} 名党员的编号改为随机编号，${masked} 条操作日志隐去手机号`,
      before: null,
      after: { renamed, masked },
    })
  }
  const remaining = (await phoneDerivedMembers(store, tenantId, 1000)).length
  return { renamed, masked, remaining, done: remaining === 0 && auditDone, cursor: auditDone ? null : cursor }
}

async function phoneDerivedMembers(store: Store, tenantId: string, limit: number): Promise<string[]> {
  const found = await store.find(
    COLLECTIONS.members,
    { tenantId, _id: store.regex('^m_[0-9a-f]{16}$') },
    { fields: { _id: true }, limit },
  )
  return found.map((member) => member._id).filter(isPhoneDerivedId)
}

/**
 * One member: the new id is chosen once (kept in member_keys under the old id, so a cut-off call reuses it),
 * every reference follows, and the member document moves last, so the next call finds it again if need be.
 */
async function renameMember(ctx: HandlerContext, from: string): Promise<void> {
  const { store, clock, caller } = ctx
  const to = await memberIdForKey(ctx, renameKey(caller.member.tenantId, from))
  for (const [collection, fields] of MEMBER_REFERENCES) {
    for (const field of fields) {
      for (const doc of await store.findAll(collection, { [field]: from }))
        await moveDoc(store, collection, doc, from, to)
    }
  }
  const member = await store.get(COLLECTIONS.members, from)
  if (member) await moveDoc(store, COLLECTIONS.members, { ...member, updatedAt: clock.now() }, from, to)
  await store.remove(COLLECTIONS.memberKeys, renameKey(caller.member.tenantId, from))
}

const renameKey = (tenantId: string, from: string) => `rename:${tenantId}:${from}`

/** The document with the id renamed: updated in place, or (its own id held the old one) inserted anew and the old removed. */
async function moveDoc<T extends Doc>(store: Store, collection: Collection<T>, doc: T, from: string, to: string) {
  const renamed = renameId(doc, from, to)
  if (renamed._id === doc._id) {
    const { _id, ...fields } = renamed
    await store.update(collection, doc._id, fields)
    return
  }
  try {
    await store.insert(collection, renamed)
  } catch (error) {
    if (!(error instanceof DuplicateIdError)) throw error
  }
  await store.remove(collection, doc._id)
}
