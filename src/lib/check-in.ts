import Taro from '@tarojs/taro'
import type { OutputOf } from '../../types/api'
import { ok, type Result } from '../../types/result'
import { call } from '../services/call'

/**
 * 扫码签到 (weapp): the camera reads the meeting's 小程序码 or its link and the
 * member is checked in with the scene in it. A scan the member cancels checks
 * nothing in (null).
 */
export async function scanAndCheckIn(): Promise<Result<OutputOf<'meetings', 'checkIn'> | null>> {
  const scan = await Taro.scanCode({ onlyFromCamera: true }).catch(() => null)
  if (!scan) return ok(null)
  const scene = scan.path ? decodeURIComponent(scan.path.split('scene=')[1] ?? '') : scan.result
  return call('meetings', 'checkIn', { scene, position: null })
}

/** Whether this build can scan a code: the weapp can, the H5 demo has no camera API. */
export const CAN_SCAN = process.env.TARO_ENV === 'weapp'
