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
