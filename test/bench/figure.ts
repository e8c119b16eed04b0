/** One measured figure of `npm run bench`, with the budget the issue set for it. */
export interface Figure {
  name: string
  value: number
  unit: string
  budget?: { max?: number; min?: number }
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}
