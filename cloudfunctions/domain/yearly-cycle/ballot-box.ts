import type { BallotDoc } from '../../../types/yearly-cycle'

/** A source of random bytes (crypto.randomBytes in a function; seeded in tests). */
export type RandomBytes = (size: number) => Uint8Array

const hex = (bytes: Uint8Array) => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')

/**
 * The empty slots of a ballot box, one per voter, created when the round
 * opens: random 24-hex ids, in the order they were drawn. A vote later fills
 * one slot in place, so neither the ids nor the collection's insertion order
 * follow the order people voted in (see the anonymity rule in
 * types/yearly-cycle.ts).
 */
export function emptySlots(tenantId: string, boxId: string, voters: number, random: RandomBytes): BallotDoc[] {
  return Array.from({ length: voters }, () => ({ _id: hex(random(12)), tenantId, boxId, marks: null }))
}

/** Which empty slot a vote fills: uniformly at random, never the first free one (that would follow the voting order). */
export function pickSlot(emptySlotIds: readonly string[], random: RandomBytes): string | null {
  if (emptySlotIds.length === 0) return null
  const [a, b, c, d] = random(4)
  const draw = ((a << 24) | (b << 16) | (c << 8) | d) >>> 0
  return emptySlotIds[draw % emptySlotIds.length]
}
