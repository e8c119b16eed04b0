import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

/** China Standard Time has no daylight saving, so a fixed offset is Asia/Shanghai without Intl time zones. */
const SHANGHAI_OFFSET_MINUTES = 8 * 60

/** 2026年11月30日 20:00 */
export function shanghaiDateTime(epochMs: number): string {
  return dayjs(epochMs).utcOffset(SHANGHAI_OFFSET_MINUTES).format('YYYY年M月D日 HH:mm')
}

/** 2026-11-30 12:00 */
export function shanghaiShortDateTime(epochMs: number): string {
  return dayjs(epochMs).utcOffset(SHANGHAI_OFFSET_MINUTES).format('YYYY-MM-DD HH:mm')
}
