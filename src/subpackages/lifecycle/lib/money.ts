/** Money is integer 分 (fen) on the wire; people read and type 元. */
export const yuan = (fen: number) => (fen / 100).toFixed(2)

/**
 * 元 as typed ('4500', '4,500.5', '0.2') to 分, or null when it is not an
 * amount with at most two decimals. Parsed from the text, not through a float
 * multiply, so 4500.10 is 450010 分 exactly.
 */
export function fenOf(text: string): number | null {
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text.trim().replace(/[,，]/g, ''))
  if (!match) return null
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
}

/** A collection rate (0.889) as people read it (88.9%); '—' when nothing was owed. */
export const percent = (rate: number | null) => (rate === null ? '—' : `${((rate * 1000) / 10).toFixed(1)}%`)
