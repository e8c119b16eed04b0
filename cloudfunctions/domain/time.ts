import dayjs from 'dayjs'
import timezone from 'dayjs/plugin/timezone'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)
dayjs.extend(timezone)

/** The product's one time zone: dates are computed and shown as Asia/Shanghai sees them. */
export const ZONE = 'Asia/Shanghai'

/** 'YYYY-MM-DD' of an instant, in Asia/Shanghai. */
export function shanghaiDate(epochMs: number): string {
  return dayjs(epochMs).tz(ZONE).format('YYYY-MM-DD')
}

/** 'YYYYMMDD-HHmm' of an instant, in Asia/Shanghai, for file names. */
export function shanghaiStamp(epochMs: number): string {
  return dayjs(epochMs).tz(ZONE).format('YYYYMMDD-HHmm')
}

/**
 * dayjs's zone conversion costs ~70 µs a call (Intl formatting); the bureau's
 * matrix asks the same few questions thousands of times. Answers are kept in
 * a small map, emptied when full.
 */
function remembered<K, V>(compute: (key: K) => V, limit = 4096): (key: K) => V {
  const known = new Map<K, V>()
  return (key) => {
    const hit = known.get(key)
    if (hit !== undefined) return hit
    if (known.size >= limit) known.clear()
    const value = compute(key)
    known.set(key, value)
    return value
  }
}

type Periods = { day: string; month: string; quarter: string; half: string; year: string }
const HOUR_MS = 3_600_000

// Asia/Shanghai's offset is whole hours, so every instant of one UTC hour shares its periods.
const periodsOfHour = remembered((hour: number): Periods => Object.freeze(periodsAt(hour * HOUR_MS)))

/** The calendar periods an instant falls in, in Asia/Shanghai: '2026-03-31', '2026-03', '2026-Q1', '2026-H1', '2026'. */
export function shanghaiPeriods(epochMs: number): Periods {
  return periodsOfHour(Math.floor(epochMs / HOUR_MS))
}

function periodsAt(epochMs: number): Periods {
  const local = dayjs(epochMs).tz(ZONE)
  const year = local.format('YYYY')
  return {
    day: local.format('YYYY-MM-DD'),
    month: local.format('YYYY-MM'),
    quarter: `${year}-Q${Math.floor(local.month() / 3) + 1}`,
    half: `${year}-H${local.month() < 6 ? 1 : 2}`,
    year,
  }
}

/** The ISO-like week (Monday first) of a 'YYYY-MM-DD' day, as the Monday's date: weeks compare as strings. */
export function weekOf(day: string): string {
  const date = dayjs.tz(day, ZONE)
  const sinceMonday = (date.day() + 6) % 7
  return date.subtract(sinceMonday, 'day').format('YYYY-MM-DD')
}

// Calendar days and months are plain dates: their arithmetic runs on UTC dates, so it never depends on
// the host's time zone or its daylight-saving shifts (dayjs.tz adding months misplaces days there).
const calendarDay = (date: Date) => date.toISOString().slice(0, 10)
const parts = (day: string) => day.split('-').map(Number)

/** The day `n` days after a 'YYYY-MM-DD' day (negative: before). */
export function addDays(day: string, n: number): string {
  const [year, month, date] = parts(day)
  return calendarDay(new Date(Date.UTC(year, month - 1, date + n)))
}

/** A calendar granularity: months, quarters, half-years (上半年/下半年) and years. */
export type Granularity = 'month' | 'quarter' | 'half' | 'year'

/** The period key of an instant at a granularity: '2026-04', '2026-Q2', '2026-H1' or '2026' (Asia/Shanghai). */
export function periodKeyOf(epochMs: number, granularity: Granularity): string {
  return shanghaiPeriods(epochMs)[granularity]
}

/**
 * The granularity a period key is written in; 'term' for a school term (学期),
 * keyed by its first and last day: '2026-09-01~2027-01-20'.
 */
export function granularityOf(period: string): Granularity | 'term' {
  if (period.includes('~')) return 'term'
  if (period.includes('Q')) return 'quarter'
  if (period.includes('H')) return 'half'
  return period.length === 4 ? 'year' : 'month'
}

/** The key of a school term from its first and last day ('YYYY-MM-DD'). */
export const termKey = (term: { start: string; end: string }) => `${term.start}~${term.end}`

/** [start, end) of a period key as epoch ms, the boundaries falling at Asia/Shanghai midnight. */
export const periodBounds = remembered((period: string) => Object.freeze(boundsOf(period)))

const MONTHS_IN: Record<Granularity, number> = { month: 1, quarter: 3, half: 6, year: 12 }

function boundsOf(period: string): { start: number; end: number } {
  const granularity = granularityOf(period)
  if (granularity === 'term') {
    const [first, last] = period.split('~')
    return { start: dayjs.tz(first, ZONE).valueOf(), end: dayjs.tz(last, ZONE).add(1, 'day').valueOf() }
  }
  const year = Number(period.slice(0, 4))
  const part = Number(period.slice(6))
  const firstMonth = {
    year: 0,
    half: (part - 1) * 6,
    quarter: (part - 1) * 3,
    month: Number(period.slice(5, 7)) - 1,
  }[granularity]
  const start = dayjs.tz(`${year}-${String(firstMonth + 1).padStart(2, '0')}-01`, ZONE)
  return { start: start.valueOf(), end: start.add(MONTHS_IN[granularity], 'month').valueOf() }
}

/** The same local wall-clock time `n` months later (the 15th stays the 15th; the 31st falls back to the month's end). */
export function addMonthsLocal(epochMs: number, n: number): number {
  return dayjs(epochMs).tz(ZONE).add(n, 'month').valueOf()
}

/** '4月15日 14:30' for messages. */
export function shanghaiShort(epochMs: number): string {
  return dayjs(epochMs).tz(ZONE).format('M月D日 HH:mm')
}

/** '2026年04月15日 14:30', the subscribe-message `time` field format. */
export function shanghaiMinute(epochMs: number): string {
  return dayjs(epochMs).tz(ZONE).format('YYYY年MM月DD日 HH:mm')
}

/**
 * The same calendar day `n` months after a 'YYYY-MM-DD' day; a day the target
 * month lacks falls back to its last day (2024-02-29 + 12 months = 2025-02-28),
 * as 预备期 and 培养期 anniversaries are counted.
 */
export function addMonthsToDay(day: string, n: number): string {
  const [year, month, date] = parts(day)
  const lastOfTarget = new Date(Date.UTC(year, month - 1 + n + 1, 0)).getUTCDate()
  return calendarDay(new Date(Date.UTC(year, month - 1 + n, Math.min(date, lastOfTarget))))
}

/** Whole calendar days from one 'YYYY-MM-DD' day to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

/** The month key ('2026-04') `n` months after a month key (negative: before). */
export function addMonthsToMonth(month: string, n: number): string {
  const total = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`
}
