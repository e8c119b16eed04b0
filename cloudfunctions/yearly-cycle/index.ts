import { api } from '../../types/api'
import { withTimers } from '../runtime/entry'
import { createRouter } from '../runtime/router'
import {
  appraisalParticipation,
  appraisalRound,
  getAppraisalPolicy,
  openAppraisal,
  setAppraisalPolicy,
} from './appraisal'
import { appraisalTally, decideAppraisal } from './appraisal-results'
import { castBallot, myAppraisal, submitSelfReview } from './appraisal-vote'
import { cycleDaily } from './daily'
import { exportReportRound, exportYearOverview } from './exports'
import {
  closeOpinions,
  linkOrgLifeMeeting,
  openOrgLife,
  orgLifeProgress,
  publishOrgLifeTheme,
  submitOrgLifeReport,
} from './org-life'
import { listOpinions, myOrgLife, submitOpinion, submitSelfExamination } from './org-life-members'
import { addRectification, closeRectification, listRectifications } from './rectifications'
import { remindTalks, remindVoters, remindYearItem } from './remind'
import { getSecretaryReport, rateSecretaryReport, reportRoundResults } from './report-ratings'
import { closeReportRound, myReport, openReportRound, submitSecretaryReport } from './reports'
import { listTalks, recordTalk, talkCoverage, talkPartners } from './talks'
import { yearOverview } from './year'

const router = createRouter(api['yearly-cycle'], {
  recordTalk,
  listTalks,
  talkPartners,
  talkCoverage,
  remindTalks,
  publishOrgLifeTheme,
  openOrgLife,
  submitOpinion,
  closeOpinions,
  listOpinions,
  submitSelfExamination,
  linkOrgLifeMeeting,
  addRectification,
  closeRectification,
  submitOrgLifeReport,
  orgLifeProgress,
  myOrgLife,
  listRectifications,
  getAppraisalPolicy,
  setAppraisalPolicy,
  openAppraisal,
  submitSelfReview,
  castBallot,
  myAppraisal,
  appraisalRound,
  remindVoters,
  appraisalParticipation,
  appraisalTally,
  decideAppraisal,
  openReportRound,
  submitSecretaryReport,
  rateSecretaryReport,
  reportRoundResults,
  closeReportRound,
  myReport,
  getSecretaryReport,
  exportReportRound,
  yearOverview,
  remindYearItem,
  exportYearOverview,
})

/**
 * 年度工作: 谈心谈话, 组织生活会, 民主评议党员 and 书记述职, and the bureau's view
 * of the year; 'cycleDaily' each morning sends the reminders that fall due
 * and refreshes the year digests roster changes made stale.
 */
export const main = withTimers(router, { cycleDaily })
