/**
 * The app's one clock face: every instant is shown, and every calendar period
 * computed, as Asia/Shanghai sees it — whatever zone the phone is set to (a
 * member abroad still reads 北京时间, as the meeting notice meant it).
 *
 * dayjs with the utc plugin at a fixed +08:00, not the timezone plugin: that
 * plugin asks Intl.DateTimeFormat for the zone's offset, and WeChat's Android
 * JS engine answers it wrongly (dayjs issue #2635, ".tz('Asia/Shanghai') does
 * not work on android wechat miniprogram"). Asia/Shanghai has kept UTC+8 with
 * no daylight saving since 1991, so the fixed offset is exact for every date
 * this app shows; test/unit/time.test.ts holds it against Intl's zone data.
 */
import dayjs, { type Dayjs } from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

const SHANGHAI_OFFSET_MS = 8 * 3_600_000

/**
 * An instant's Shanghai wall clock, held as a UTC dayjs moved by +8 h: nothing
 * then reads the phone's zone (dayjs's own utcOffset() still mixes in the local
 * offset across a daylight-saving change of the phone's zone).
 */
export const shanghai = (epochMs: number): Dayjs => dayjs.utc(epochMs + SHANGHAI_OFFSET_MS)

/** '5月12日 15:00': lists, cards and 心得 times. */
export const monthDayTime = (epochMs: number) => shanghai(epochMs).format('M月D日 HH:mm')

/** '2026年5月12日 15:00', as a 记录本 or an invitation's expiry writes it. */
export const fullDateTime = (epochMs: number) => shanghai(epochMs).format('YYYY年M月D日 HH:mm')

/** '2026-05-12 15:00': dense tables (操作日志). */
export const shortDateTime = (epochMs: number) => shanghai(epochMs).format('YYYY-MM-DD HH:mm')

/** '09:58': a check-in's time on the roll. */
export const clockTime = (epochMs: number) => shanghai(epochMs).format('HH:mm')

/** 'YYYY-MM-DD' of the day an instant falls on, `plusDays` later: default dates of forms, date pickers' limits. */
export const dateKey = (epochMs: number, plusDays = 0) => shanghai(epochMs).add(plusDays, 'day').format('YYYY-MM-DD')

/** The calendar year of an instant. */
export const yearOf = (epochMs: number) => shanghai(epochMs).year()

/** The hour (0–23) of an instant, for 早上好 / 下午好. */
export const hourOf = (epochMs: number) => shanghai(epochMs).hour()

/** The instant a Shanghai wall-clock date and time name ('2026-05-12', '15:00'); NaN when either is malformed. */
export function instantOf(date: string, time: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{1,2}:\d{2}$/.test(time)) return Number.NaN
  const [hours, minutes] = time.split(':').map(Number)
  const wall = dayjs.utc(date).add(hours, 'hour').add(minutes, 'minute')
  return wall.isValid() ? wall.valueOf() - SHANGHAI_OFFSET_MS : Number.NaN
}

export type PeriodKind = 'year' | 'quarter' | 'month'

/** The period key the server takes ('2026', '2026-Q2', '2026-05') for an instant, `offset` periods later. */
export function periodKey(epochMs: number, kind: PeriodKind, offset = 0): string {
  const local = shanghai(epochMs)
  if (kind === 'year') return String(local.year() + offset)
  if (kind === 'month') return local.add(offset, 'month').format('YYYY-MM')
  const moved = local.add(offset * 3, 'month')
  return `${moved.year()}-Q${Math.floor(moved.month() / 3) + 1}`
}

const QUARTERS = '一二三四'

/** '2026年第二季度', '2026年5月', '2026年度', '2026年上半年', a term by its dates: a period as a heading names it. */
export function periodName(key: string): string {
  if (key.includes('~')) return periodLabel(key)
  const [year, part] = key.split('-')
  if (!part) return `${year}年度`
  if (part.startsWith('Q')) return `${year}年第${QUARTERS[Number(part.slice(1)) - 1]}季度`
  if (part.startsWith('H')) return `${year}年${part === 'H1' ? '上' : '下'}半年`
  return `${year}年${Number(part)}月`
}

/**
 * '5月', '二季度', '上半年', '2026年', a term ('2026-09-01~2027-01-20') by its
 * dates: a period where space is short (matrix columns, chart axes).
 */
export function periodLabel(key: string): string {
  if (key.includes('~')) return `${key.slice(5, 10)}至${key.slice(16)}学期`
  const [year, part] = key.split('-')
  if (!part) return `${year}年`
  if (part.startsWith('Q')) return `${QUARTERS[Number(part.slice(1)) - 1]}季度`
  if (part.startsWith('H')) return part === 'H1' ? '上半年' : '下半年'
  return `${Number(part)}月`
}
