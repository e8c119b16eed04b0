import type { ActionContract, ActionInput, ActionOutput } from './action'
import { bureauActions } from './bureau'
import { meetingsActions } from './meetings'
import { pointsActions } from './points'
import { rosterActions } from './roster'
import { rosterImportActions } from './roster-import'
import { studyActions } from './study'

/** Every deployed cloud function and its actions: the single source of the API. */
export const api = {
  roster: { ...rosterActions, ...rosterImportActions },
  study: studyActions,
  points: pointsActions,
  meetings: meetingsActions,
  bureau: bureauActions,
} satisfies Record<string, Record<string, ActionContract>>

export type Api = typeof api
export type FunctionName = keyof Api
export type ActionName<F extends FunctionName> = keyof Api[F] & string
export type InputOf<F extends FunctionName, A extends ActionName<F>> = ActionInput<Api[F][A]>
export type OutputOf<F extends FunctionName, A extends ActionName<F>> = ActionOutput<Api[F][A]>

/** What travels to a function: `{action, data}`. */
export interface CallEnvelope {
  action: string
  data: unknown
}
