import type { api } from '../../types/api'
import type { Preferences } from '../../types/roster'
import { COLLECTIONS } from '../runtime/collections'
import type { Handler } from '../runtime/router'

/**
 * 我的 → 关怀模式: the caller's own settings, on their member document so they
 * follow the member to another phone. The caller is the only member written:
 * the input names no one. Not audited — it is how the app looks, not roster data.
 */
export const setPreferences: Handler<typeof api.roster.setPreferences> = async (input, { caller, store }) => {
  const preferences: Preferences = { careMode: input.careMode }
  await store.update(COLLECTIONS.members, caller.member._id, { preferences })
  return preferences
}
