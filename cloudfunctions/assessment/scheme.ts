import type { api } from '../../types/api'
import { schemeFromRows, schemeRows } from '../domain/assessment/scheme-sheet'
import { SOURCE_DEFINITIONS, unavailableIndicators } from '../domain/assessment/sources'
import { cellText } from '../domain/sheet/cells'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import type { Handler } from '../runtime/router'
import { writeAudit } from '../shared/audit'
import { exportXlsx } from '../shared/exports'
import { readImportUploadOnce } from '../shared/uploaded-sheet'
import { loadScheme, offered, roundIdOf, schemeId } from './store'

/** The figures a computed indicator may use now; a source whose domain is not here is not listed. */
export const offeredSourcesAction: Handler<typeof api.assessment.offeredSources> = async () => ({
  sources: offered().map((source) => ({
    source,
    name: SOURCE_DEFINITIONS[source].name,
    unit: SOURCE_DEFINITIONS[source].unit,
  })),
})

export const getScheme: Handler<typeof api.assessment.getScheme> = async (input, { caller, store }) => ({
  scheme: await loadScheme(store, caller.member.tenantId, input.year),
})

/** 考核细则: saved whole (the editor and the import both send the full scheme); frozen once the round is published. */
export const saveScheme: Handler<typeof api.assessment.saveScheme> = async (scheme, ctx) => {
  const { caller, store, clock } = ctx
  const tenantId = caller.member.tenantId
  const missing = unavailableIndicators(scheme, offered())
  if (missing.length > 0) throw new DomainError('ASSESSMENT.SOURCE_UNAVAILABLE', undefined, { indicators: missing })
  const round = await store.get(COLLECTIONS.assessmentRounds, roundIdOf(tenantId, scheme.year))
  if (round?.status === 'published') throw new DomainError('ASSESSMENT.PUBLISHED')
  const id = schemeId(tenantId, scheme.year)
  const before = await store.get(COLLECTIONS.assessmentSchemes, id)
  const doc = { ...scheme, _id: id, tenantId, savedBy: caller.member._id, savedAt: clock.now() }
  if (before)
    await store.update(COLLECTIONS.assessmentSchemes, id, { ...scheme, savedBy: doc.savedBy, savedAt: doc.savedAt })
  else await store.insert(COLLECTIONS.assessmentSchemes, doc)
  await writeAudit(ctx, {
    action: 'assessment.saveScheme',
    targetId: id,
    summary: `保存${scheme.year}年度考核细则「${scheme.name}」`,
    before,
    after: doc,
  })
  const maxScore = scheme.areas.flatMap((area) => area.indicators).reduce((sum, item) => sum + item.maxScore * 10, 0)
  return { scheme, maxScore: Math.round(maxScore) / 10 }
}

/** Reads an uploaded catalogue and answers it with its problems by row; the page saves it with saveScheme. */
export const previewSchemeImport: Handler<typeof api.assessment.previewSchemeImport> = async (input, ctx) => {
  // The upload is read once and deleted (raw uploads are not kept); the page saves what the preview answered.
  const { rows } = await readImportUploadOnce(ctx, input.fileID)
  if (rows.length < 2) throw new DomainError('ROSTER.IMPORT_NO_ROWS')
  // A cell the reader cannot use (a formula nobody calculated) reads as blank, and its row then names the problem.
  const text = rows.map((row) =>
    row.map((cell) => {
      const read = cellText(cell)
      return read.ok ? read.value : ''
    }),
  )
  const reading = schemeFromRows(text, { year: input.year, name: `${input.year}年度五星支部创建考核细则` }, offered())
  if (!reading.headers) throw new DomainError('ASSESSMENT.IMPORT_HEADERS')
  return { scheme: reading.scheme, problems: reading.problems }
}

/** The scheme as .xlsx in the import's columns: edit and import back. */
export const exportScheme: Handler<typeof api.assessment.exportScheme> = async (input, ctx) => {
  const scheme = await loadScheme(ctx.store, ctx.caller.member.tenantId, input.year)
  if (!scheme) throw new DomainError('ASSESSMENT.NO_SCHEME')
  const [headers, ...rows] = schemeRows(scheme)
  return exportXlsx(ctx, `${input.year}年度考核细则.xlsx`, [{ name: '考核细则', headers, rows }], {
    action: 'assessment.exportScheme',
    targetId: schemeId(ctx.caller.member.tenantId, input.year),
    summary: `导出${input.year}年度考核细则`,
  })
}
