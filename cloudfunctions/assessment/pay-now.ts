import type { Functions } from '../runtime/functions'
import { inParallel } from '../runtime/in-parallel'

/**
 * Asks the points function to pay recorded events now (points.settleEvent), so
 * the member sees the points at once. The points function pays an event once
 * whoever asks first; a failed call is left to its minute timer.
 */
export async function payEventsNow(functions: Functions, eventIds: readonly string[], reason: string): Promise<void> {
  await inParallel([...eventIds], 4, async (eventId) => {
    try {
      await functions.call('points', 'settleEvent', { eventId, reason })
    } catch (error) {
      console.error('[assessment] paying an event now failed; the points timer pays it', eventId, error)
    }
  })
}
