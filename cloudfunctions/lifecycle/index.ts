import { api } from '../../types/api'
import { withTimers } from '../runtime/entry'
import { createRouter } from '../runtime/router'
import { acceptApplicantInvitation, inviteApplicant, myDevelopmentFile } from './applicants'
import {
  attachMaterial,
  closeDevelopmentFile,
  createDevelopmentFile,
  updateDevelopmentPerson,
} from './development-files'
import { developmentDue, developmentFile, listDevelopment, pipeline } from './development-lists'
import { dueScan } from './due-scan'
import { confirmDuesBaseImport, previewDuesBaseImport } from './dues-import'
import { duesBaseTemplate } from './dues-import-template'
import { duesMonthly } from './dues-monthly'
import { getDuesSchedule, recordDuesPayment, setDuesBase, setDuesReduction, updateDuesSchedule } from './dues-records'
import { duesRefresh } from './dues-refresh'
import { branchDuesSheet, duesArrears, duesCollection, exportDuesSheet, memberDues, myDues } from './dues-views'
import { endFloating, listFloating, recordFloating } from './floating'
import { recordDevelopmentStep } from './record-step'
import { exportDevelopmentRegister } from './register-export'
import { addReviewNote } from './review-notes'
import { cancelTransfer, completeTransfer, issueTransferLetter, registerIncomingTransfer } from './transfer-letters'
import { listTransfers } from './transfer-lists'

const router = createRouter(api.lifecycle, {
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
  duesBaseTemplate,
  previewDuesBaseImport,
  confirmDuesBaseImport,
  issueTransferLetter,
  registerIncomingTransfer,
  completeTransfer,
  cancelTransfer,
  listTransfers,
  recordFloating,
  endFloating,
  listFloating,
  exportDevelopmentRegister,
})

/**
 * 党员的进、转 (the membership lifecycle): 发展党员, 党费, 组织关系转接 and 流动党员; the timer 'dueScan' reminds
 * secretaries each morning of 发展党员 steps falling due; 'duesMonthly' recomputes 党费 arrears on the 1st and
 * reminds secretaries (3 months) and the bureau (6); 'duesRefresh' (hourly) rewrites the bureau's stored figures
 * after a new 党费标准.
 */
export const main = withTimers(router, { dueScan, duesMonthly, duesRefresh })
