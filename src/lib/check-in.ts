import Taro from '@tarojs/taro'
import type { OutputOf } from '../../types/api'
import { ok, type Result } from '../../types/result'
import { call } from '../services/call'
import { currentPosition } from '../services/location'

export type CheckInResult = OutputOf<'meetings', 'checkIn'>
type Proof = { scene: string } | { meetingId: string; shortCode: string }

/**
 * 签到: with the phone's position when the meeting checks location (or when
 * the server answers that it does — a scanned code does not say), so one tap
 * is enough. A member who refuses location gets the platform's clear message
 * (LOCATION.DENIED) and can still be marked by hand.
 */
export async function checkInWith(proof: Proof, needsLocation: boolean): Promise<Result<CheckInResult>> {
  const withPosition = async () => {
    const position = await currentPosition()
    return position.ok ? call('meetings', 'checkIn', { ...proof, position: position.data }) : position
  }
  if (needsLocation) return withPosition()
  const first = await call('meetings', 'checkIn', { ...proof, position: null })
  return !first.ok && first.error.code === 'MEETING.LOCATION_REQUIRED' ? withPosition() : first
}

/** The 小程序码's scene from a scan: a 小程序码 opens with `path` (…?scene=), a plain QR with its text. */
export function sceneOfScan(scan: { path?: string; result?: string }): string {
  return scan.path ? decodeURIComponent(scan.path.split('scene=')[1] ?? '') : (scan.result ?? '')
}

/**
 * 扫码签到 (weapp): the camera reads the secretary's code and the member is
 * checked in with the scene in it; a scan the member cancels checks nothing in
 * (null).
 */
export async function scanAndCheckIn(needsLocation = false): Promise<Result<CheckInResult | null>> {
  const scan = await Taro.scanCode({ onlyFromCamera: true }).catch(() => null)
  if (!scan) return ok(null)
  return checkInWith({ scene: sceneOfScan(scan) }, needsLocation)
}

/** Whether this build can scan a code: the weapp can; on H5 members type the short code. */
export const CAN_SCAN = process.env.TARO_ENV === 'weapp'
