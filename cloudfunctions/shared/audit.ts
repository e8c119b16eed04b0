import { maskPhone } from '../domain/roster/privacy'
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
    ...redacted(entry),
  })
}

/**
 * The log keeps who changed what, not the personal data itself: phone numbers in the snapshots are masked
 * (138****8000), at any depth. The log is kept for years; a number there would outlive the member's erasure.
 */
export function redactPersonal<T>(value: T): T {
  if (Array.isArray(value)) return value.map(redactPersonal) as T
  if (typeof value !== 'object' || value === null) return value
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [
      key,
      key === 'phone' && typeof field === 'string' ? maskPhone(field) : redactPersonal(field),
    ]),
  ) as T
}

const redacted = (entry: AuditEntry): AuditEntry => ({
  ...entry,
  before: redactPersonal(entry.before),
  after: redactPersonal(entry.after),
})

/** An entry no member's action caused (a lock after wrong names, a timer): the actor is the system. */
export async function writeSystemAudit(store: Store, at: number, tenantId: string, entry: AuditEntry): Promise<void> {
  await store.insert(COLLECTIONS.auditLog, {
    _id: newId('a'),
    tenantId,
    at,
    actorId: 'system',
    actorName: '系统',
    ...redacted(entry),
  })
}
