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

/** The calendar periods an instant falls in, in Asia/Shanghai: '2026-03-31', '2026-03', '2026-Q1', '2026'. */
export function shanghaiPeriods(epochMs: number): { day: string; month: string; quarter: string; year: string } {
  const local = dayjs(epochMs).tz(ZONE)
  const year = local.format('YYYY')
  return {
    day: local.format('YYYY-MM-DD'),
    month: local.format('YYYY-MM'),
    quarter: `${year}-Q${Math.floor(local.month() / 3) + 1}`,
    year,
  }
}

/** The ISO-like week (Monday first) of a 'YYYY-MM-DD' day, as the Monday's date: weeks compare as strings. */
export function weekOf(day: string): string {
  const date = dayjs.tz(day, ZONE)
  const sinceMonday = (date.day() + 6) % 7
  return date.subtract(sinceMonday, 'day').format('YYYY-MM-DD')
}

/** The day `n` days after a 'YYYY-MM-DD' day (negative: before). */
export function addDays(day: string, n: number): string {
  return dayjs.tz(day, ZONE).add(n, 'day').format('YYYY-MM-DD')
}
