import type { api } from '../../types/api'
import type { ConversionDoc, PointsRule, ScoreImportDoc, ScoreImportResult } from '../../types/points'
import { RAW_UPLOAD_KEEP_MS } from '../../types/retention'
import { type ConvertedRow, findScoreColumns, readScoreRows } from '../domain/points/score-import'
import { shanghaiPeriods } from '../domain/time'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import { isInFolder } from '../runtime/files'
import { newId } from '../runtime/new-id'
import type { Handler, HandlerContext } from '../runtime/router'
import { writeAudit } from '../shared/audit'
import { loadBranch, requireAccess } from '../shared/branch-access'
import { deleteNow, keepUntil } from '../shared/retention'
import { readUploadedSheet } from '../shared/uploaded-sheet'
import { findRule, loadCatalogue } from './catalogue'
import { claimFolder } from './claims'
import { recordAward } from './ledger'

const PREVIEW_ROWS = 300
const rawUpload = (doc: ScoreImportDoc) => ({
  fileID: doc.fileID,
  tenantId: doc.tenantId,
  kind: 'import-upload' as const,
})
const SELF_IMPORT = '不能为自己导入积分，请由支部其他管理人员或教育局党委导入'
const WRITE_BATCH = 20

const conversionId = (tenantId: string, ruleKey: string) => `${tenantId}:${ruleKey}`

function activeRule(rules: PointsRule[], key: string): PointsRule {
  const rule = rules.find((r) => r.key === key)
  if (!rule?.active) throw new DomainError('POINTS.RULE_NOT_FOUND')
  return rule
}

/** 设置折算比例 (bureau staff): which rule pays outside scores, and how many points per score unit. */
export const setScoreConversion: Handler<typeof api.points.setScoreConversion> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const tenantId = caller.member.tenantId
  const rule = activeRule((await loadCatalogue(store, tenantId)).rules, input.ruleKey)
  const before = await store.get(COLLECTIONS.pointsConversions, conversionId(tenantId, input.ruleKey))
  const doc: ConversionDoc = {
    _id: conversionId(tenantId, input.ruleKey),
    tenantId,
    ...input,
    updatedAt: clock.now(),
    updatedBy: caller.member._id,
  }
  await store.remove(COLLECTIONS.pointsConversions, doc._id)
  await store.insert(COLLECTIONS.pointsConversions, doc)
  await writeAudit(ctx, {
    action: 'points.setScoreConversion',
    targetId: rule.key,
    summary: `设置外部积分折算：${input.source}每1分折${input.factor}分计入“${rule.name}”`,
    before: before ? { source: before.source, factor: before.factor } : null,
    after: { source: input.source, factor: input.factor },
  })
  return { ...input, ruleName: rule.name }
}

export const scoreConversions: Handler<typeof api.points.scoreConversions> = async (_input, { caller, store }) => {
  const tenantId = caller.member.tenantId
  const [docs, catalogue] = await Promise.all([
    store.findAll(COLLECTIONS.pointsConversions, { tenantId }),
    loadCatalogue(store, tenantId),
  ])
  return {
    items: docs.flatMap((doc) => {
      const rule = findRule(catalogue, doc.ruleKey)
      return rule?.active
        ? [{ ruleKey: doc.ruleKey, source: doc.source, factor: doc.factor, ruleName: rule.name, caps: rule.caps }]
        : []
    }),
  }
}

/**
 * The ledger key of one member's outside scores for a rule and month: whatever file they come in (the same
 * file again, or one a byte different), a member is paid once for that rule and month.
 */
function scoreKey(tenantId: string, ruleKey: string, period: string, memberId: string): string {
  return `import:${tenantId}:${ruleKey}:${period}:${memberId}`
}

interface ImportTarget {
  fileID: string
  branchId: string
  ruleKey: string
  period: string
}

/** Reads the file and checks every row against the branch roster and the ledger, as at preview so at confirm. */
async function checkFile(ctx: HandlerContext, input: ImportTarget) {
  const { caller, store, functions, clock } = ctx
  const tenantId = caller.member.tenantId
  const branch = await loadBranch(store, caller, input.branchId)
  requireAccess(caller, branch, 'manage')
  if (input.period > shanghaiPeriods(clock.now()).month)
    throw new DomainError('INPUT.INVALID', '不能导入尚未到来的月份的积分')
  const [catalogue, conversion] = await Promise.all([
    loadCatalogue(store, tenantId),
    store.get(COLLECTIONS.pointsConversions, conversionId(tenantId, input.ruleKey)),
  ])
  const rule = activeRule(catalogue.rules, input.ruleKey)
  // Importing pays as a hand award does: only a role the rule names may grant it.
  if (!rule.grantRoles.some((role) => caller.roles.includes(role))) throw new DomainError('POINTS.NOT_GRANTABLE')
  if (!conversion) throw new DomainError('POINTS.NO_CONVERSION')
  if (!isInFolder(input.fileID, claimFolder(tenantId, caller.member._id)))
    throw new DomainError('POINTS.FILE_NOT_YOURS')
  const { rows: sheet } = await readUploadedSheet(functions, input.fileID)
  const columns = findScoreColumns(sheet)
  if (!columns) throw new DomainError('POINTS.IMPORT_HEADERS')
  const members = await store.findAll(
    COLLECTIONS.members,
    { tenantId, branchId: branch._id, status: 'active' },
    { fields: { _id: true, name: true, phone: true, branchId: true } },
  )
  const rows = readScoreRows(
    sheet,
    columns,
    members.map((m) => ({ id: m._id, name: m.name, phone: m.phone })),
    conversion.factor * Math.sign(rule.points),
  )
  const keyOf = (row: ConvertedRow) => scoreKey(tenantId, rule.key, input.period, row.memberId as string)
  for (const row of rows) {
    if (row.memberId === caller.member._id && row.status !== 'error')
      Object.assign(row, { status: 'error', points: 0, message: SELF_IMPORT, memberId: null })
  }
  const payable = rows.filter((row) => row.status === 'pay')
  const paid = new Set<string>()
  for (let i = 0; i < payable.length; i += 100) {
    const keys = payable.slice(i, i + 100).map(keyOf)
    const found = await store.find(COLLECTIONS.pointsLedger, { _id: store.command.in(keys) }, { fields: { _id: true } })
    for (const entry of found) paid.add(entry._id)
  }
  for (const row of payable) {
    if (paid.has(keyOf(row))) Object.assign(row, { status: 'paid', message: `${input.period} 已导入过，不再重复计分` })
  }
  return { rule, conversion, rows, keyOf, members: new Map(members.map((m) => [m._id, m])) }
}

const ORDER = { error: 0, pay: 1, skip: 2, paid: 3 } as const

/** 导入预览: nothing enters the ledger; the import is remembered so it can be confirmed. */
export const previewScoreImport: Handler<typeof api.points.previewScoreImport> = async (input, ctx) => {
  const { rule, conversion, rows } = await checkFile(ctx, input)
  const importId = newId('pimp')
  const doc: ScoreImportDoc = {
    _id: importId,
    tenantId: ctx.caller.member.tenantId,
    createdBy: ctx.caller.member._id,
    createdAt: ctx.clock.now(),
    ...input,
    status: 'previewed',
    result: null,
  }
  await ctx.store.insert(COLLECTIONS.pointsImports, doc)
  // The raw file goes when the import is confirmed, or in 7 days if it never is.
  await keepUntil(ctx, rawUpload(doc), ctx.clock.now() + RAW_UPLOAD_KEEP_MS)
  const count = (status: ConvertedRow['status']) => rows.filter((row) => row.status === status).length
  return {
    importId,
    ruleName: rule.name,
    source: conversion.source,
    factor: conversion.factor,
    totals: {
      dataRows: rows.length,
      pay: count('pay'),
      paid: count('paid'),
      skip: count('skip'),
      error: count('error'),
      points: rows.filter((row) => row.status === 'pay').reduce((sum, row) => sum + row.points, 0),
    },
    rows: [...rows]
      .sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.row - b.row)
      .slice(0, PREVIEW_ROWS)
      .map(({ memberId: _member, ...row }) => row),
  }
}

/** 确认导入: pays every row that is still to pay, once per file and row; rows with errors are left out. */
export const confirmScoreImport: Handler<typeof api.points.confirmScoreImport> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const doc = await store.get(COLLECTIONS.pointsImports, input.importId)
  if (!doc || doc.tenantId !== caller.member.tenantId || doc.createdBy !== caller.member._id) {
    throw new DomainError('POINTS.IMPORT_NOT_FOUND')
  }
  if (doc.status === 'done' && doc.result) return doc.result
  const claimed = await store.updateWhere(
    COLLECTIONS.pointsImports,
    { _id: doc._id, status: 'previewed' },
    { status: 'running' },
  )
  if (claimed === 0) throw new DomainError('POINTS.IMPORT_DONE')
  const { rule, conversion, rows, keyOf, members } = await checkFile(ctx, doc)
  const result: ScoreImportResult = { importId: doc._id, paid: 0, alreadyPaid: 0, capped: 0, points: 0 }
  result.alreadyPaid = rows.filter((row) => row.status === 'paid').length
  const payable = rows.filter((row) => row.status === 'pay' && row.memberId)
  for (let i = 0; i < payable.length; i += WRITE_BATCH) {
    const outcomes = await Promise.all(
      payable.slice(i, i + WRITE_BATCH).map((row) => {
        const member = members.get(row.memberId as string)
        return recordAward(store, {
          key: keyOf(row),
          tenantId: caller.member.tenantId,
          member: { _id: row.memberId as string, branchId: member?.branchId ?? doc.branchId },
          rule,
          requested: row.points,
          reason: `${conversion.source}积分 ${row.score} 折算（第 ${row.row} 行）`,
          grantedBy: caller.member._id,
          grantedByName: caller.member.name,
          at: clock.now(),
          sourceEvent: `import:${doc._id}:${row.row}`,
          overCap: 'cut',
        })
      }),
    )
    for (const { entry, duplicate } of outcomes) {
      if (duplicate) {
        result.alreadyPaid++
        continue
      }
      result.paid++
      result.points += entry.points
      if (entry.capped) result.capped++
    }
  }
  await store.update(COLLECTIONS.pointsImports, doc._id, { status: 'done', result })
  await deleteNow(ctx, rawUpload(doc))
  return result
}
