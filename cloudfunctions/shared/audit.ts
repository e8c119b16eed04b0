import { COLLECTIONS } from '../runtime/collections'
import { newId } from '../runtime/new-id'
import type { HandlerContext } from '../runtime/router'
import type { Store } from '../runtime/store'

type AuditEntry = { action: string; targetId: string; summary: string; before: object | null; after: object | null }

/** Append-only: who changed what, when, and the document before and after (the audit log 操作日志). */
export async function writeAudit(
  { caller, store, clock }: Pick<HandlerContext, 'caller' | 'store' | 'clock'>,
  entry: AuditEntry,
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

/** An entry no member's action caused (a lock after wrong names, a timer): the actor is the system. */
export async function writeSystemAudit(store: Store, at: number, tenantId: string, entry: AuditEntry): Promise<void> {
  await store.insert(COLLECTIONS.auditLog, {
    _id: newId('a'),
    tenantId,
    at,
    actorId: 'system',
    actorName: '系统',
    ...entry,
  })
}
