import { api } from '../../types/api'
import type { AssessmentEntryDoc, AssessmentRoundDoc, Scheme, SourceKey } from '../../types/assessment'
import type { SelfEntry } from '../domain/assessment/self-score'
import { offeredSources } from '../domain/assessment/sources'
import type { Caller } from '../runtime/caller'
import { COLLECTIONS, type Collection, type Doc } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import { DuplicateIdError, type Store } from '../runtime/store'
import { YEAR_DATA_SOURCES } from '../shared/branch-year'

export const schemeId = (tenantId: string, year: number) => `${tenantId}:${year}`
export const roundIdOf = (tenantId: string, year: number) => `${tenantId}_${year}`
export const branchKey = (roundId: string, branchId: string) => `${roundId}:${branchId}`
export const entryId = (roundId: string, branchId: string, key: string) => `${roundId}:${branchId}:${key}`

/** Where a branch's evidence is uploaded from the page: the caller's own folder, so nobody attaches another's file. */
export const evidenceFolder = (caller: Caller) => `assessment/${caller.member.tenantId}/${caller.member._id}/`

/**
 * The sources a scheme may use: those of the domains deployed (registered in
 * the API) whose year the shared reader fills. The yearly cycle's sources and
 * 发展党员按期办理 join when their readers do.
 */
export function offered(): SourceKey[] {
  return offeredSources(new Set(Object.keys(api))).filter((source) => YEAR_DATA_SOURCES.includes(source))
}

export async function loadScheme(store: Store, tenantId: string, year: number): Promise<Scheme | null> {
  const doc = await store.get(COLLECTIONS.assessmentSchemes, schemeId(tenantId, year))
  if (!doc) return null
  const { _id, tenantId: _t, savedBy, savedAt, ...scheme } = doc
  return scheme
}

/** The round by id within the caller's tenant, with its scheme (a round opens only once a scheme exists). */
export async function loadRound(store: Store, caller: Caller, roundId: string) {
  const round = await store.get(COLLECTIONS.assessmentRounds, roundId)
  if (!round || round.tenantId !== caller.member.tenantId) throw new DomainError('ASSESSMENT.ROUND_NOT_FOUND')
  const scheme = await loadScheme(store, round.tenantId, round.year)
  if (!scheme) throw new DomainError('ASSESSMENT.NO_SCHEME')
  return { round, scheme }
}

export function requireOpen(round: AssessmentRoundDoc) {
  if (round.status === 'published') throw new DomainError('ASSESSMENT.PUBLISHED')
}

export function selfIndicator(scheme: Scheme, key: string) {
  const indicator = scheme.areas.flatMap((area) => area.indicators).find((item) => item.key === key)
  if (indicator?.kind !== 'self') throw new DomainError('ASSESSMENT.NOT_SELF_ASSESSED')
  return indicator
}

/** A round's entries of some branches, by branch then indicator key. */
export async function entriesByBranch(
  store: Store,
  tenantId: string,
  roundId: string,
  branchId: string | null,
): Promise<Map<string, Map<string, AssessmentEntryDoc>>> {
  const entries = await store.findAll(COLLECTIONS.assessmentEntries, {
    tenantId,
    roundId,
    ...(branchId ? { branchId } : {}),
  })
  const byBranch = new Map<string, Map<string, AssessmentEntryDoc>>()
  for (const entry of entries) {
    const map = byBranch.get(entry.branchId) ?? new Map<string, AssessmentEntryDoc>()
    map.set(entry.indicatorKey, entry)
    byBranch.set(entry.branchId, map)
  }
  return byBranch
}

export const asSelfEntries = (entries: ReadonlyMap<string, AssessmentEntryDoc> | undefined) =>
  (entries ?? new Map<string, AssessmentEntryDoc>()) as ReadonlyMap<string, SelfEntry>

/**
 * Inserts a document whose `_id` is the client's request id (or a natural key): false when it is there
 * already — a retry, or a race with the first call — so the caller answers the same document.
 */
export async function insertOnce<T extends Doc>(store: Store, collection: Collection<T>, doc: T): Promise<boolean> {
  try {
    await store.insert(collection, doc)
    return true
  } catch (error) {
    if (error instanceof DuplicateIdError) return false
    throw error
  }
}
