import { api } from '../../types/api'
import { createRouter } from '../runtime/router'
import { createPair, listPairs, recordPairVisit } from './pairs'
import { designatePost, endDesignation, listDesignations, recordDeed } from './posts'
import { exportResults, publishRound, roundResults, scoreSelfAssessment } from './review'
import { branchScore, getRound, openRound, saveSelfAssessment, submitBranch } from './round'
import { exportScheme, getScheme, offeredSourcesAction, previewSchemeImport, saveScheme } from './scheme'
import {
  getVolunteerActivity,
  listVolunteerActivities,
  myVolunteerHours,
  publishVolunteerActivity,
  recordVolunteerHours,
  signUpVolunteer,
  volunteerCheckIn,
  volunteerCheckInCode,
} from './volunteer'

/**
 * 五星支部 / 双创 assessment: the bureau's indicator scheme and the yearly round (score, submit, review, publish);
 * and what feeds its own indicators — 党员示范岗 / 先锋岗 / 责任区, 志愿服务 and 结对帮扶.
 */
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
  designatePost,
  endDesignation,
  listDesignations,
  recordDeed,
  publishVolunteerActivity,
  listVolunteerActivities,
  getVolunteerActivity,
  signUpVolunteer,
  volunteerCheckInCode,
  volunteerCheckIn,
  recordVolunteerHours,
  myVolunteerHours,
  createPair,
  recordPairVisit,
  listPairs,
})
