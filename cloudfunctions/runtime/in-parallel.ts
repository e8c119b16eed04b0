/**
 * Runs `work` over items with at most `width` in flight: CloudBase answers requests in parallel, one at a
 * time is too slow. A lane stops taking items once `stop()` says so (a run's deadline).
 */
export async function inParallel<T>(
  items: readonly T[],
  width: number,
  work: (item: T) => Promise<void>,
  stop: () => boolean = () => false,
): Promise<void> {
  let next = 0
  const lanes = Array.from({ length: Math.min(width, items.length) }, async () => {
    while (next < items.length && !stop()) await work(items[next++])
  })
  await Promise.all(lanes)
}
