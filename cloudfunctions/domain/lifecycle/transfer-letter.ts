import type { ErrorCode } from '../../../types/errors'
import type { TransferDoc, TransferState } from '../../../types/lifecycle'
import { addDays } from '../time'

type Letter = Pick<TransferDoc, 'direction' | 'status' | 'issuedOn' | 'validDays'>

/** The last day a 介绍信 is valid: the day of issue counts as the first (30 days from 1 June: through 30 June). */
export function letterExpiresOn(letter: Pick<Letter, 'issuedOn' | 'validDays'>): string {
  return addDays(letter.issuedOn, letter.validDays - 1)
}

/**
 * Where a transfer stands today. An open one is 待回执 (out) or 待报到 (in)
 * until its letter runs out, then 已过期 — read from the dates, never stored,
 * so no timer has to flip it. The member leaves (out) or joins (in) the
 * roster only when it is done.
 */
export function transferState(letter: Letter, today: string): TransferState {
  if (letter.status === 'cancelled') return 'cancelled'
  if (letter.status === 'done') return letter.direction === 'out' ? 'received' : 'arrived'
  if (today > letterExpiresOn(letter)) return 'expired'
  return letter.direction === 'out' ? 'issued' : 'pending'
}

/**
 * Why a transfer may not be completed on a day: it is done or cancelled; the
 * day is in the future or before the letter; or, coming in, the member
 * reports after the letter expired (a new letter is needed). A 回执 may come
 * back after the validity: the member reported in time, the paper was slow.
 */
export function completionRefusal(letter: Letter, on: string, today: string): ErrorCode | null {
  if (letter.status !== 'open') return 'TRANSFER.DONE'
  if (on > today) return 'DATE.IN_FUTURE'
  if (on < letter.issuedOn) return 'DATE.BEFORE_PREVIOUS'
  if (letter.direction === 'in' && on > letterExpiresOn(letter)) return 'TRANSFER.LETTER_EXPIRED'
  return null
}
