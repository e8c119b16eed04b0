import { appendFile, readFile } from 'node:fs/promises'
import { join } from 'node:path'

export interface OutboxEntry {
  id: number
  apiName: string
  // Parameters as the WeChat API receives them (snake_case keys, decoded from the protobuf envelope).
  params: Record<string, unknown>
  time: string
  openid?: string
  function?: string
  /** What the platform answered besides ok (createActivityId: the activity id and its expiry). */
  result?: Record<string, unknown>
}

// Durable record of every openapi call (subscribe messages, updatable messages, mini-program codes):
// one JSON line per call in <dataDir>/outbox.jsonl, appended before the call is answered.
export class Outbox {
  private readonly file: string
  private seq = 0
  private tail: Promise<void> = Promise.resolve()

  constructor(dataDir: string) {
    this.file = join(dataDir, 'outbox.jsonl')
  }

  async init(): Promise<void> {
    this.seq = (await this.list()).reduce((max, e) => Math.max(max, e.id), 0)
  }

  append(entry: Omit<OutboxEntry, 'id'>): Promise<OutboxEntry> {
    this.seq += 1
    const full: OutboxEntry = { id: this.seq, ...entry }
    const write = this.tail.then(() => appendFile(this.file, `${JSON.stringify(full)}\n`, 'utf8'))
    this.tail = write.catch(() => undefined)
    return write.then(() => full)
  }

  async list(): Promise<OutboxEntry[]> {
    let text = ''
    try {
      text = await readFile(this.file, 'utf8')
    } catch {
      return []
    }
    const out: OutboxEntry[] = []
    for (const line of text.split('\n')) {
      if (!line.trim()) continue
      try {
        out.push(JSON.parse(line) as OutboxEntry)
      } catch {
        // A line torn by a crash mid-append was never acknowledged; skip it.
      }
    }
    return out
  }
}
