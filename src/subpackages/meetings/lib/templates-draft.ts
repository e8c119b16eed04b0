import { fail } from '../../../../types/result'
import {
  MAX_KEYWORDS,
  SUGGESTED_FIELDS,
  type SubscribeTemplates,
  TEMPLATE_USES,
  type TemplateEntry,
  type TemplateField,
  type TemplateUse,
  templateProblems,
} from '../../../../types/subscribe-templates'

/**
 * Every zod path of 会议规则 → 订阅消息 a refusal may name: each use's template
 * id, its keyword list and each keyword's two cells, so the server's issues
 * land beside the cell they are about (useSubmit's `fields`).
 */
export const TEMPLATE_PATHS: readonly string[] = TEMPLATE_USES.flatMap((use) => [
  `templates.${use}.templateId`,
  `templates.${use}.fields`,
  ...Array.from({ length: MAX_KEYWORDS }, (_, i) => [
    `templates.${use}.fields.${i}.keyword`,
    `templates.${use}.fields.${i}.value`,
  ]).flat(),
])

/** Problems of the whole table, keyed like the server's issues (`templates.<use>.fields.0.keyword`). */
export function tableProblems(templates: SubscribeTemplates): Record<string, string> {
  const found: Record<string, string> = {}
  for (const use of TEMPLATE_USES) {
    for (const problem of templateProblems(use, templates[use])) {
      found[['templates', use, ...problem.path].join('.')] ??= problem.message
    }
  }
  return found
}

/**
 * The table's own refusal before any call, in the shape the server would give
 * (INPUT.INVALID with zod-like issues), so the page shows both the same way.
 */
export function checkedTable(templates: SubscribeTemplates): ReturnType<typeof fail> | null {
  const problems = tableProblems(templates)
  const paths = Object.keys(problems)
  if (paths.length === 0) return null
  return fail(
    'INPUT.INVALID',
    '订阅消息模板有误，请按提示修改',
    paths.map((path) => ({
      path: path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
      message: problems[path],
    })),
  )
}

/** One use's entry edited: a keyword added, changed or taken out, or the suggested rows filled in. */
export const entryEdits = {
  add: (entry: TemplateEntry): TemplateEntry =>
    entry.fields.length >= MAX_KEYWORDS ? entry : { ...entry, fields: [...entry.fields, { keyword: '', value: '' }] },
  set: (entry: TemplateEntry, index: number, patch: Partial<TemplateField>): TemplateEntry => ({
    ...entry,
    fields: entry.fields.map((field, i) => (i === index ? { ...field, ...patch } : field)),
  }),
  remove: (entry: TemplateEntry, index: number): TemplateEntry => ({
    ...entry,
    fields: entry.fields.filter((_, i) => i !== index),
  }),
  suggest: (use: TemplateUse, entry: TemplateEntry): TemplateEntry => ({ ...entry, fields: SUGGESTED_FIELDS[use] }),
}
