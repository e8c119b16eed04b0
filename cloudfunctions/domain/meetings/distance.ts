const EARTH_RADIUS_M = 6_371_000

interface Point {
  latitude: number
  longitude: number
}

/** Great-circle distance in metres (haversine): accurate to metres at the scale of a school. */
export function metresBetween(a: Point, b: Point): number {
  const rad = (deg: number) => (deg * Math.PI) / 180
  const dLat = rad(b.latitude - a.latitude)
  const dLon = rad(b.longitude - a.longitude)
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(h))
}

const inRange = (point: Point) =>
  Number.isFinite(point.latitude) &&
  Number.isFinite(point.longitude) &&
  Math.abs(point.latitude) <= 90 &&
  Math.abs(point.longitude) <= 180

/**
 * Whether a check-in position is near enough the meeting's place. Fails
 * closed: no position, coordinates that are not finite or out of range, or a
 * distance that is not a number (NaN compares false with everything) are
 * refused — only a measured distance within the radius passes.
 */
export function judgeDistance(
  place: Point & { radiusMeters: number },
  position: Point | null,
): { verdict: 'near' } | { verdict: 'no position' } | { verdict: 'too far'; metres: number | null } {
  if (!position) return { verdict: 'no position' }
  if (!inRange(position) || !inRange(place)) return { verdict: 'too far', metres: null }
  const metres = metresBetween(place, position)
  if (Number.isFinite(metres) && metres <= place.radiusMeters) return { verdict: 'near' }
  return { verdict: 'too far', metres: Number.isFinite(metres) ? metres : null }
}
