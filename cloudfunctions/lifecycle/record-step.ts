import type { api } from '../../types/api'
import type { DevelopmentFileDoc, StepInput, StepRecord } from '../../types/lifecycle'
import type { MemberDoc } from '../../types/roster'
import { stepRefusal } from '../domain/lifecycle/development-refusal'
import { rosterFieldsOf } from '../domain/lifecycle/development-roster'
import { stateOf } from '../domain/lifecycle/development-state'
import { STEPS } from '../domain/lifecycle/development-steps'
import { shanghaiDate } from '../domain/time'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import type { Handler, HandlerContext } from '../runtime/router'
import { DuplicateIdError } from '../runtime/store'
import { writeAudit } from '../shared/audit'
import { duesFollowMembership } from '../shared/dues-ledger'
import { createMember, membersByIds, updateMemberFields } from '../shared/members'
import { requireOwnUploads } from './development-files'
import { fileView, loadFile, saveFile } from './file-view'

/** The member ids a step names (培养联系人, 入党介绍人), which must be formal members of the file's branch. */
async function formalMembersOf(ctx: HandlerContext, file: DevelopmentFileDoc, details: StepInput) {
  if (details.step !== 'contacts_assigned' && details.step !== 'introducers_assigned') return new Set<string>()
  const members = await membersByIds(ctx.store, details.memberIds)
  return new Set(
    [...members.values()]
      .filter((m) => m.tenantId === file.tenantId && m.branchId === file.branchId)
      .filter((m) => m.status === 'active' && m.memberType === 'formal')
      .map((m) => m._id),
  )
}

/** The roster member a file's admission creates: one per file, so a retried approval creates it once. */
export const memberIdOf = (file: Pick<DevelopmentFileDoc, '_id'>) => `dev-${file._id}`

/**
 * 记录步骤: the rules refuse anything out of order, early, in the future or a
 * vote that did not carry, before anything is written. 上级党委审批 of an
 * admission puts the person on the roster as 预备党员 (入党时间 = the 支部大会
 * day, 预计转正日期 a year later) without anyone retyping them; the 转正
 * decision updates that member (formal, or a later 转正 date).
 */
export const recordDevelopmentStep: Handler<typeof api.lifecycle.recordDevelopmentStep> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const { file, branch } = await loadFile(store, caller, input.fileId, 'manage')
  const now = clock.now()
  const refusal = stepRefusal(
    file,
    { on: input.on, details: input.details },
    shanghaiDate(now),
    await formalMembersOf(ctx, file, input.details),
  )
  if (refusal) throw new DomainError(refusal)
  requireOwnUploads(
    file,
    input.materials.flatMap((entry) => entry.fileIds),
  )
  const record: StepRecord = {
    step: input.details.step,
    on: input.on,
    details: input.details,
    note: input.note,
    materials: input.materials,
    recordedBy: caller.member._id,
    recordedAt: now,
  }
  const next = { ...file, steps: [...file.steps, record] }
  const stage = stateOf(next).stage
  let memberId = file.memberId
  if (record.step === 'admission_approval') memberId = await admit(ctx, next, branch._id)
  else if (memberId && record.step === 'conversion_approval') await syncMember(ctx, next, memberId)

  const saved = await saveFile(store, file, { steps: next.steps, stage, memberId, updatedAt: now })
  await writeAudit(ctx, {
    action: 'lifecycle.recordDevelopmentStep',
    targetId: file._id,
    summary: `${file.name}：${STEPS[record.step].name}（${record.on}）`,
    before: { stage: file.stage },
    after: { step: record.step, on: record.on, stage },
  })
  return fileView(ctx, saved, branch, true)
}

/**
 * The roster member of an admitted 预备党员, through the shared members
 * service, and their WeChat moved from the applicant binding to a member
 * binding: they open the app as a member with no new invitation.
 */
async function admit(ctx: HandlerContext, file: DevelopmentFileDoc, branchId: string): Promise<string> {
  const fields = rosterFieldsOf(file)
  if (!fields) throw new Error(`file ${file._id} admitted without a 支部大会 record`)
  const memberId = memberIdOf(file)
  const member = await createMember(
    ctx,
    memberId,
    {
      name: file.name,
      branchId,
      groupId: null,
      committeePosition: null,
      phone: file.phone,
      memberType: fields.memberType,
      joinedOn: fields.joinedOn,
      probationEndsOn: fields.probationEndsOn,
    },
    `发展党员 ${file.name} 经上级党委审批为预备党员，列入名册`,
  )
  // Dues from the 支部大会's month: the branch's figures count the new 预备党员 at once (null: a retry did it).
  if (member) await duesFollowMembership(ctx, member, [branchId])
  const applicant = (await ctx.store.find(COLLECTIONS.applicantBindings, { fileId: file._id }, { limit: 1 }))[0]
  if (applicant) {
    // The member's one-WeChat claim (members.boundAt), then the binding: as a roster invitation binds.
    await ctx.store.update(COLLECTIONS.members, memberId, { boundAt: ctx.clock.now() })
    try {
      await ctx.store.insert(COLLECTIONS.bindings, {
        _id: applicant._id,
        tenantId: file.tenantId,
        memberId,
        boundAt: ctx.clock.now(),
      })
    } catch (error) {
      if (!(error instanceof DuplicateIdError)) throw error
    }
    await ctx.store.remove(COLLECTIONS.applicantBindings, applicant._id)
  }
  return memberId
}

/** After the 转正 decision: formal, or the later 转正 date of an extension (a cancellation is the roster's 停用). */
async function syncMember(ctx: HandlerContext, file: DevelopmentFileDoc, memberId: string): Promise<void> {
  const fields = rosterFieldsOf(file)
  if (!fields) return
  const patch: Partial<MemberDoc> = { memberType: fields.memberType, probationEndsOn: fields.probationEndsOn }
  await updateMemberFields(ctx, memberId, patch, `发展党员 ${file.name} 转正决定更新名册`)
}
