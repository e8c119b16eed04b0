import type { api } from '../../types/api'
import { DOCUMENT_TYPES, type DocumentType, type ReadDoc, type StudyTaskDoc } from '../../types/study'
import { isTarget } from '../domain/study/targets'
import type { Caller } from '../runtime/caller'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import type { Handler } from '../runtime/router'
import { DuplicateIdError, type Store } from '../runtime/store'
import { checkinId, loadVisibleTask } from './task-view'

/** How long a document's link lasts: enough to download it, not to pass around. */
const DOCUMENT_LINK_SECONDS = 600

/** The viewer's file type of a stored document, from its extension (uploads keep it, see src/lib/cloud-paths.ts). */
export function documentTypeOf(fileID: string): DocumentType | null {
  const extension = /\.([a-z]+)$/i.exec(fileID)?.[1]?.toLowerCase()
  return (DOCUMENT_TYPES as readonly string[]).includes(extension ?? '') ? (extension as DocumentType) : null
}

/**
 * When a targeted member first opened the task's material: recorded once, by
 * the server's clock, so reading time (阅读时长) is never the phone's word.
 * Those who only oversee the task start no reading time.
 */
async function startReading(store: Store, caller: Caller, task: StudyTaskDoc, now: number): Promise<number | null> {
  if (!isTarget(task, caller.member)) return null
  const read: ReadDoc = {
    _id: checkinId(task._id, caller.member._id),
    tenantId: task.tenantId,
    taskId: task._id,
    memberId: caller.member._id,
    openedAt: now,
  }
  try {
    await store.insert(COLLECTIONS.studyReads, read)
    return now
  } catch (error) {
    if (!(error instanceof DuplicateIdError)) throw error
    return (await store.get(COLLECTIONS.studyReads, read._id))?.openedAt ?? now
  }
}

/** 打开学习材料: the document through a short link, an article or a video by its own link. */
export const openMaterial: Handler<typeof api.study.openMaterial> = async (input, { caller, store, files, clock }) => {
  const task = await loadVisibleTask(store, caller, input.taskId)
  const { fileID, fileName, link, videoLink } = task.content
  let opened: { url: string; fileName: string | null; fileType: DocumentType | null }
  if (input.material === 'document') {
    const fileType = fileID ? documentTypeOf(fileID) : null
    if (!fileID || !fileType) throw new DomainError('STUDY.NO_MATERIAL')
    const url = await files.link(fileID, DOCUMENT_LINK_SECONDS).catch(() => null)
    if (!url) throw new DomainError('STUDY.NO_MATERIAL', '学习材料文件已不存在，请联系发布人')
    opened = { url, fileName: fileName ?? `学习材料.${fileType}`, fileType }
  } else {
    const url = input.material === 'article' ? link : videoLink
    if (!url) throw new DomainError('STUDY.NO_MATERIAL')
    opened = { url, fileName: null, fileType: null }
  }
  return { ...opened, readingSince: await startReading(store, caller, task, clock.now()) }
}

/** When the caller first opened the task's material, or null. */
export async function readingSince(store: Store, taskId: string, memberId: string): Promise<number | null> {
  return (await store.get(COLLECTIONS.studyReads, checkinId(taskId, memberId)))?.openedAt ?? null
}

/**
 * 阅读时长: a task that asks for N minutes with its material takes a check-in
 * only N minutes after the member first opened it (the rules say so, or it
 * does not count at all).
 */
export function requireReading(task: StudyTaskDoc, since: number | null, now: number): void {
  const minutes = task.minReadMinutes ?? 0
  if (minutes === 0) return
  if (since === null) throw new DomainError('STUDY.READ_TOO_SHORT', `请先打开学习材料阅读，满${minutes}分钟后再打卡`)
  const read = Math.floor((now - since) / 60_000)
  if (read < minutes) throw new DomainError('STUDY.READ_TOO_SHORT', `已阅读${read}分钟，满${minutes}分钟后可打卡`)
}
