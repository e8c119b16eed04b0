const SHANGHAI_OFFSET = 8 * 3_600_000 // Asia/Shanghai keeps no daylight saving time

export type PeriodKind = 'year' | 'quarter' | 'month'

/** The period key the server takes ('2026', '2026-Q2', '2026-05') for an instant in Asia/Shanghai. */
export function periodKey(now: number, kind: PeriodKind): string {
  const d = new Date(now + SHANGHAI_OFFSET)
  const year = d.getUTCFullYear()
  if (kind === 'year') return String(year)
  if (kind === 'quarter') return `${year}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`
  return `${year}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`
}

/** '2026年第二季度', '2026年5月', '2026年度'. */
export function periodName(key: string): string {
  const [year, part] = key.split('-')
  if (!part) return `${year}年度`
  if (part.startsWith('Q')) return `${year}年第${'一二三四'[Number(part.slice(1)) - 1]}季度`
  return `${year}年${Number(part)}月`
}
