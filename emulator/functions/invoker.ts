import { randomUUID } from 'node:crypto'
import type { Clock } from '../clock'
import type { WorkerPool } from './pool'
import type { FunctionDef, FunctionRegistry } from './registry'

export const LOCAL_APPID = 'wxlocalappid00000'

export interface Identity {
  openid?: string
  fn: string
  // The invocation's SOURCE chain (TCB_SOURCE), which a cloud.callFunction from it extends.
  source: string
}

export interface InvokeOptions {
  openid?: string
  // Set when the call comes from inside a running function (cloud.callFunction).
  nested?: boolean
  // getWXContext().SOURCE: wx_client from the mini-program, `<caller's>,scf` for a function's call.
  source?: string
  timer?: boolean
}

export class FunctionNotFound extends Error {
  constructor(readonly fn: string) {
    super(`function not found: ${fn}`)
  }
}

// Builds the per-invocation environment CloudBase gives an instance and runs the call in the pool.
// Each invocation gets its own WX_API_TOKEN: the SDK echoes it as `wxCloudApiToken` on every request,
// which lets the emulator attribute openapi calls and cloud.callFunction to the calling invocation.
export class Invoker {
  private readonly live = new Map<string, Identity>()

  constructor(
    readonly registry: FunctionRegistry,
    private readonly pool: WorkerPool,
    private readonly clock: Clock,
    private readonly envId: string,
  ) {}

  identity(token: unknown): Identity | undefined {
    return typeof token === 'string' ? this.live.get(token) : undefined
  }

  find(fn: string): FunctionDef {
    const def = this.registry.get(fn)
    if (!def) throw new FunctionNotFound(fn)
    return def
  }

  // Returns the function's JSON-serialized return value (null when it returned undefined).
  async invokeJson(fn: string, event: unknown, opts: InvokeOptions = {}): Promise<string | null> {
    const def = this.find(fn)
    const requestId = randomUUID()
    const token = `emu-${requestId}`
    const source = opts.source ?? 'wx_client'
    this.live.set(token, { openid: opts.openid, fn, source })
    const env: Record<string, string | null> = {
      WX_OPENID: opts.openid ?? null,
      WX_APPID: LOCAL_APPID,
      WX_UNIONID: '',
      WX_CLIENTIP: '127.0.0.1',
      WX_CLIENTIPV6: '::ffff:127.0.0.1',
      // WX_API_TOKEN must be listed: the node-sdk only reads context keys named here (getWXContext skips it).
      WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID,WX_CLIENTIP,WX_CLIENTIPV6,WX_API_TOKEN',
      WX_API_TOKEN: token,
      TRIGGER_SRC: opts.timer ? 'timer' : null,
      TCB_SOURCE: source,
      SCF_FUNCTIONNAME: fn,
      EMULATOR_NOW_MS: String(this.clock.now()),
    }
    const context = {
      function_name: fn,
      function_version: '$LATEST',
      request_id: requestId,
      memory_limit_in_mb: 256,
      time_limit_in_ms: def.timeoutMs,
      namespace: this.envId,
      environ: '',
    }
    try {
      return await this.pool.run({
        fn,
        file: def.file,
        event,
        context,
        env,
        timeoutMs: def.timeoutMs,
        nested: opts.nested ?? false,
      })
    } finally {
      this.live.delete(token)
    }
  }

  async invoke(fn: string, event: unknown, opts: InvokeOptions = {}): Promise<unknown> {
    const json = await this.invokeJson(fn, event, opts)
    return json === null ? null : (JSON.parse(json) as unknown)
  }
}
