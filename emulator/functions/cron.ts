// WeChat/Tencent SCF timer triggers use a 7-field cron: second minute hour day-of-month month weekday year.
// Supports `*`, numbers, `a-b`, `a,b`, `*/n`, `a-b/n`, month/weekday names. Weekday 0 or 7 = Sunday.
// As in classic cron, when both day-of-month and weekday are restricted a day matches either one.

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC']
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT']

interface Field {
  any: boolean
  values: Set<number>
}

function parseField(text: string, min: number, max: number, names: string[] = [], nameBase = 0): Field {
  const values = new Set<number>()
  const num = (s: string): number => {
    const idx = names.indexOf(s.toUpperCase())
    const n = idx >= 0 ? idx + nameBase : Number(s)
    if (!Number.isInteger(n)) throw new Error(`bad cron value ${s}`)
    return n
  }
  for (const part of text.split(',')) {
    const [range = '*', stepText] = part.split('/')
    const step = stepText ? Number(stepText) : 1
    let lo = min
    let hi = max
    if (range !== '*' && range !== '?') {
      const [a = '', b] = range.split('-')
      lo = num(a)
      hi = b !== undefined ? num(b) : stepText ? max : lo
    }
    for (let v = lo; v <= hi; v += step) values.add(v)
  }
  return { any: text === '*' || text === '?', values }
}

export interface CronSpec {
  matches(date: Date): boolean
}

export function parseCron(expr: string): CronSpec {
  const f = expr.trim().split(/\s+/)
  if (f.length < 6 || f.length > 7) throw new Error(`cron needs 7 fields (s m h dom mon dow year): ${expr}`)
  const [s = '*', m = '*', h = '*', dom = '*', mon = '*', dow = '*', year = '*'] = f
  const sec = parseField(s, 0, 59)
  const min = parseField(m, 0, 59)
  const hour = parseField(h, 0, 23)
  const day = parseField(dom, 1, 31)
  const month = parseField(mon, 1, 12, MONTHS, 1)
  const weekday = parseField(dow, 0, 7, DAYS, 0)
  if (weekday.values.has(7)) weekday.values.add(0)
  const yr = parseField(year, 1970, 2199)
  return {
    matches(d: Date): boolean {
      const dayOk =
        day.any || weekday.any
          ? day.values.has(d.getDate()) && weekday.values.has(d.getDay())
          : day.values.has(d.getDate()) || weekday.values.has(d.getDay())
      return (
        sec.values.has(d.getSeconds()) &&
        min.values.has(d.getMinutes()) &&
        hour.values.has(d.getHours()) &&
        month.values.has(d.getMonth() + 1) &&
        yr.values.has(d.getFullYear()) &&
        dayOk
      )
    },
  }
}
