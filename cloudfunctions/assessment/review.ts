import type { api } from '../../types/api'
import type {
  AssessmentEntryDoc,
  AssessmentResultDoc,
  AssessmentRoundDoc,
  BranchScore,
  Scheme,
} from '../../types/assessment'
import { branchAccess } from '../domain/access/branch-access'
import { branchScore as scoreBranch } from '../domain/assessment/branch-score'
import { scoreSheet } from '../domain/assessment/score-sheet'
import { scoreSelf, selfScoreRefusal } from '../domain/assessment/self-score'
import { rankBy } from '../domain/ranking'
import type { Caller } from '../runtime/caller'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import type { Handler, HandlerContext } from '../runtime/router'
import type { Store } from '../runtime/store'
import { writeAudit } from '../shared/audit'
import { loadBranch } from '../shared/branch-access'
import { branchYears, type RankedBranch, tenantBranches } from '../shared/branch-year'
import { exportPdf, exportXlsx } from '../shared/exports'
import {
  asSelfEntries,
  branchKey,
  entriesByBranch,
  entryId,
  loadRound,
  requireOpen,
  roundIdOf,
  selfIndicator,
} from './store'

/**
 * 评分: bureau staff score a submitted self-assessment — never above its
 * maximum, with a comment whenever points are taken off (the branch reads it
 * as why), and never for the branch they belong to themselves.
 */
export const scoreSelfAssessment: Handler<typeof api.assessment.scoreSelfAssessment> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const { round, scheme } = await loadRound(store, caller, input.roundId)
  const branch = await loadBranch(store, caller, input.branchId)
  requireOpen(round)
  if (caller.member.branchId === branch._id) throw new DomainError('AUTH.FORBIDDEN', '不能为本人所在支部评分')
  const indicator = selfIndicator(scheme, input.indicatorKey)
  const submitted = await store.get(COLLECTIONS.assessmentSubmissions, branchKey(round._id, branch._id))
  const id = entryId(round._id, branch._id, indicator.key)
  const entry = await store.get(COLLECTIONS.assessmentEntries, id)
  if (!submitted || !entry) throw new DomainError('ASSESSMENT.NOT_SUBMITTED')
  const refusal = selfScoreRefusal(indicator, input.score, input.comment)
  if (refusal) throw new DomainError(refusal)
  const patch = {
    score: input.score,
    comment: input.comment,
    scoredBy: caller.member._id,
    scoredAt: clock.now(),
  }
  await store.update(COLLECTIONS.assessmentEntries, id, patch)
  await writeAudit(ctx, {
    action: 'assessment.scoreSelfAssessment',
    targetId: id,
    summary: `为${branch.name}「${indicator.name}」评分 ${input.score} 分`,
    before: entry,
    after: { ...entry, ...patch },
  })
  return scoreSelf(indicator, { ...entry, ...patch })
}

/**
 * Every branch's score in a round: the frozen results once published, else
 * provisional — the year's data for all branches in one batch of reads, the
 * round's entries in one read, and scoring in memory.
 */
export async function roundScores(
  store: Store,
  round: AssessmentRoundDoc,
  scheme: Scheme,
  branches: readonly RankedBranch[],
  now: number,
  reading: Promise<Map<string, Map<string, AssessmentEntryDoc>>>,
): Promise<Map<string, BranchScore>> {
  if (round.status === 'published') {
    const results = await store.findAll(COLLECTIONS.assessmentResults, { tenantId: round.tenantId, roundId: round._id })
    return new Map(results.map((result) => [result.branchId, result.score]))
  }
  const [data, entries] = await Promise.all([branchYears(store, round.tenantId, branches, round.year, now), reading])
  return new Map(
    branches.map((branch) => [
      branch._id,
      scoreBranch(scheme, data.get(branch._id) ?? {}, asSelfEntries(entries.get(branch._id))),
    ]),
  )
}

/**
 * 发布: freezes each branch's score (figures and school type as they are now)
 * so later data never changes a published result. Refused while a submitted
 * item is unscored; a branch that never submitted keeps 0 for its self items.
 */
export const publishRound: Handler<typeof api.assessment.publishRound> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const { round, scheme } = await loadRound(store, caller, input.roundId)
  requireOpen(round)
  const [branches, submissions, entries] = await Promise.all([
    tenantBranches(store, round.tenantId),
    store.findAll(COLLECTIONS.assessmentSubmissions, { tenantId: round.tenantId, roundId: round._id }),
    entriesByBranch(store, round.tenantId, round._id, null),
  ])
  const submitted = new Set(submissions.map((submission) => submission.branchId))
  const selfKeys = scheme.areas.flatMap((area) => area.indicators).filter((item) => item.kind === 'self')
  const unscored = [...submitted].filter((branchId) =>
    selfKeys.some((indicator) => entries.get(branchId)?.get(indicator.key)?.score === null),
  )
  if (unscored.length > 0) throw new DomainError('ASSESSMENT.UNSCORED', undefined, { branches: unscored })
  // Unsubmitted branches are published without their unscored drafts: a claim nobody reviewed earns nothing.
  const now = clock.now()
  const data = await branchYears(store, round.tenantId, branches, round.year, now)
  for (const branch of branches) {
    const own = submitted.has(branch._id) ? asSelfEntries(entries.get(branch._id)) : new Map()
    const result: AssessmentResultDoc = {
      _id: branchKey(round._id, branch._id),
      tenantId: round.tenantId,
      roundId: round._id,
      year: round.year,
      branchId: branch._id,
      schoolKind: branch.schoolKind,
      score: scoreBranch(scheme, data.get(branch._id) ?? {}, own),
      publishedAt: now,
    }
    // A publish cut off midway and run again rewrites the same documents.
    if (await store.get(COLLECTIONS.assessmentResults, result._id)) {
      const { _id, ...patch } = result
      await store.update(COLLECTIONS.assessmentResults, result._id, patch)
    } else await store.insert(COLLECTIONS.assessmentResults, result)
  }
  await store.update(COLLECTIONS.assessmentRounds, round._id, { status: 'published', publishedAt: now })
  await writeAudit(ctx, {
    action: 'assessment.publishRound',
    targetId: round._id,
    summary: `发布${round.year}年度支部考核结果（${branches.length} 个支部）`,
    before: round,
    after: { ...round, status: 'published', publishedAt: now },
  })
  return { branches: branches.length }
}

/** The branches the caller may see in the ranking: bureau staff all; a 总支书记 or instructor theirs, once published. */
function rankedBranches(caller: Caller, branches: readonly RankedBranch[], round: AssessmentRoundDoc) {
  if (caller.roles.includes('bureau_staff')) return [...branches]
  if (round.status !== 'published') return []
  return branches.filter((branch) => branchAccess(caller.member, branch) !== 'none')
}

async function rankedRows(ctx: HandlerContext, roundId: string, schoolKind: string | null) {
  const { caller, store, clock } = ctx
  const { round, scheme } = await loadRound(store, caller, roundId)
  const all = await tenantBranches(store, round.tenantId)
  const branches = rankedBranches(caller, all, round).filter(
    (branch) => !schoolKind || branch.schoolKind === schoolKind,
  )
  // The entries are read beside the year's data, not before it.
  const reading = entriesByBranch(store, round.tenantId, round._id, null)
  const [entries, scores, submissions, lastYear] = await Promise.all([
    reading,
    roundScores(store, round, scheme, branches, clock.now(), reading),
    store.findAll(COLLECTIONS.assessmentSubmissions, { tenantId: round.tenantId, roundId: round._id }),
    store.findAll(COLLECTIONS.assessmentResults, {
      tenantId: round.tenantId,
      roundId: roundIdOf(round.tenantId, round.year - 1),
    }),
  ])
  const submitted = new Set(submissions.map((submission) => submission.branchId))
  const selfKeys = scheme.areas
    .flatMap((area) => area.indicators)
    .filter((item) => item.kind === 'self')
    .map((item) => item.key)
  const last = new Map(lastYear.map((result) => [result.branchId, result.score.total]))
  const rows = branches.map((branch) => {
    const score = scores.get(branch._id)
    return {
      branchId: branch._id,
      name: branch.name,
      schoolKind: branch.schoolKind,
      total: score?.total ?? 0,
      stars: score?.stars ?? 0,
      lastYear: last.get(branch._id) ?? null,
      submitted: submitted.has(branch._id),
      // Entries of indicators no longer in the scheme (it was re-imported) are not the bureau's to score.
      toScore: submitted.has(branch._id)
        ? selfKeys.filter((key) => entries.get(branch._id)?.get(key)?.score === null).length
        : 0,
      score,
    }
  })
  return { round, scheme, rows: rankBy(rows, (row) => row.total) }
}

/** 考核排名: ranked by total (ties share a rank), by school type if chosen, last year's total beside. */
export const roundResults: Handler<typeof api.assessment.roundResults> = async (input, ctx) => {
  const { round, rows } = await rankedRows(ctx, input.roundId, input.schoolKind)
  const from = (input.page - 1) * input.pageSize
  return {
    items: rows.slice(from, from + input.pageSize).map(({ score, ...row }) => row),
    total: rows.length,
    page: input.page,
    published: round.status === 'published',
  }
}

/** 导出: every branch and indicator as .xlsx (provisional before publishing, and the sheet says so). */
export const exportResults: Handler<typeof api.assessment.exportResults> = async (input, ctx) => {
  const { round, scheme, rows } = await rankedRows(ctx, input.roundId, null)
  const indicators = scheme.areas.flatMap((area) => area.indicators)
  const state = round.status === 'published' ? '' : '（暂定）'
  if (input.branchId) {
    // One branch: its 考核得分表 as a PDF, printed by the pdf function.
    const row = rows.find((item) => item.branchId === input.branchId)
    if (!row?.score) throw new DomainError('ROSTER.NOT_FOUND', '未找到该支部')
    const sheet = scoreSheet(
      { year: round.year, branchName: row.name, published: round.status === 'published' },
      row.score,
    )
    return exportPdf(ctx, `${sheet.title}.pdf`, sheet, {
      action: 'assessment.exportResults',
      targetId: row.branchId,
      summary: `导出${sheet.title}`,
    })
  }
  const chosen = rows
  return exportXlsx(
    ctx,
    `${round.year}年度支部考核结果${state}.xlsx`,
    [
      {
        name: `考核结果${state}`,
        headers: [
          '排名',
          '支部',
          '总分',
          '星级',
          '上年总分',
          ...indicators.map((item) => `${item.name}（${item.maxScore}）`),
        ],
        rows: chosen.map((row) => {
          const scored = new Map(row.score?.areas.flatMap((area) => area.indicators).map((item) => [item.key, item]))
          return [
            row.rank,
            row.name,
            row.total,
            row.stars,
            row.lastYear,
            ...indicators.map((item) => scored.get(item.key)?.score ?? null),
          ]
        }),
      },
      {
        name: '失分原因',
        headers: ['支部', '指标', '得分', '满分', '失分原因'],
        rows: chosen.flatMap((row) =>
          (row.score?.areas.flatMap((area) => area.indicators) ?? [])
            .filter((item) => item.lost > 0)
            .map((item) => [row.name, item.name, item.score, item.maxScore, item.reason]),
        ),
      },
    ],
    {
      action: 'assessment.exportResults',
      targetId: round._id,
      summary: `导出${round.year}年度支部考核结果${state}`,
    },
  )
}
