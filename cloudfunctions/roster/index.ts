import { rosterActions } from '../../types/roster'
import { createRouter } from '../runtime/router'
import { me } from './me'

/** 组织与党员名册: the roster cloud function. */
export const main = createRouter(rosterActions, { me })
