import type { Coordinates } from '../../types/meetings'
import { fail, ok, type Result } from '../../types/result'
import type { PickedPlace } from './location'

/** The browser's geolocation (WGS84): the H5 build is a demo, whose places are picked the same way. */
export function currentPosition(): Promise<Result<Coordinates>> {
  return new Promise((resolve) => {
    if (typeof navigator === 'undefined' || !navigator.geolocation) return resolve(fail('LOCATION.UNAVAILABLE'))
    navigator.geolocation.getCurrentPosition(
      (position) => resolve(ok({ latitude: position.coords.latitude, longitude: position.coords.longitude })),
      (error) => resolve(fail(error.code === error.PERMISSION_DENIED ? 'LOCATION.DENIED' : 'LOCATION.UNAVAILABLE')),
      // A fresh fix each time: a position cached before walking in must not decide a check-in.
      { enableHighAccuracy: true, timeout: 10_000, maximumAge: 0 },
    )
  })
}

export async function pickPlace(): Promise<Result<PickedPlace> | null> {
  const position = await currentPosition()
  return position.ok ? ok({ ...position.data, name: null }) : position
}

export const PICK_PLACE_LABEL = '使用当前位置作为签到地点'
