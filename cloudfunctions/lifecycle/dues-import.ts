import type { api } from '../../types/api'
import { DUES_IMPORT_PREVIEW_ROWS, type DuesImportDoc, type DuesImportRow } from '../../types/lifecycle'
import type { MemberDoc } from '../../types/roster'
import { findDuesColumns, readDuesRows, type SavedBase } from '../domain/lifecycle/dues-import'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import { newId } from '../runtime/new-id'
import type { Handler, HandlerContext } from '../runtime/router'
import { writeAudit } from '../shared/audit'
import { loadBranch, requireAccess } from '../shared/branch-access'
import { readImportUploadOnce } from '../shared/uploaded-sheet'
import { loadSchedule, refreshBranchMonths, refreshStatus } from './dues-ledger'
import { SELF_DUES, writeDuesBase } from './dues-records'

/** A confirm that wrote no progress for this long was cut off (timeout, crash): it may run again (writes are by key). */
const STALLED_AFTER_MS = 90_000
const WRITE_BATCH = 10
const REFRESH_BATCH = 5
const ORDER: Record<DuesImportRow['status'], number> = { error: 0, set: 1, unchanged: 2 }

/**
 * 导入预览: reads the caller's upload, matches each row to an active member of the branch, prices it and
 * remembers what confirming writes. The raw file is deleted once read (it may hold more than the app keeps:
 * wages of people who are not members, ID numbers); only member ids, categories and bases are kept.
 */
export const previewDuesBaseImport: Handler<typeof api.lifecycle.previewDuesBaseImport> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const tenantId = caller.member.tenantId
  const branch = await loadBranch(store, caller, input.branchId)
  requireAccess(caller, branch, 'manage')
  const sheet = (await readImportUploadOnce(ctx, input.fileID)).rows
  const columns = findDuesColumns(sheet)
  if (!columns) throw new DomainError('DUES.IMPORT_HEADERS')
  const members = await store.findAll(
    COLLECTIONS.members,
    { tenantId, branchId: branch._id, status: 'active' },
    { fields: { _id: true, name: true, phone: true } },
  )
  const [schedule, saved] = await Promise.all([loadSchedule(store, tenantId), savedBases(ctx, members, input.year)])
  // The importer's own row is not theirs to set (separation of duties): an error row, never written.
  const rows = readDuesRows(
    sheet,
    columns,
    members.map((m) => ({ id: m._id, name: m.name, phone: m.phone })),
    schedule,
    saved,
  ).map((row) =>
    row.memberId === caller.member._id && row.status !== 'error'
      ? { ...row, status: 'error' as const, monthlyFen: null, message: SELF_DUES }
      : row,
  )
  if (rows.length === 0) throw new DomainError('ROSTER.IMPORT_NO_ROWS')
  const count = (status: DuesImportRow['status']) => rows.filter((row) => row.status === status).length
  const doc: DuesImportDoc = {
    _id: newId('dimp'),
    tenantId,
    branchId: branch._id,
    year: input.year,
    createdBy: caller.member._id,
    createdAt: clock.now(),
    writes: rows.flatMap((row) =>
      row.status === 'set' && row.memberId && row.category && row.baseFen !== null
        ? [{ row: row.row, memberId: row.memberId, category: row.category, baseFen: row.baseFen }]
        : [],
    ),
    unchanged: count('unchanged'),
    errors: count('error'),
    status: 'previewed',
    updatedAt: clock.now(),
    result: null,
  }
  await store.insert(COLLECTIONS.duesImports, doc)
  return {
    importId: doc._id,
    totals: { set: doc.writes.length, unchanged: doc.unchanged, error: doc.errors },
    rows: [...rows]
      .sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.row - b.row)
      .slice(0, DUES_IMPORT_PREVIEW_ROWS),
  }
}

/** The bases already 核定 for the year, by member (read by member: one who moved branch keeps theirs). */
async function savedBases(
  { caller, store }: Pick<HandlerContext, 'caller' | 'store'>,
  members: { _id: string }[],
  year: number,
) {
  const saved = new Map<string, SavedBase>()
  for (let i = 0; i < members.length; i += 500) {
    const ids = members.slice(i, i + 500).map((member) => member._id)
    const bases = await store.findAll(COLLECTIONS.duesBases, {
      tenantId: caller.member.tenantId,
      memberId: store.command.in(ids),
      year,
    })
    for (const base of bases) saved.set(base.memberId, { category: base.category, baseFen: base.baseFen })
  }
  return saved
}

/**
 * 确认导入: writes each previewed base through the hand edit's path (audited), skipping members who left the
 * branch since, then refreshes the derived rows. Only the import's creator — or bureau staff — confirms; a
 * second confirm writes nothing and answers the first one's result.
 */
export const confirmDuesBaseImport: Handler<typeof api.lifecycle.confirmDuesBaseImport> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const doc = await store.get(COLLECTIONS.duesImports, input.importId)
  const mayConfirm = doc?.createdBy === caller.member._id || caller.roles.includes('bureau_staff')
  if (!doc || doc.tenantId !== caller.member.tenantId || !mayConfirm) throw new DomainError('DUES.IMPORT_NOT_FOUND')
  const branch = await loadBranch(store, caller, doc.branchId)
  requireAccess(caller, branch, 'manage')
  if (doc.status === 'done' && doc.result) return doc.result
  // A confirm cut off mid-way runs again: what it wrote reads as unchanged now, and still needs its refresh.
  const rerun = doc.status === 'running'
  if (!(await claim(ctx, doc))) {
    const now = await store.get(COLLECTIONS.duesImports, doc._id)
    if (now?.status === 'done' && now.result) return now.result
    throw new DomainError('DUES.IMPORT_DONE')
  }

  const ids = doc.writes.map((write) => write.memberId)
  const members = new Map<string, MemberDoc>()
  for (let i = 0; i < ids.length; i += 500) {
    const found = await store.findAll(COLLECTIONS.members, { _id: store.command.in(ids.slice(i, i + 500)) })
    for (const member of found) members.set(member._id, member)
  }
  const schedule = await loadSchedule(store, doc.tenantId)
  const written: MemberDoc[] = []
  const valid: MemberDoc[] = []
  let unchanged = doc.unchanged
  let skipped = 0
  for (let i = 0; i < doc.writes.length; i += WRITE_BATCH) {
    await Promise.all(
      doc.writes.slice(i, i + WRITE_BATCH).map(async (write) => {
        const member = members.get(write.memberId)
        // Moved to another branch, transferred out or erased since the preview: not this branch's to set.
        // Or the confirmer's own row (bureau staff confirming a secretary's import): not theirs to set.
        if (member?.status !== 'active' || member.branchId !== doc.branchId || member._id === caller.member._id) {
          skipped++
          return
        }
        valid.push(member)
        const base = { year: doc.year, category: write.category, baseFen: write.baseFen }
        const { changed } = await writeDuesBase(ctx, { member, branch, schedule, source: 'import' }, base)
        if (changed) written.push(member)
        else unchanged++
      }),
    )
    await store.update(COLLECTIONS.duesImports, doc._id, { updatedAt: clock.now() })
  }
  // The branch's months for the year once, from the ledgers as they now are (every base is written first), then
  // each member's arrears run.
  const refresh = rerun ? valid : written
  if (refresh.length > 0) await refreshBranchMonths(ctx, branch, [doc.year])
  for (let i = 0; i < refresh.length; i += REFRESH_BATCH) {
    await Promise.all(refresh.slice(i, i + REFRESH_BATCH).map((member) => refreshStatus(ctx, member, [doc.year])))
  }
  const result = { set: written.length, unchanged, skipped }
  // The bases now live in dues_bases: the import keeps its counts, not a second copy of everyone's wage.
  await store.update(COLLECTIONS.duesImports, doc._id, { status: 'done', result, writes: [], updatedAt: clock.now() })
  await writeAudit(ctx, {
    action: 'lifecycle.confirmDuesBaseImport',
    targetId: doc._id,
    summary: `导入 ${branch.name} ${doc.year} 年党费基数：核定 ${result.set} 人，未变 ${result.unchanged} 人${skipped ? `，已不在本支部 ${skipped} 人` : ''}${doc.errors ? `，错误 ${doc.errors} 行未导入` : ''}`,
    before: null,
    after: { year: doc.year, ...result, errors: doc.errors },
  })
  return result
}

/** Takes the import for this confirm: a previewed one, or a running one whose confirm was cut off. */
async function claim({ store, clock }: HandlerContext, doc: DuesImportDoc): Promise<boolean> {
  const now = clock.now()
  if (doc.status === 'previewed') {
    return (
      (await store.updateWhere(
        COLLECTIONS.duesImports,
        { _id: doc._id, status: 'previewed' },
        { status: 'running', updatedAt: now },
      )) > 0
    )
  }
  if (doc.status === 'running' && now - doc.updatedAt > STALLED_AFTER_MS) {
    const where = { _id: doc._id, status: 'running' as const, updatedAt: doc.updatedAt }
    return (await store.updateWhere(COLLECTIONS.duesImports, where, { updatedAt: now })) > 0
  }
  return false
}
