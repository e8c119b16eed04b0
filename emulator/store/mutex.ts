// A promise-chain mutex: read-modify-write sequences on one collection must not interleave,
// otherwise two concurrent `_.inc(1)` would both read the same value and one increment is lost.
export class Mutex {
  private tail: Promise<void> = Promise.resolve()

  async run<T>(task: () => Promise<T>): Promise<T> {
    const previous = this.tail
    let release: () => void = () => {}
    this.tail = new Promise<void>((resolve) => {
      release = resolve
    })
    await previous
    try {
      return await task()
    } finally {
      release()
    }
  }
}

// Locks several mutexes in a fixed (sorted) order so two multi-collection commits cannot deadlock.
export async function runLocked<T>(mutexes: Mutex[], task: () => Promise<T>): Promise<T> {
  const [first, ...rest] = mutexes
  if (!first) return task()
  return first.run(() => runLocked(rest, task))
}
