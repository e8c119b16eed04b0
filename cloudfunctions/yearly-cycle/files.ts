import type { ErrorCode } from '../../types/errors'
import type { Caller } from '../runtime/caller'
import { DomainError } from '../runtime/domain-error'
import { type Files, isInFolder } from '../runtime/files'

/** Where a member uploads the yearly cycle's documents (对照检查, 整改 evidence, 述职报告): their own folder. */
export const cycleFolder = (tenantId: string, memberId: string) => `yearly/${tenantId}/${memberId}/`

/** Refuses files the caller did not upload into their own folder (another member's, another tenant's). */
export function requireOwnFiles(caller: Caller, fileIds: readonly string[], code: ErrorCode): void {
  const folder = cycleFolder(caller.member.tenantId, caller.member._id)
  if (fileIds.some((fileId) => !isInFolder(fileId, folder))) throw new DomainError(code)
}

const LINK_SECONDS = 30 * 60

/** Temporary links to attached files, for reading on the page; a file that is gone reads as null. */
export async function attached(files: Files, fileIds: readonly string[]) {
  return Promise.all(
    fileIds.map(async (fileId) => ({
      fileId,
      url: await files.link(fileId, LINK_SECONDS).catch(() => null),
    })),
  )
}
