// nedb keeps, per index, one array of documents for each key, and updates a document in an index by removing
// it (rebuilding that key's array without it) and inserting the new version — O(documents sharing the key)
// with an allocation, on every index, for every update. A collection indexed on `tenantId` holds one tenant's
// documents under one key, so each write cost grew with the collection: 1,000 updates of a 60,000-document
// collection took 4.9 s with four such indexes against 0.8 s without, and the points settle bench slowed
// threefold as its totals grew. CloudBase has no such cost. When an update leaves a document's key unchanged
// — nearly always for tenantId, scope or period — the new version takes the old one's place in its key's array
// (same key, same position: the index is what it would have been); any other change goes the usual way.

interface KeyedIndex {
  _fields: string[]
  tree: { search(key: unknown): unknown[] }
  update(oldDoc: unknown, newDoc?: unknown): void
}

type Pair = { oldDoc: Record<string, unknown>; newDoc: Record<string, unknown> }

const isScalar = (value: unknown): value is string | number | boolean =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'

/** The value of a dotted single field ('a.b'), or undefined. */
function fieldValue(doc: Record<string, unknown>, field: string): unknown {
  let value: unknown = doc
  for (const part of field.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined
    value = (value as Record<string, unknown>)[part]
  }
  return value
}

/** Swaps newDoc in for oldDoc under their common scalar key; false when the key changed or is not a plain value. */
function swapInPlace(index: KeyedIndex, { oldDoc, newDoc }: Pair): boolean {
  if (index._fields.length !== 1) return false
  const [field] = index._fields
  const before = fieldValue(oldDoc, field)
  if (!isScalar(before) || before !== fieldValue(newDoc, field)) return false
  const bucket = index.tree.search(before)
  const at = bucket.indexOf(oldDoc)
  if (at < 0) return false
  bucket[at] = newDoc
  return true
}

/** Makes one nedb index update unchanged keys in place (see above); everything else is nedb's own update. */
export function updateUnchangedKeysInPlace(index: KeyedIndex): void {
  const update = index.update.bind(index)
  index.update = (oldDoc: unknown, newDoc?: unknown) => {
    const pairs = Array.isArray(oldDoc) ? (oldDoc as Pair[]) : [{ oldDoc, newDoc } as Pair]
    const rest = pairs.filter((pair) => !swapInPlace(index, pair))
    if (rest.length > 0) update(rest)
  }
}
