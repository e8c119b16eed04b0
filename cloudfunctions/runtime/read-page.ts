import type { Collection, Doc } from './collections'
import type { FindOptions, Store, Where } from './store'

/** One page of a list and the total behind it: what every paged screen needs, in two parallel reads. */
export async function readPage<T extends Doc>(
  store: Store,
  collection: Collection<T>,
  where: Where,
  orderBy: NonNullable<FindOptions['orderBy']>,
  { page, pageSize }: { page: number; pageSize: number },
): Promise<{ items: T[]; total: number; page: number }> {
  const [items, total] = await Promise.all([
    store.find(collection, where, { orderBy, skip: (page - 1) * pageSize, limit: pageSize }),
    store.count(collection, where),
  ])
  return { items, total, page }
}
