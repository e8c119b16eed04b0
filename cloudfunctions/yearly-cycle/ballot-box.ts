import { randomBytes } from 'node:crypto'
import type { ErrorCode } from '../../types/errors'
import type { BallotDoc } from '../../types/yearly-cycle'
import { BallotDoc as BallotSchema, BallotVoterDoc } from '../../types/yearly-cycle'
import { emptySlots, pickSlot } from '../domain/yearly-cycle/ballot-box'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import { DuplicateIdError, type Store } from '../runtime/store'
import { personalId } from './ids'

/**
 * The anonymous ballot box (docs/domains/yearly-cycle.md, "The anonymity
 * rule"): who voted (`ballot_voters`) and what was voted (`ballots`) are kept
 * apart, sharing nothing but the box. Used by the 民主测评 (box = round id) and
 * by members rating their secretary's 述职报告 (box = report:<id>).
 */

/** Opens a box: one empty slot per voter, random ids, written before anyone votes. */
export async function openBox(store: Store, tenantId: string, boxId: string, voters: number): Promise<void> {
  const slots = emptySlots(tenantId, boxId, voters, randomBytes)
  for (let i = 0; i < slots.length; i += 20) {
    await Promise.all(slots.slice(i, i + 20).map((slot) => store.insert(COLLECTIONS.ballots, BallotSchema.parse(slot))))
  }
}

/** Whether a member has voted in a box (the voter record exists; it says nothing of what). */
export async function hasVoted(store: Store, boxId: string, memberId: string): Promise<boolean> {
  return (await store.get(COLLECTIONS.ballotVoters, personalId(boxId, memberId))) !== null
}

class SlotTaken extends Error {}

const DRAWS = 3

/**
 * Casts one ballot: in one transaction, records that the member voted (its
 * id is box + member, so a second vote finds the first: `alreadyVoted`,
 * nothing written) and fills an empty slot drawn at random — never the first
 * free one, which would follow the order of voting. A slot another vote took
 * meanwhile makes a new draw. Marks never reach a log: a failure is reported
 * by its code alone.
 */
export async function castInto(
  store: Store,
  box: { tenantId: string; boxId: string },
  memberId: string,
  marks: NonNullable<BallotDoc['marks']>,
  alreadyVoted: ErrorCode,
): Promise<void> {
  const voter = BallotVoterDoc.parse({
    _id: personalId(box.boxId, memberId),
    tenantId: box.tenantId,
    boxId: box.boxId,
    memberId,
  })
  for (let draw = 0; draw < DRAWS; draw++) {
    const empty = await store.find(
      COLLECTIONS.ballots,
      { tenantId: box.tenantId, boxId: box.boxId, marks: null },
      { fields: { _id: true } },
    )
    const slotId = pickSlot(
      empty.map((slot) => slot._id),
      randomBytes,
    )
    if (!slotId) break
    try {
      await store.transaction(async (tx) => {
        if (await tx.get(COLLECTIONS.ballotVoters, voter._id)) throw new DomainError(alreadyVoted)
        const slot = await tx.get(COLLECTIONS.ballots, slotId)
        if (!slot || slot.marks !== null) throw new SlotTaken()
        await tx.insert(COLLECTIONS.ballotVoters, voter)
        await tx.update(COLLECTIONS.ballots, slotId, { marks: store.command.set(marks) })
      })
      return
    } catch (error) {
      if (error instanceof SlotTaken) continue
      if (error instanceof DuplicateIdError) throw new DomainError(alreadyVoted)
      if (error instanceof DomainError) throw error
      console.error('[yearly-cycle] a ballot could not be cast:', (error as { errCode?: unknown }).errCode ?? 'error')
      throw new DomainError('SYSTEM.INTERNAL')
    }
  }
  console.error('[yearly-cycle] no empty ballot slot could be filled in box', box.boxId)
  throw new DomainError('SYSTEM.INTERNAL')
}

/** The filled ballots' marks of a box (≤ 1,000 slots: a branch has ≤ 50 voters, a report ≤ 50 raters). */
export async function filledMarks(store: Store, tenantId: string, boxIds: readonly string[]) {
  if (boxIds.length === 0) return []
  const ballots = await store.findAll(
    COLLECTIONS.ballots,
    { tenantId, boxId: store.command.in([...boxIds]) },
    { fields: { _id: true, boxId: true, marks: true } },
  )
  return ballots.filter((ballot) => ballot.marks !== null)
}
