import { api } from '../../types/api'
import { createRouter } from '../runtime/router'
import { exportResults, publishRound, roundResults, scoreSelfAssessment } from './review'
import { branchScore, getRound, openRound, saveSelfAssessment, submitBranch } from './round'
import { exportScheme, getScheme, offeredSourcesAction, previewSchemeImport, saveScheme } from './scheme'

/** 五星支部 / 双创 assessment: the bureau's indicator scheme and the yearly round (score, submit, review, publish). */
export const main = createRouter(api.assessment, {
  offeredSources: offeredSourcesAction,
  getScheme,
  saveScheme,
  previewSchemeImport,
  exportScheme,
  openRound,
  getRound,
  branchScore,
  saveSelfAssessment,
  submitBranch,
  scoreSelfAssessment,
  publishRound,
  roundResults,
  exportResults,
})
