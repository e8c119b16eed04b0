// Functions in the emulator reach only loopback (the emulator itself, a test's stand-in robot). A bundle that
// tries any other host — a Tencent API because an environment variable is missing, a group robot's real
// webhook — is refused before DNS, loudly, instead of leaving the machine: no test may reach a Tencent host,
// and a misconfigured one fails here rather than passing by luck on a machine with network.
import net from 'node:net'

const LOOPBACK = [/^localhost$/i, /^127(\.\d{1,3}){3}$/, /^::1$/, /^::ffff:127(\.\d{1,3}){3}$/i]

export const isLoopback = (host: string): boolean => LOOPBACK.some((pattern) => pattern.test(host))

interface Target {
  host: string
  port: unknown
}

/** Where a Socket#connect call goes (its argument forms, as net.connect normalizes them); null for a local path. */
function targetOf(args: unknown[]): Target | null {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0]
  if (typeof first === 'object' && first !== null) {
    const options = first as { host?: unknown; port?: unknown; path?: unknown }
    if (options.path !== undefined) return null
    return { host: typeof options.host === 'string' ? options.host : 'localhost', port: options.port }
  }
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    return { host: typeof args[1] === 'string' ? args[1] : 'localhost', port: first }
  }
  return null // a pipe or unix socket path
}

/** Installs the guard in this process (a function worker): every non-loopback connection fails with a coded error. */
export function refuseOutbound(): void {
  const connect = net.Socket.prototype.connect
  net.Socket.prototype.connect = function guarded(this: net.Socket, ...args: unknown[]) {
    const target = targetOf(args)
    if (target && !isLoopback(target.host)) {
      const error = Object.assign(
        new Error(`emulator refused an outbound connection to ${target.host}:${String(target.port)} (loopback only)`),
        { code: 'EMULATOR_OUTBOUND_REFUSED' },
      )
      process.stderr.write(`[emulator] ${error.message}\n`)
      process.nextTick(() => this.destroy(error))
      return this
    }
    return (connect as (...a: unknown[]) => net.Socket).apply(this, args)
  } as typeof connect
}
