import { api } from '../../types/api'
import { withTimers } from '../runtime/entry'
import { createRouter } from '../runtime/router'
import { sweepExpiredFiles } from '../shared/retention'
import { auditLog } from './audit-log'
import { addMember, updateMember } from './edit-member'
import { erasePersonalData } from './erase-member'
import { exportRoster, importTemplate } from './export-roster'
import { getMember } from './get-member'
import { confirmRosterImport, importStatus, latestImport, previewRosterImport } from './import-roster'
import {
  acceptInvitation,
  createInvitation,
  inspectInvitation,
  invitationQrCode,
  memberInvitations,
  revokeInvitation,
} from './invitations'
import { listMembers } from './list-members'
import { me } from './me'
import { deactivateMember, transferMember } from './move-member'
import { setPreferences } from './preferences'
import { repairPrivacy } from './repair-privacy'
import { branchDirectory, tree } from './tree'
import { unbindMember } from './unbind-member'

/** The timer stops taking files after this and the next hour goes on; the function's timeout is 60 s. */
const RETENTION_BUDGET_MS = 45_000

const router = createRouter(api.roster, {
  me,
  setPreferences,
  tree,
  branchDirectory,
  listMembers,
  getMember,
  addMember,
  updateMember,
  deactivateMember,
  transferMember,
  unbindMember,
  erasePersonalData,
  repairPrivacy,
  createInvitation,
  memberInvitations,
  invitationQrCode,
  revokeInvitation,
  inspectInvitation,
  acceptInvitation,
  auditLog,
  importTemplate,
  previewImport: previewRosterImport,
  confirmImport: confirmRosterImport,
  importStatus,
  latestImport,
  exportRoster,
})

/** 组织与党员名册: the roster cloud function; its hourly 'retention' timer deletes stored files that are due. */
export const main = withTimers(router, {
  retention: (ports) => sweepExpiredFiles(ports, Date.now() + RETENTION_BUDGET_MS),
})
