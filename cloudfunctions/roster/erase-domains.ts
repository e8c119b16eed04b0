import { ERASED_NAME, type MemberDoc } from '../../types/roster'
import { COLLECTIONS, type Collection, type Doc } from '../runtime/collections'
import type { HandlerContext } from '../runtime/router'
import type { Store } from '../runtime/store'
import { keepUntil } from '../shared/retention'

/** What a note or reason written by (or about) the member reads once erased. */
export const ERASED_TEXT = '（内容已删除）'

type EraseContext = Pick<HandlerContext, 'store' | 'clock'>

/**
 * 删除个人信息 in the domains built after the roster: what the member wrote (谈心谈话 summaries, 组织生活会
 * opinions and 对照检查, 民主评议 self-reviews, 示范岗 承诺 and deeds) is blanked and its files handed to the
 * retention timer; what was recorded about them (a 减免 decision's reason — often an illness — where they went
 * as a 流动党员 and how to reach them, their name on a transfer letter or 发展党员 file, the file's phone and the
 * applicant's WeChat binding) goes. Counts, dates, amounts and grades stay: the statistics do not change.
 * Idempotent, like the rest of the erasure.
 */
export async function eraseDomainRecords(ctx: EraseContext, { _id: memberId, tenantId }: MemberDoc): Promise<void> {
  const { store } = ctx
  const files: string[] = []
  for (const doc of await store.findAll(COLLECTIONS.selfExaminations, { tenantId, memberId }))
    files.push(...doc.fileIds)
  for (const doc of await store.findAll(COLLECTIONS.postDeeds, { tenantId, memberId })) files.push(...doc.fileIds)
  await dropFiles(ctx, tenantId, files)

  // 年度工作
  await store.updateWhere(COLLECTIONS.talks, { tenantId, pair: memberId }, { summary: ERASED_TEXT })
  await store.updateWhere(COLLECTIONS.orgLifeOpinions, { tenantId, authorId: memberId }, { text: ERASED_TEXT })
  await store.updateWhere(COLLECTIONS.selfExaminations, { tenantId, memberId }, { text: ERASED_TEXT, fileIds: [] })
  await store.updateWhere(COLLECTIONS.selfReviews, { tenantId, memberId }, { text: ERASED_TEXT })
  // 示范岗
  await store.updateWhere(COLLECTIONS.designations, { tenantId, memberId }, { commitment: ERASED_TEXT })
  await store.updateWhere(COLLECTIONS.postDeeds, { tenantId, memberId }, { text: ERASED_TEXT, fileIds: [] })
  // 党费, 组织关系转接, 流动党员
  await store.updateWhere(COLLECTIONS.duesReductions, { tenantId, memberId }, { decision: ERASED_TEXT })
  await store.updateWhere(COLLECTIONS.transfers, { tenantId, memberId }, { name: ERASED_NAME })
  await store.updateWhere(
    COLLECTIONS.floatingMembers,
    { tenantId, memberId },
    { whereabouts: ERASED_TEXT, hostOrg: null, contact: null },
  )
  // 发展党员: the file that made them a member keeps its steps, not the person.
  const developmentFiles = await store.findAll(
    COLLECTIONS.developmentFiles,
    { tenantId, memberId },
    { fields: { _id: true } },
  )
  for (const { _id: fileId } of developmentFiles) {
    await store.update(COLLECTIONS.developmentFiles, fileId, { name: ERASED_NAME, phone: null })
    await removeAll(store, COLLECTIONS.applicantBindings, { tenantId, fileId })
    await removeAll(store, COLLECTIONS.applicantInvitations, { tenantId, fileId })
  }
}

async function dropFiles({ store, clock }: EraseContext, tenantId: string, fileIDs: string[]) {
  for (const fileID of fileIDs)
    await keepUntil({ store, clock }, { fileID, tenantId, kind: 'erased-upload' }, clock.now())
}

export async function removeAll<T extends Doc>(
  store: Store,
  collection: Collection<T>,
  where: Record<string, unknown>,
) {
  for (const doc of await store.findAll(collection, where, { fields: { _id: true } })) {
    await store.remove(collection, doc._id)
  }
}
