import { scanAndCheckIn } from '../lib/check-in'
import { ATTENDANCE_LABELS } from '../lib/meeting-labels'
import { useSubmit } from './use-submit'

/** 扫码签到 from a button: says how the member was recorded, then shows the meeting as it is now. */
export function useScanCheckIn(reload: () => void) {
  return useSubmit(() => scanAndCheckIn(), {
    toast: (done) => (done ? ATTENDANCE_LABELS[done.status] : ''),
    onDone: reload,
    onRefused: reload,
  })
}
