import type { TransferState } from '../../../../types/lifecycle'
import { ROSTER_MANAGERS, type Role } from '../../../../types/roles'

/** Who records letters, 回执, 报到 and 流动党员 (the server then checks the branch). */
export const canManageTransfers = (roles: readonly Role[]) =>
  roles.some((role) => (ROSTER_MANAGERS as readonly Role[]).includes(role))

/** The tag colour of a state: what waits is information, what ran out a warning, what is over plain. */
export function stateTone(state: TransferState): string {
  if (state === 'expired') return 'tag--warn'
  if (state === 'issued' || state === 'pending') return 'tag--info'
  if (state === 'cancelled') return 'tag--plain'
  return 'tag--ok'
}
