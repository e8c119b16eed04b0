import { COLLECTIONS } from '../runtime/collections'
import { newId } from '../runtime/new-id'
import type { HandlerContext } from '../runtime/router'

/** Append-only: who changed what, when, and the document before and after (the audit log 操作日志). */
export async function writeAudit(
  { caller, store, clock }: Pick<HandlerContext, 'caller' | 'store' | 'clock'>,
  entry: { action: string; targetId: string; summary: string; before: object | null; after: object | null },
): Promise<void> {
  await store.insert(COLLECTIONS.auditLog, {
    _id: newId('a'),
    tenantId: caller.member.tenantId,
    at: clock.now(),
    actorId: caller.member._id,
    actorName: caller.member.name,
    ...entry,
  })
}
