/**
 * Subscribe-message field limits (订阅消息参数值内容限制): a value too long is
 * refused by WeChat outright, so it is cut here, ending with '…' when cut.
 */
const LIMITS: Record<string, number> = {
  thing: 20,
  name: 10,
  phrase: 5,
  character_string: 32,
  number: 32,
  letter: 32,
  symbol: 5,
  time: 40,
  date: 40,
  amount: 32,
  phone_number: 17,
  car_number: 8,
}

export function limitOf(key: string): number {
  const kind = key.replace(/\d+$/, '')
  return LIMITS[kind] ?? 20
}

export function trimValue(value: string, max: number): string {
  const chars = Array.from(value.replace(/\s+/g, ' ').trim())
  if (chars.length <= max) return chars.join('')
  return `${chars.slice(0, max - 1).join('')}…`
}

/** `{thing1: '…'}` → `{thing1: {value: '…'}}` with every value cut to its field's limit. */
export function templateData(fields: Record<string, string>): Record<string, { value: string }> {
  return Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [key, { value: trimValue(value || '-', limitOf(key)) }]),
  )
}
