import type { api } from '../../types/api'
import { RAW_UPLOAD_KEEP_MS } from '../../types/retention'
import type { OrgDoc } from '../../types/roster'
import {
  type ImportDoc,
  type ImportStatus,
  PREVIEW_ISSUE_LIMIT,
  PREVIEW_SAMPLE_LIMIT,
  ROSTER_IMPORT_LIMITS,
} from '../../types/roster-import'
import { branchAccess } from '../domain/access/branch-access'
import { errorSheet } from '../domain/roster/import/error-sheet'
import { memberKeyId } from '../domain/roster/import/member-key'
import { type ImportPlan, planImport, type StoredMember } from '../domain/roster/import/plan-import'
import { searchKeys } from '../domain/roster/import/search-keys'
import { previewImport } from '../domain/roster/import/validate-rows'
import { shanghaiDate, shanghaiStamp } from '../domain/time'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import { newId } from '../runtime/new-id'
import type { Handler, HandlerContext } from '../runtime/router'
import { writeAudit } from '../shared/audit'
import { loadBranch, requireAccess } from '../shared/branch-access'
import { currentMonth, loadSchedule, requestDuesRefresh, rewriteBranch } from '../shared/dues-ledger'
import { exportXlsx } from '../shared/exports'
import { createMember } from '../shared/members'
import { deleteNow, keepUntil } from '../shared/retention'
import { memberKeySecret } from '../shared/tenant-secrets'
import { readImportUpload } from '../shared/uploaded-sheet'
import { memberIdForKey } from './member-keys'

const manages = (caller: HandlerContext['caller'], org: OrgDoc) =>
  org.kind === 'branch' && branchAccess(caller.member, org) === 'manage'

const rawUpload = (doc: ImportDoc) => ({ fileID: doc.fileID, tenantId: doc.tenantId, kind: 'import-upload' as const })

/** A running import that wrote no progress for this long was cut off (the function timed out or crashed). */
export const STALLED_AFTER_MS = 90_000

const IMPORT_FIELDS: Record<keyof StoredMember, true> = {
  _id: true,
  name: true,
  branchId: true,
  memberType: true,
  joinedOn: true,
  probationEndsOn: true,
  groupId: true,
  phone: true,
  committeePosition: true,
}

/** The target branch (a secretary's own) or the whole tenant (bureau staff); refuses anyone else. */
async function importScope({ caller, store }: HandlerContext, branchId: string | null): Promise<OrgDoc | null> {
  if (branchId === null) {
    if (!caller.roles.includes('bureau_staff')) throw new DomainError('AUTH.FORBIDDEN')
    return null
  }
  const branch = await loadBranch(store, caller, branchId)
  requireAccess(caller, branch, 'manage')
  return branch
}

/** Reads the uploaded file and checks it against the roster as it is now: the same at preview and at confirm. */
async function checkFile(ctx: HandlerContext, fileID: string, branchId: string | null) {
  const { caller, store, clock } = ctx
  await importScope(ctx, branchId)
  const tenantId = caller.member.tenantId
  const { rows: sheet } = await readImportUpload(ctx, fileID)
  const [orgs, members] = await Promise.all([
    store.findAll(COLLECTIONS.orgs, { tenantId }),
    store.findAll(COLLECTIONS.members, { tenantId, status: 'active' }, { fields: IMPORT_FIELDS }),
  ])
  // A secretary's file is checked against the branches they manage: whether a phone or a name is on another
  // branch's roster is not theirs to learn (bureau staff import tenant-wide and see everything).
  const visible = branchId === null ? null : new Set(orgs.filter((org) => manages(caller, org)).map((org) => org._id))
  const candidates = visible ? members.filter((m) => m.branchId !== null && visible.has(m.branchId)) : members
  const preview = previewImport(sheet, {
    today: shanghaiDate(clock.now()),
    branches: orgs.filter((org) => org.kind === 'branch').map((org) => ({ id: org._id, name: org.name })),
    groups: orgs
      .filter((org) => org.kind === 'group' && org.parentId)
      .map((org) => ({ id: org._id, name: org.name, branchId: org.parentId as string })),
    existing: candidates.map((m) => ({
      id: m._id,
      name: m.name,
      phone: m.phone,
      branchId: m.branchId,
      committeePosition: m.committeePosition,
    })),
    targetBranchId: branchId,
    maxRows: ROSTER_IMPORT_LIMITS.maxDataRows,
  })
  const plan = planImport(preview.validRows, candidates)
  return { preview, plan, orgs, sheet }
}

/** 导入预览: nothing is written to the roster; the import is remembered so it can be confirmed. */
export const previewRosterImport: Handler<typeof api.roster.previewImport> = async (input, ctx) => {
  const { preview, plan, orgs } = await checkFile(ctx, input.fileID, input.branchId)
  const fileIssue = preview.issues.find((issue) => issue.row === 0 && issue.code.startsWith('ROSTER.IMPORT_'))
  if (fileIssue && preview.validRows.length === 0) {
    throw new DomainError(fileIssue.code as 'ROSTER.IMPORT_HEADERS', fileIssue.message)
  }
  const importId = newId('imp')
  const doc: ImportDoc = {
    _id: importId,
    tenantId: ctx.caller.member.tenantId,
    createdBy: ctx.caller.member._id,
    createdAt: ctx.clock.now(),
    fileID: input.fileID,
    branchId: input.branchId,
    status: 'previewed',
    total: plan.create.length + plan.update.length,
    done: 0,
    created: 0,
    updated: 0,
    unchanged: plan.unchanged,
    error: null,
    updatedAt: ctx.clock.now(),
  }
  await ctx.store.insert(COLLECTIONS.imports, doc)
  // The raw file may hold more than the roster keeps (身份证号 columns): it goes when the import ends, or in 7 days.
  await keepUntil(ctx, rawUpload(doc), ctx.clock.now() + RAW_UPLOAD_KEEP_MS)
  const branchName = new Map(orgs.map((org) => [org._id, org.name]))
  const updatedRows = new Set(plan.update.map((u) => u.row))
  return {
    importId,
    totals: preview.totals,
    plan: { create: plan.create.length, update: plan.update.length, unchanged: plan.unchanged },
    issues: preview.issues.slice(0, PREVIEW_ISSUE_LIMIT),
    issueCount: preview.issues.length,
    droppedColumns: preview.droppedColumns,
    ignoredColumns: preview.ignoredColumns,
    sample: preview.validRows.slice(0, PREVIEW_SAMPLE_LIMIT).map((row) => ({
      row: row.row,
      name: row.fields.name,
      branchName: branchName.get(row.fields.branchId) ?? '',
      action: row.matchMemberId === null ? 'create' : updatedRows.has(row.row) ? 'update' : 'unchanged',
    })),
  }
}

function statusOf(doc: ImportDoc, now: number): ImportStatus {
  const { _id, branchId, total, done, created, updated, unchanged, updatedAt } = doc
  const skipped = doc.skipped ?? 0
  const stalled = doc.status === 'running' && now - updatedAt > STALLED_AFTER_MS
  return {
    importId: _id,
    branchId,
    status: stalled ? 'failed' : doc.status,
    total,
    done,
    created,
    updated,
    unchanged,
    skipped,
    error: stalled ? '导入中断，请重新确认导入（已写入的不会重复）' : doc.error,
    updatedAt,
  }
}

async function loadImport({ caller, store }: HandlerContext, importId: string): Promise<ImportDoc> {
  const doc = await store.get(COLLECTIONS.imports, importId)
  if (!doc || doc.tenantId !== caller.member.tenantId || doc.createdBy !== caller.member._id) {
    throw new DomainError('ROSTER.NOT_FOUND', '未找到该导入记录')
  }
  return doc
}

export const importStatus: Handler<typeof api.roster.importStatus> = async (input, ctx) => {
  return statusOf(await loadImport(ctx, input.importId), ctx.clock.now())
}

export const latestImport: Handler<typeof api.roster.latestImport> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  // Only where the caller may import: the branch of another tenant or one they do not manage is refused.
  await importScope(ctx, input.branchId)
  const [latest] = await store.find(
    COLLECTIONS.imports,
    { tenantId: caller.member.tenantId, createdBy: caller.member._id, branchId: input.branchId },
    { orderBy: [['createdAt', 'desc']], limit: 1 },
  )
  return { latest: latest ? statusOf(latest, clock.now()) : null }
}

/**
 * 下载错误行: the rows still refused, with a 错误原因 column, to fix in Excel and import again. Read from the
 * upload, which an import that skipped rows keeps for its usual retention (RAW_UPLOAD_KEEP_MS) for this.
 */
export const importErrors: Handler<typeof api.roster.importErrors> = async (input, ctx) => {
  const doc = await loadImport(ctx, input.importId)
  const { preview, orgs, sheet } = await checkFile(ctx, doc.fileID, doc.branchId)
  const { headers, rows } = errorSheet(sheet, preview.headerRow ?? 1, preview.issues)
  const scope = doc.branchId ? (orgs.find((org) => org._id === doc.branchId)?.name ?? '本支部') : '全县'
  const fileName = `导入错误行-${scope}-${shanghaiStamp(ctx.clock.now())}.xlsx`
  const download = await exportXlsx(
    ctx,
    fileName,
    // Every column as text: phone numbers and dates come back exactly as the importer reads them.
    [{ name: '错误行', headers, rows, textColumns: headers.map((_, index) => index) }],
    { action: 'roster.importErrors', targetId: doc._id, summary: `下载导入错误行 ${rows.length} 行（${scope}）` },
  )
  return { ...download, count: rows.length }
}

const WRITE_BATCH = 25

/** 确认导入: re-checks the file, then writes it in batches, recording progress on the import. */
export const confirmRosterImport: Handler<typeof api.roster.confirmImport> = async (input, ctx) => {
  const { store } = ctx
  const doc = await loadImport(ctx, input.importId)
  const current = statusOf(doc, ctx.clock.now())
  // A failed or cut-off run may go again: ids derived from the file make the rewrite harmless.
  if (current.status !== 'previewed' && current.status !== 'failed') {
    throw new DomainError('ROSTER.IMPORT_ALREADY_CONFIRMED')
  }
  const { preview, plan } = await checkFile(ctx, doc.fileID, doc.branchId).catch(async (error: unknown) => {
    // A confirm running at the same time may have finished and deleted the upload: say that, not "file not found".
    if (error instanceof DomainError && error.code === 'ROSTER.FILE_NOT_FOUND') {
      const again = await loadImport(ctx, input.importId)
      if (again.status !== doc.status || again.updatedAt !== doc.updatedAt)
        throw new DomainError('ROSTER.IMPORT_ALREADY_CONFIRMED')
    }
    throw error
  })
  if (plan.stale.length > 0) throw new DomainError('ROSTER.IMPORT_STALE')
  // The good rows are written only when the secretary accepted, knowingly, what is written and what is skipped.
  const skip = preview.totals.invalidRows
  if (skip > 0 && !input.accept) throw new DomainError('ROSTER.IMPORT_HAS_ERRORS')
  if (input.accept && (input.accept.skip !== skip || input.accept.write !== plan.create.length + plan.update.length)) {
    throw new DomainError(
      'ROSTER.IMPORT_STALE',
      `文件或名册在预览后有变动（现在将写入 ${plan.create.length + plan.update.length} 行、跳过 ${skip} 行），请重新预览`,
    )
  }

  const total = plan.create.length + plan.update.length
  const claimed = await store.updateWhere(
    COLLECTIONS.imports,
    { _id: doc._id, status: doc.status, updatedAt: doc.updatedAt },
    {
      status: 'running',
      total,
      unchanged: plan.unchanged,
      skipped: skip,
      done: 0,
      created: 0,
      updated: 0,
      error: null,
      updatedAt: ctx.clock.now(),
    },
  )
  if (claimed === 0) throw new DomainError('ROSTER.IMPORT_ALREADY_CONFIRMED')

  const progress: ImportDoc = {
    ...doc,
    status: 'running',
    total,
    done: 0,
    created: 0,
    updated: 0,
    unchanged: plan.unchanged,
    skipped: skip,
    error: null,
  }
  try {
    await writePlan(ctx, plan, progress)
    await duesAfterImport(ctx, doc.branchId)
    Object.assign(progress, { status: 'done' })
    await store.update(COLLECTIONS.imports, doc._id, {
      status: 'done',
      done: progress.done,
      updatedAt: ctx.clock.now(),
    })
    // Rows were skipped: the upload stays (until its retention ends) for their error sheet (importErrors).
    if (skip === 0) await deleteNow(ctx, rawUpload(doc))
    await writeAudit(ctx, {
      action: 'roster.confirmImport',
      targetId: doc._id,
      summary: `导入党员名册：新增 ${progress.created} 人，更新 ${progress.updated} 人，未变 ${progress.unchanged} 人${skip ? `，跳过有错误的 ${skip} 行` : ''}`,
      before: null,
      after: { created: progress.created, updated: progress.updated, unchanged: progress.unchanged, skipped: skip },
    })
  } catch (error) {
    const message = error instanceof DomainError ? (error.userMessage ?? error.code) : '写入中断，请重新导入'
    Object.assign(progress, { status: 'failed', error: message })
    await store.update(COLLECTIONS.imports, doc._id, {
      status: 'failed',
      error: message,
      done: progress.done,
      updatedAt: ctx.clock.now(),
    })
    if (!(error instanceof DomainError)) console.error('[roster.confirmImport] write failed', error)
  }
  return statusOf(progress, ctx.clock.now())
}

/**
 * New members owe dues from the month they joined: the branch's stored figures
 * (what the bureau's 党费收缴率 reads) are rewritten now for a branch's import;
 * an import across the county asks the hourly duesRefresh timer instead.
 */
async function duesAfterImport(ctx: HandlerContext, branchId: string | null) {
  const tenantId = ctx.caller.member.tenantId
  const branch = branchId ? await ctx.store.get(COLLECTIONS.orgs, branchId) : null
  if (!branch) {
    await requestDuesRefresh(ctx.store, tenantId, ctx.clock.now())
    return
  }
  const schedule = await loadSchedule(ctx.store, tenantId)
  await rewriteBranch(ctx, branch, schedule, [Number(currentMonth(ctx).slice(0, 4))])
}

async function writePlan(ctx: HandlerContext, plan: ImportPlan, progress: ImportDoc): Promise<void> {
  const { caller, store, clock } = ctx
  const secret = await memberKeySecret(store, caller.member.tenantId)
  type Outcome = 'created' | 'updated' | 'unchanged'
  const writes: (() => Promise<Outcome>)[] = [
    ...plan.create.map(({ key, fields }) => async (): Promise<Outcome> => {
      // Random, found again by the row's once-only key when a cut-off run of the import goes again.
      const id = await memberIdForKey(ctx, memberKeyId(secret, progress._id, key))
      const member = await createMember(ctx, id, fields, `导入新增党员 ${fields.name}`)
      // null: written by an earlier, interrupted run of this import
      return member ? 'created' : 'unchanged'
    }),
    ...plan.update.map(({ id, changes }) => async (): Promise<Outcome> => {
      const before = await store.get(COLLECTIONS.members, id)
      const patch = {
        ...changes,
        updatedAt: clock.now(),
        ...(changes.name ? { nameKeys: searchKeys(changes.name) } : {}),
      }
      await store.update(COLLECTIONS.members, id, patch)
      await writeAudit(ctx, {
        action: 'roster.importMember',
        targetId: id,
        summary: `导入更新党员 ${before?.name ?? id}`,
        before,
        after: before ? { ...before, ...patch } : patch,
      })
      return 'updated'
    }),
  ]
  for (let i = 0; i < writes.length; i += WRITE_BATCH) {
    const outcomes = await Promise.all(writes.slice(i, i + WRITE_BATCH).map((write) => write()))
    for (const outcome of outcomes) progress[outcome]++
    progress.done += outcomes.length
    await store.update(COLLECTIONS.imports, progress._id, {
      done: progress.done,
      created: progress.created,
      updated: progress.updated,
      unchanged: progress.unchanged,
      updatedAt: clock.now(),
    })
  }
}
