import { api } from '../../types/api'
import { createRouter } from '../runtime/router'
import { acceptApplicantInvitation, inviteApplicant, myDevelopmentFile } from './applicants'
import {
  attachMaterial,
  closeDevelopmentFile,
  createDevelopmentFile,
  updateDevelopmentPerson,
} from './development-files'
import { developmentDue, developmentFile, listDevelopment, pipeline } from './development-lists'
import { getDuesSchedule, recordDuesPayment, setDuesBase, setDuesReduction, updateDuesSchedule } from './dues-records'
import { branchDuesSheet, duesArrears, duesCollection, exportDuesSheet, memberDues, myDues } from './dues-views'
import { recordDevelopmentStep } from './record-step'
import { addReviewNote } from './review-notes'

/** 党员发展 (the membership lifecycle): the lifecycle function. */
export const main = createRouter(api.lifecycle, {
  createDevelopmentFile,
  updateDevelopmentPerson,
  recordDevelopmentStep,
  addReviewNote,
  attachMaterial,
  closeDevelopmentFile,
  developmentFile,
  listDevelopment,
  developmentDue,
  pipeline,
  inviteApplicant,
  acceptApplicantInvitation,
  myDevelopmentFile,
  // 党费
  getDuesSchedule,
  updateDuesSchedule,
  setDuesBase,
  setDuesReduction,
  recordDuesPayment,
  myDues,
  memberDues,
  branchDuesSheet,
  exportDuesSheet,
  duesArrears,
  duesCollection,
})
