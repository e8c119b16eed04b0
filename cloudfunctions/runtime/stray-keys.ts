/**
 * What an input carries beyond its contract, as zod issues: a key the parsed input does not have (zod
 * strips it silently), or a key that names a MongoDB operator (`$gt`, `$where`…) anywhere, even where the
 * contract takes a record of any keys. Either is refused, so a forged field never reaches a query or a
 * document, and a client learns at once that it sent what the server does not read.
 */
export interface StrayKey {
  code: 'unrecognized_keys'
  path: (string | number)[]
  message: string
}

const isPlain = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

export function strayKeys(raw: unknown, parsed: unknown, path: (string | number)[] = []): StrayKey[] {
  if (Array.isArray(raw)) {
    if (!Array.isArray(parsed)) return []
    return raw.flatMap((item, index) => strayKeys(item, parsed[index], [...path, index]))
  }
  if (!isPlain(raw)) return []
  const issues: StrayKey[] = []
  for (const key of Object.keys(raw)) {
    const at = [...path, key]
    if (key.startsWith('$')) issues.push({ code: 'unrecognized_keys', path: at, message: `不支持的字段：${key}` })
    else if (!isPlain(parsed) || !Object.hasOwn(parsed, key))
      issues.push({ code: 'unrecognized_keys', path: at, message: `不支持的字段：${key}` })
    else issues.push(...strayKeys(raw[key], parsed[key], at))
  }
  return issues
}
