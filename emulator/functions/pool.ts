import { type ChildProcess, fork } from 'node:child_process'
import { createInterface } from 'node:readline'
import type { InvokeMessage, WorkerMessage } from './worker-protocol'

export interface Job {
  fn: string
  file: string
  event: unknown
  context: Record<string, unknown>
  env: Record<string, string | null>
  timeoutMs: number
  // A call made from inside a running function (cloud.callFunction): it may get an extra worker when
  // all are busy, because the caller holds its worker while waiting (real CloudBase scales out instead).
  nested: boolean
}

export class FunctionError extends Error {
  constructor(
    readonly code: 'FUNCTIONS_EXECUTE_FAIL' | 'FUNCTIONS_TIME_LIMIT_EXCEEDED' | 'FUNCTIONS_CRASHED',
    message: string,
  ) {
    super(message)
  }
}

interface Pending {
  job: Job
  resolve: (json: string | null) => void
  reject: (e: Error) => void
}

interface Worker {
  child: ChildProcess
  ready: boolean
  dying: boolean
  overflow: boolean
  current?: Pending & { id: number; timer: NodeJS.Timeout }
}

export interface PoolOptions {
  size: number
  workerFile: string
  sdkFrom: string
  env: Record<string, string>
  log: (line: string) => void
}

const MAX_OVERFLOW = 8

// A pool of forked worker processes; each runs one invocation at a time, extra invocations queue.
// A timed-out or crashed worker is killed and replaced, and its invocation fails.
export class WorkerPool {
  private readonly workers = new Set<Worker>()
  private readonly queue: Pending[] = []
  private seq = 0
  private stopped = false
  readonly coldStartsMs: number[] = []

  constructor(private readonly opts: PoolOptions) {
    for (let i = 0; i < opts.size; i++) this.spawn(false)
  }

  private spawn(overflow: boolean): Worker {
    const started = Date.now()
    const child = fork(this.opts.workerFile, [this.opts.sdkFrom], {
      env: { ...process.env, ...this.opts.env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      execArgv: [],
    })
    const w: Worker = { child, ready: false, dying: false, overflow }
    this.workers.add(w)
    for (const stream of [child.stdout, child.stderr]) {
      if (stream) createInterface({ input: stream }).on('line', (l) => this.opts.log(`[fn ${child.pid}] ${l}`))
    }
    child.on('message', (raw: unknown) => this.onMessage(w, raw as WorkerMessage, started))
    child.on('exit', (code, signal) => this.onExit(w, code, signal))
    child.on('error', (e) => this.opts.log(`[pool] worker error ${e.message}`))
    return w
  }

  private onMessage(w: Worker, msg: WorkerMessage, started: number): void {
    if (msg.type === 'ready') {
      w.ready = true
      this.coldStartsMs.push(Date.now() - started)
      this.dispatch()
      return
    }
    const cur = w.current
    if (!cur || cur.id !== msg.id) return
    clearTimeout(cur.timer)
    w.current = undefined
    if (msg.ok) cur.resolve(msg.json)
    else cur.reject(new FunctionError('FUNCTIONS_EXECUTE_FAIL', msg.message))
    if (w.overflow && this.queue.length === 0) this.retire(w)
    this.dispatch()
  }

  private onExit(w: Worker, code: number | null, signal: string | null): void {
    this.workers.delete(w)
    const cur = w.current
    if (cur) {
      clearTimeout(cur.timer)
      w.current = undefined
      cur.reject(new FunctionError('FUNCTIONS_CRASHED', `function ${cur.job.fn} crashed (exit ${code ?? signal})`))
    }
    if (!this.stopped && !w.overflow) {
      this.opts.log(`[pool] worker ${w.child.pid} exited (${code ?? signal}), replacing`)
      this.spawn(false)
    }
    this.dispatch()
  }

  private retire(w: Worker): void {
    w.ready = false
    w.dying = true
    this.workers.delete(w)
    w.child.kill('SIGKILL')
  }

  run(job: Job): Promise<string | null> {
    if (this.stopped) return Promise.reject(new Error('emulator stopped'))
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject })
      this.dispatch()
    })
  }

  // Nested jobs (cloud.callFunction from a running function) go first: their callers hold workers.
  private takeNext(): Pending | undefined {
    const nested = this.queue.findIndex((p) => p.job.nested)
    return this.queue.splice(Math.max(nested, 0), 1)[0]
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const idle = [...this.workers].find((w) => w.ready && !w.current)
      if (!idle) break
      const next = this.takeNext()
      if (next) this.assign(idle, next)
    }
    if (this.queue.some((p) => p.job.nested)) {
      const all = [...this.workers]
      const starting = all.some((w) => !w.ready && !w.dying)
      if (!starting && all.filter((w) => w.overflow).length < MAX_OVERFLOW) this.spawn(true)
    }
  }

  private assign(w: Worker, p: Pending): void {
    this.seq += 1
    const id = this.seq
    const timer = setTimeout(() => {
      if (w.current?.id !== id) return
      w.current = undefined
      w.ready = false // never hand this dying worker another job
      w.dying = true
      p.reject(
        new FunctionError(
          'FUNCTIONS_TIME_LIMIT_EXCEEDED',
          `Invoking task timed out after ${p.job.timeoutMs / 1000} seconds (function ${p.job.fn})`,
        ),
      )
      w.child.kill('SIGKILL') // onExit replaces it
    }, p.job.timeoutMs)
    w.current = { ...p, id, timer }
    const msg: InvokeMessage = {
      type: 'invoke',
      id,
      file: p.job.file,
      event: p.job.event,
      context: p.job.context,
      env: p.job.env,
    }
    w.child.send(msg)
  }

  busyCount(): number {
    return [...this.workers].filter((w) => w.current).length
  }

  async stop(): Promise<void> {
    this.stopped = true
    for (const p of this.queue.splice(0)) p.reject(new Error('emulator stopped'))
    const exits = [...this.workers].map(
      (w) =>
        new Promise<void>((resolve) => {
          if (w.child.exitCode !== null || w.child.signalCode !== null) return resolve()
          w.child.once('exit', () => resolve())
          w.child.kill('SIGKILL')
        }),
    )
    await Promise.all(exits)
  }
}
