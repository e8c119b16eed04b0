import { api } from '../../types/api'
import { createRouter } from '../runtime/router'
import { auditLog } from './audit-log'
import { addMember, updateMember } from './edit-member'
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
import { branchDirectory, tree } from './tree'

/** 组织与党员名册: the roster cloud function. */
export const main = createRouter(api.roster, {
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
