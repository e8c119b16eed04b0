import type { DevelopmentFileDoc, DevelopmentFileView } from '../../types/lifecycle'
import type { OrgDoc } from '../../types/roster'
import { dueItems } from '../domain/lifecycle/development-due'
import { stateOf } from '../domain/lifecycle/development-state'
import { missingMaterials, nextSteps, reviewGaps, trainingShort } from '../domain/lifecycle/development-timeline'
import { shanghaiDate } from '../domain/time'
import type { Caller } from '../runtime/caller'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import type { Ports } from '../runtime/ports'
import type { Store } from '../runtime/store'
import { loadBranch, requireAccess } from '../shared/branch-access'
import { membersByIds } from '../shared/members'

/** Where a file's materials and 考察记录 photos are uploaded: the server keeps only files from here. */
export const materialsFolder = (file: Pick<DevelopmentFileDoc, 'tenantId' | '_id'>) =>
  `development/${file.tenantId}/${file._id}/`

/** A file of the caller's tenant, with its branch; refused unless the caller reads (or manages) that branch. */
export async function loadFile(store: Store, caller: Caller, fileId: string, needed: 'read' | 'manage') {
  const file = await store.get(COLLECTIONS.developmentFiles, fileId)
  if (!file || file.tenantId !== caller.member.tenantId) throw new DomainError('DEVELOPMENT.NOT_FOUND')
  const branch = await loadBranch(store, caller, file.branchId)
  const access = requireAccess(caller, branch, needed)
  return { file, branch, access }
}

/** The file as its pages show it: steps with who recorded them, and the timeline the rules compute for today. */
export async function fileView(
  { store, clock }: Pick<Ports, 'store' | 'clock'>,
  file: DevelopmentFileDoc,
  branch: Pick<OrgDoc, 'name'>,
  canManage: boolean,
): Promise<DevelopmentFileView> {
  const today = shanghaiDate(clock.now())
  const state = stateOf(file)
  const names = await membersByIds(store, [
    ...file.steps.map((step) => step.recordedBy),
    ...file.reviews.map((note) => note.byMemberId),
  ])
  const nameOf = (id: string) => names.get(id)?.name ?? ''
  return {
    id: file._id,
    branchId: file.branchId,
    branchName: branch.name,
    name: file.name,
    // The phone is for the secretary's own contact with the person; readers do not see it.
    phone: canManage ? file.phone : null,
    teachingRole: file.teachingRole,
    keyTeacher: file.keyTeacher,
    memberId: file.memberId,
    steps: file.steps.map(({ recordedBy, ...step }) => ({ ...step, recordedByName: nameOf(recordedBy) })),
    reviews: file.reviews.map((note) => ({ ...note, byName: nameOf(note.byMemberId) })),
    timeline: {
      stage: state.stage,
      done: [...state.done.keys()],
      next: nextSteps(file),
      missing: missingMaterials(file.steps),
      reviewGaps: reviewGaps(file, today),
      trainingShort: trainingShort(file),
      probationEndsOn: state.probationEndsOn,
      due: dueItems(file, today),
    },
    canManage,
  }
}

/**
 * Writes a changed file only if nobody changed it since it was read (its
 * `updatedAt` pins the version): of two secretaries recording at once, the
 * second is told the step is done rather than overwriting the first.
 */
export async function saveFile(
  store: Store,
  file: DevelopmentFileDoc,
  patch: Partial<Omit<DevelopmentFileDoc, '_id' | 'tenantId'>> & { updatedAt: number },
): Promise<DevelopmentFileDoc> {
  const changed = await store.updateWhere(
    COLLECTIONS.developmentFiles,
    { _id: file._id, updatedAt: file.updatedAt },
    patch,
  )
  if (changed === 0) throw new DomainError('DEVELOPMENT.STEP_DONE')
  return { ...file, ...patch }
}
