import type { api } from '../../types/api'
import type { DevelopmentFileDoc } from '../../types/lifecycle'
import type { Role } from '../../types/roles'
import { branchAccess } from '../domain/access/branch-access'
import { stateOf } from '../domain/lifecycle/development-state'
import { shanghaiDate } from '../domain/time'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import type { Handler } from '../runtime/router'
import { writeAudit } from '../shared/audit'
import { loadBranch } from '../shared/branch-access'
import { requireOwnUploads } from './development-files'
import { fileView, loadFile, saveFile } from './file-view'

/** Who besides a 培养联系人 writes 考察记录: the branch's committee and its managers. */
const REVIEWERS: readonly Role[] = ['branch_committee', 'branch_secretary', 'general_branch_secretary', 'bureau_staff']

/** The 培养联系人 of the file now (the latest assignment). */
function contactsOf(file: DevelopmentFileDoc): readonly string[] {
  const assigned = stateOf(file).done.get('contacts_assigned')?.details
  return assigned?.step === 'contacts_assigned' ? assigned.memberIds : []
}

/** 考察记录 during training (积极分子、发展对象) or probation (预备党员); the request id adds it once. */
export const addReviewNote: Handler<typeof api.lifecycle.addReviewNote> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  // A 培养联系人 may note on the file they are named on, whichever branch they read; others through the branch.
  const found = await store.get(COLLECTIONS.developmentFiles, input.fileId)
  const isContact =
    found !== null && found.tenantId === caller.member.tenantId && contactsOf(found).includes(caller.member._id)
  if (!isContact && !caller.roles.some((role) => REVIEWERS.includes(role))) throw new DomainError('AUTH.FORBIDDEN')
  const { file, branch } = isContact
    ? { file: found, branch: await loadBranch(store, caller, found.branchId) }
    : await loadFile(store, caller, input.fileId, 'read')
  const canManage = branchAccess(caller.member, branch) === 'manage'
  const state = stateOf(file)
  if (!['activist', 'candidate', 'probationary'].includes(state.stage)) {
    throw new DomainError(
      file.closed || state.stage !== 'applicant' ? 'DEVELOPMENT.CLOSED' : 'DEVELOPMENT.STEP_OUT_OF_ORDER',
    )
  }
  if (file.reviews.some((note) => note.id === input.requestId)) return fileView(ctx, file, branch, canManage)
  const now = clock.now()
  if (input.on > shanghaiDate(now)) throw new DomainError('DATE.IN_FUTURE')
  requireOwnUploads(file, input.fileIds)
  const note = {
    id: input.requestId,
    on: input.on,
    byMemberId: caller.member._id,
    text: input.text,
    fileIds: input.fileIds,
  }
  const saved = await saveFile(store, file, { reviews: [...file.reviews, note], updatedAt: now })
  await writeAudit(ctx, {
    action: 'lifecycle.addReviewNote',
    targetId: file._id,
    summary: `为 ${file.name} 添加考察记录（${input.on}）`,
    before: null,
    after: { on: input.on },
  })
  return fileView(ctx, saved, branch, canManage)
}
