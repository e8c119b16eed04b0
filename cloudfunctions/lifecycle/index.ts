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
import { endFloating, listFloating, recordFloating } from './floating'
import { recordDevelopmentStep } from './record-step'
import { addReviewNote } from './review-notes'
import { cancelTransfer, completeTransfer, issueTransferLetter, registerIncomingTransfer } from './transfer-letters'
import { listTransfers } from './transfer-lists'

/** 党员的进、转 (the membership lifecycle): 发展党员, 组织关系转接 and 流动党员. */
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
  issueTransferLetter,
  registerIncomingTransfer,
  completeTransfer,
  cancelTransfer,
  listTransfers,
  recordFloating,
  endFloating,
  listFloating,
})
