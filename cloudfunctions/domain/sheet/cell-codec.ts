/**
 * Cells cross from the sheets function to its callers as JSON, which has no
 * dates: a spreadsheet date (a Date from the reader, also inside a formula's
 * cached result) travels as {"$date": epoch ms} and comes back a Date, so
 * the import rules see exactly what the reader saw.
 */
type Encoded = { $date: number }

const isEncoded = (value: unknown): value is Encoded =>
  typeof value === 'object' &&
  value !== null &&
  Object.keys(value).length === 1 &&
  typeof (value as { $date?: unknown }).$date === 'number'

function mapDeep(value: unknown, leaf: (value: unknown) => unknown | undefined): unknown {
  const replaced = leaf(value)
  if (replaced !== undefined) return replaced
  if (Array.isArray(value)) return value.map((item) => mapDeep(item, leaf))
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapDeep(item, leaf)]))
  }
  return value
}

export function encodeCells(rows: readonly (readonly unknown[])[]): unknown[][] {
  return rows.map((row) =>
    row.map((cell) => mapDeep(cell, (value) => (value instanceof Date ? { $date: value.getTime() } : undefined))),
  )
}

export function decodeCells(rows: readonly (readonly unknown[])[]): unknown[][] {
  return rows.map((row) =>
    row.map((cell) => mapDeep(cell, (value) => (isEncoded(value) ? new Date(value.$date) : undefined))),
  )
}
