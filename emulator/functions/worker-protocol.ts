// Messages between the emulator and a function worker process (over the fork IPC channel).
export interface InvokeMessage {
  type: 'invoke'
  id: number
  file: string
  event: unknown
  context: Record<string, unknown>
  // Per-invocation environment; a key mapped to null is removed (e.g. no OPENID for anonymous callers).
  env: Record<string, string | null>
}

export type WorkerMessage =
  | { type: 'ready'; loadMs: number }
  | { type: 'done'; id: number; ok: true; json: string | null }
  | { type: 'done'; id: number; ok: false; message: string; stack?: string }
