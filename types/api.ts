import type { ActionContract, ActionInput, ActionOutput } from './action'
import { assessmentActions, engagementActions } from './assessment'
import { bureauActions } from './bureau'
import {
  developmentActions,
  developmentRegisterActions,
  duesActions,
  duesImportActions,
  transferActions,
} from './lifecycle'
import { meetingsActions } from './meetings'
import { orgActions } from './org'
import { pdfActions } from './pdf'
import { pointsActions } from './points'
import { rosterActions } from './roster'
import { rosterImportActions } from './roster-import'
import { sheetsActions } from './sheets'
import { studyActions } from './study'
import { yearlyCycleActions } from './yearly-cycle'

/** Every deployed cloud function and its actions: the single source of the API. */
export const api = {
  roster: { ...rosterActions, ...rosterImportActions, ...orgActions },
  study: studyActions,
  points: pointsActions,
  meetings: meetingsActions,
  bureau: bureauActions,
  lifecycle: {
    ...developmentActions,
    ...developmentRegisterActions,
    ...duesActions,
    ...duesImportActions,
    ...transferActions,
  },
  pdf: pdfActions,
  sheets: sheetsActions,
  assessment: { ...assessmentActions, ...engagementActions },
  'yearly-cycle': yearlyCycleActions,
} satisfies Record<string, Record<string, ActionContract>>

export type Api = typeof api
export type FunctionName = keyof Api
/** Every action of a function, the server-only ones included (what tests may try). */
export type AnyActionName<F extends FunctionName> = keyof Api[F] & string
type ActionsWhere<F extends FunctionName, Server extends boolean> = {
  [A in AnyActionName<F>]: (Api[F][A] extends { roles: 'server' } ? true : false) extends Server ? A : never
}[AnyActionName<F>]
/** The actions the mini-program may call: the server-only ones are not among them. */
export type ActionName<F extends FunctionName> = ActionsWhere<F, false>
/** The actions only another cloud function may call (cloud.callFunction). */
export type ServerActionName<F extends FunctionName> = ActionsWhere<F, true>
export type InputOf<F extends FunctionName, A extends AnyActionName<F>> = ActionInput<Api[F][A]>
export type OutputOf<F extends FunctionName, A extends AnyActionName<F>> = ActionOutput<Api[F][A]>

/** What travels to a function: `{action, data}`. */
export interface CallEnvelope {
  action: string
  data: unknown
}
