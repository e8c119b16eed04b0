/**
 * A document with one id replaced by another wherever it appears: as a whole string value, inside a
 * composite id or key (`evt:meeting.present:mt_x:<member>`, `t:m:<member>:2026`), in arrays and nested
 * objects. The old ids this renames (`m_` + 16 hex) never occur by chance inside another value.
 */
export function renameId<T>(value: T, from: string, to: string): T {
  if (typeof value === 'string') return (value.includes(from) ? value.split(from).join(to) : value) as T
  if (Array.isArray(value)) return value.map((item) => renameId(item, from, to)) as T
  if (typeof value !== 'object' || value === null) return value
  return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, renameId(field, from, to)])) as T
}
