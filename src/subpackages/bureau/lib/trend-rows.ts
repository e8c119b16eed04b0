/** One value of a trend: a series (三会一课完成率…) in a period ('2026-11'). */
export interface TrendRow {
  period: string
  series: string
  value: number
}

/** One record as drawn: `segment` groups the lines (solid, or dashed into the open period), `kind` the points. */
export interface DrawnRow extends TrendRow {
  segment: 'done' | 'open'
  kind: 'done' | 'open'
}

/**
 * The rows as drawn: every finished period solid; the open one hollow, joined
 * to the last finished value of its series by a dashed segment (which repeats
 * that value, drawn as the same filled point).
 */
export function drawnRows(rows: readonly TrendRow[], partialPeriod: string | null): DrawnRow[] {
  const done = rows
    .filter((row) => row.period !== partialPeriod)
    .map((row) => ({ ...row, segment: 'done' as const, kind: 'done' as const }))
  const open = rows.filter((row) => row.period === partialPeriod)
  const bridges = open.flatMap((row) => {
    const before = done.filter((d) => d.series === row.series)
    const last = before[before.length - 1]
    return last ? [{ ...last, segment: 'open' as const }] : []
  })
  return [...done, ...bridges, ...open.map((row) => ({ ...row, segment: 'open' as const, kind: 'open' as const }))]
}
