import { createHash } from 'node:crypto'
import type { ExpiringFileKind } from '../../types/retention'
import { COLLECTIONS } from '../runtime/collections'
import type { Ports } from '../runtime/ports'
import { atMost } from '../runtime/range'
import { DuplicateIdError } from '../runtime/store'

type Keeper = Pick<Ports, 'store' | 'clock'>

/** One record per file: its id is the fileID's digest (fileIDs hold slashes and run long). */
const recordId = (fileID: string) => `f_${createHash('sha256').update(fileID).digest('hex').slice(0, 32)}`

/** A failed deletion is tried again after an hour per failure, behind what is due: it never holds up the rest. */
const RETRY_MS = 60 * 60 * 1000
/** deleteFile takes at most 50 files a call. */
const BATCH = 50

/** Registers a stored file to be deleted at `deleteAt` (the earlier date wins when it is registered twice). */
export async function keepUntil(
  { store, clock }: Keeper,
  file: { fileID: string; tenantId: string; kind: ExpiringFileKind },
  deleteAt: number,
): Promise<void> {
  const _id = recordId(file.fileID)
  try {
    await store.insert(COLLECTIONS.expiringFiles, { _id, ...file, deleteAt, createdAt: clock.now() })
  } catch (error) {
    if (!(error instanceof DuplicateIdError)) throw error
    await store.updateWhere(COLLECTIONS.expiringFiles, { _id, deleteAt: store.command.gt(deleteAt) }, { deleteAt })
  }
}

/**
 * Deletes a file now (an import that ended needs its raw upload no more). The record is due first, so should
 * the deletion fail, or the function be cut off, the retention timer deletes it.
 */
export async function deleteNow(
  ports: Pick<Ports, 'store' | 'clock' | 'files'>,
  file: { fileID: string; tenantId: string; kind: ExpiringFileKind },
): Promise<void> {
  await keepUntil(ports, file, ports.clock.now())
  try {
    const gone = await ports.files.remove([file.fileID])
    if (gone.includes(file.fileID)) await ports.store.remove(COLLECTIONS.expiringFiles, recordId(file.fileID))
  } catch (error) {
    console.warn('[retention] deleting now failed; the timer retries', file.fileID, error)
  }
}

/**
 * The retention timer's sweep: files due, oldest first, 50 a call, until `deadline`. A batch storage refuses
 * is recorded and put back an hour per failure, so the next run goes on with the rest.
 */
export async function sweepExpiredFiles(
  { store, files, clock }: Pick<Ports, 'store' | 'clock' | 'files'>,
  deadline: number,
): Promise<{ deleted: number; failed: number; more: boolean }> {
  const now = clock.now()
  let deleted = 0
  let failed = 0
  // Records whose bookkeeping failed stay due; remembering them keeps this run from looping on them.
  const tried = new Set<string>()
  for (;;) {
    if (Date.now() > deadline) return { deleted, failed, more: true }
    const due = (
      await store.find(
        COLLECTIONS.expiringFiles,
        { deleteAt: atMost(store, now) },
        { orderBy: [['deleteAt', 'asc']], limit: BATCH },
      )
    ).filter((record) => !tried.has(record._id))
    if (due.length === 0) return { deleted, failed, more: false }
    let gone: Set<string>
    let problem = '删除失败'
    try {
      gone = new Set(await files.remove(due.map((record) => record.fileID)))
    } catch (error) {
      gone = new Set()
      problem = String(error).slice(0, 200)
    }
    for (const record of due) {
      tried.add(record._id)
      try {
        if (gone.has(record.fileID)) {
          await store.remove(COLLECTIONS.expiringFiles, record._id)
          deleted++
          continue
        }
        const attempts = (record.attempts ?? 0) + 1
        await store.update(COLLECTIONS.expiringFiles, record._id, {
          attempts,
          lastError: problem,
          deleteAt: now + RETRY_MS * attempts,
        })
      } catch (error) {
        console.error('[retention]', record._id, error)
      }
      if (!gone.has(record.fileID)) failed++
    }
  }
}
