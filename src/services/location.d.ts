// Taro resolves './location' to location.weapp.ts or location.h5.ts for the
// platform being built; this declaration is what the type checker sees.
import type { Coordinates } from '../../types/meetings'
import type { Result } from '../../types/result'

/** Where the phone is now: wx.getLocation (gcj02) on weapp, the browser's geolocation on H5. */
export declare function currentPosition(): Promise<Result<Coordinates>>

/** A meeting's place as picked for location check-in. */
export interface PickedPlace extends Coordinates {
  /** The place's name from the map (weapp), or null when only coordinates are known (H5). */
  name: string | null
}

/**
 * The secretary picks the meeting's place: on the map (wx.chooseLocation) on
 * weapp; on H5, where no map service is configured, the browser's current
 * position (standing at the venue). Null when cancelled.
 */
export declare function pickPlace(): Promise<Result<PickedPlace> | null>

/** What the place button says on this platform. */
export declare const PICK_PLACE_LABEL: string
