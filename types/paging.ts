import * as z from './zod'

/**
 * The page part of a paged list's input: page numbers from 1, and a page size
 * the caller may choose up to `maxSize` (the default answers a phone screen).
 */
export function pageInput({ size = 20, maxSize = 50, maxPage = 10_000 } = {}) {
  return z.object({
    page: z.number().int().min(1).max(maxPage).default(1),
    pageSize: z.number().int().min(1).max(maxSize).default(size),
  })
}
