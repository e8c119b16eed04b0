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
import { recordDevelopmentStep } from './record-step'
import { exportDevelopmentRegister } from './register-export'
import { addReviewNote } from './review-notes'

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
  exportDevelopmentRegister,
})

/** 党员发展 (the membership lifecycle): the lifecycle function; 'dueScan' each morning reminds secretaries of steps falling due. */
export const main = withTimers(router, { dueScan })
