import type { api } from '../../types/api'
import type { DevelopmentFileDoc } from '../../types/lifecycle'
import { stateOf } from '../domain/lifecycle/development-state'
import { shanghaiDate } from '../domain/time'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import { isInFolder } from '../runtime/files'
import type { Handler } from '../runtime/router'
import { DuplicateIdError } from '../runtime/store'
import { writeAudit } from '../shared/audit'
import { loadBranch, requireAccess } from '../shared/branch-access'
import { fileView, loadFile, materialsFolder, saveFile } from './file-view'

/** Files uploaded for a file must lie in its folder: nobody attaches another person's documents. */
export function requireOwnUploads(file: Pick<DevelopmentFileDoc, 'tenantId' | '_id'>, fileIds: readonly string[]) {
  const folder = materialsFolder(file)
  if (fileIds.some((fileID) => !isInFolder(fileID, folder))) throw new DomainError('DEVELOPMENT.FILE_NOT_YOURS')
}

/** 建档: step 1 (递交入党申请书) with its day; the request id is the file's id, so a retry opens it once. */
export const createDevelopmentFile: Handler<typeof api.lifecycle.createDevelopmentFile> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const branch = await loadBranch(store, caller, input.branchId)
  requireAccess(caller, branch, 'manage')
  const existing = await store.get(COLLECTIONS.developmentFiles, input.requestId)
  if (existing && existing.tenantId === caller.member.tenantId && existing.createdBy === caller.member._id) {
    return fileView(ctx, existing, branch, true)
  }
  const now = clock.now()
  if (input.appliedOn > shanghaiDate(now)) throw new DomainError('DATE.IN_FUTURE')
  const file: DevelopmentFileDoc = {
    _id: input.requestId,
    tenantId: caller.member.tenantId,
    branchId: branch._id,
    name: input.name,
    phone: input.phone,
    teachingRole: input.teachingRole,
    keyTeacher: input.keyTeacher,
    stage: 'applicant',
    steps: [
      {
        step: 'application',
        on: input.appliedOn,
        details: { step: 'application' },
        note: '',
        materials: input.applicationLetter.length
          ? [{ material: 'application_letter', fileIds: input.applicationLetter }]
          : [],
        recordedBy: caller.member._id,
        recordedAt: now,
      },
    ],
    reviews: [],
    memberId: null,
    closed: null,
    createdBy: caller.member._id,
    createdAt: now,
    updatedAt: now,
  }
  requireOwnUploads(file, input.applicationLetter)
  try {
    await store.insert(COLLECTIONS.developmentFiles, file)
  } catch (error) {
    // Another caller's request id (never reused by a client): refuse rather than show their file.
    if (error instanceof DuplicateIdError) throw new DomainError('DEVELOPMENT.NOT_FOUND')
    throw error
  }
  await writeAudit(ctx, {
    action: 'lifecycle.createDevelopmentFile',
    targetId: file._id,
    summary: `为 ${file.name} 建立发展党员档案`,
    before: null,
    after: { name: file.name, branchId: file.branchId, appliedOn: input.appliedOn },
  })
  return fileView(ctx, file, branch, true)
}

export const updateDevelopmentPerson: Handler<typeof api.lifecycle.updateDevelopmentPerson> = async (input, ctx) => {
  const { file, branch } = await loadFile(ctx.store, ctx.caller, input.fileId, 'manage')
  if (file.closed) throw new DomainError('DEVELOPMENT.CLOSED')
  const person = {
    name: input.name,
    phone: input.phone,
    teachingRole: input.teachingRole,
    keyTeacher: input.keyTeacher,
  }
  const saved = await saveFile(ctx.store, file, { ...person, updatedAt: ctx.clock.now() })
  await writeAudit(ctx, {
    action: 'lifecycle.updateDevelopmentPerson',
    targetId: file._id,
    summary: `修改发展党员档案 ${input.name} 的个人信息`,
    before: { name: file.name, phone: file.phone, teachingRole: file.teachingRole, keyTeacher: file.keyTeacher },
    after: person,
  })
  return fileView(ctx, saved, branch, true)
}

/** 终止档案: the person withdrew or left; the file is kept with the reason. */
export const closeDevelopmentFile: Handler<typeof api.lifecycle.closeDevelopmentFile> = async (input, ctx) => {
  const { file, branch } = await loadFile(ctx.store, ctx.caller, input.fileId, 'manage')
  const stage = stateOf(file).stage
  if (file.closed || stage === 'formal' || stage === 'cancelled') throw new DomainError('DEVELOPMENT.CLOSED')
  if (input.on > shanghaiDate(ctx.clock.now())) throw new DomainError('DATE.IN_FUTURE')
  const closed = { on: input.on, reason: input.reason }
  const saved = await saveFile(ctx.store, file, { closed, stage: 'closed', updatedAt: ctx.clock.now() })
  await writeAudit(ctx, {
    action: 'lifecycle.closeDevelopmentFile',
    targetId: file._id,
    summary: `终止 ${file.name} 的发展党员档案：${input.reason}`,
    before: { stage: file.stage },
    after: { stage: 'closed', closed },
  })
  return fileView(ctx, saved, branch, true)
}

/** Adds scanned documents to a recorded step's checklist (the same file twice is kept once). */
export const attachMaterial: Handler<typeof api.lifecycle.attachMaterial> = async (input, ctx) => {
  const { file, branch } = await loadFile(ctx.store, ctx.caller, input.fileId, 'manage')
  // The latest record of the step: after an extension the 转正 steps are recorded a second time.
  const index = file.steps.map((record) => record.step).lastIndexOf(input.step)
  if (index < 0) throw new DomainError('DEVELOPMENT.STEP_OUT_OF_ORDER', '该步骤尚未记录，不能上传材料')
  requireOwnUploads(file, input.fileIds)
  const steps = file.steps.map((record, i) => {
    if (i !== index) return record
    const kept = record.materials.find((entry) => entry.material === input.material)
    const fileIds = [...new Set([...(kept?.fileIds ?? []), ...input.fileIds])]
    const others = record.materials.filter((entry) => entry.material !== input.material)
    return { ...record, materials: [...others, { material: input.material, fileIds }] }
  })
  const saved = await saveFile(ctx.store, file, { steps, updatedAt: ctx.clock.now() })
  await writeAudit(ctx, {
    action: 'lifecycle.attachMaterial',
    targetId: file._id,
    summary: `为 ${file.name} 上传材料`,
    before: null,
    after: { step: input.step, material: input.material, files: input.fileIds.length },
  })
  return fileView(ctx, saved, branch, true)
}
