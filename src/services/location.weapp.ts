import Taro from '@tarojs/taro'
import type { Coordinates } from '../../types/meetings'
import { fail, ok, type Result } from '../../types/result'
import type { PickedPlace } from './location'

const denied = (error: unknown) =>
  /auth|deny|denied|permission/i.test(String((error as { errMsg?: string })?.errMsg ?? error))

/**
 * wx.getLocation in gcj02, the coordinates wx.chooseLocation gives a place in,
 * so a member's position and the meeting's place compare in one datum. Needs
 * requiredPrivateInfos and scope.userLocation in app.json (src/app.config.ts).
 */
export async function currentPosition(): Promise<Result<Coordinates>> {
  try {
    const { latitude, longitude } = await Taro.getLocation({ type: 'gcj02' })
    return ok({ latitude, longitude })
  } catch (error) {
    return fail(denied(error) ? 'LOCATION.DENIED' : 'LOCATION.UNAVAILABLE')
  }
}

export async function pickPlace(): Promise<Result<PickedPlace> | null> {
  try {
    const place = await Taro.chooseLocation({})
    return ok({ name: place.name || place.address || null, latitude: place.latitude, longitude: place.longitude })
  } catch (error) {
    if (/cancel/i.test(String((error as { errMsg?: string })?.errMsg ?? ''))) return null
    return fail(denied(error) ? 'LOCATION.DENIED' : 'LOCATION.UNAVAILABLE')
  }
}

export const PICK_PLACE_LABEL = '在地图上选择签到地点'
