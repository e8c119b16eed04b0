import { type ChildProcess, spawn } from 'node:child_process'
import { join } from 'node:path'

const ROOT = join(__dirname, '..', '..', '..')

export interface CliEmulator {
  child: ChildProcess
  url: string
  output: string[]
}

// Spawns `node --import tsx emulator/cli.ts ...` directly (no npx wrapper), so the pid is the emulator
// itself and `kill -9` hits it, and resolves once it prints its URL.
export function spawnCli(args: string[]): Promise<CliEmulator> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'emulator', 'cli.ts'), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const output: string[] = []
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`CLI did not start:\n${output.join('')}`)), 20_000)
    child.stderr?.on('data', (c: Buffer) => output.push(c.toString()))
    child.stdout?.on('data', (c: Buffer) => {
      output.push(c.toString())
      const m = /listening on (http:\/\/\S+)/.exec(output.join(''))
      if (m?.[1]) {
        clearTimeout(timer)
        resolve({ child, url: m[1], output })
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`CLI exited early (${code}):\n${output.join('')}`))
    })
  })
}

export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode)
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)))
}

// One raw /tcb call with the wire shape the SDK uses (see emulator/tcb/database-actions.ts).
export async function tcb(url: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const res = await fetch(`${url}/tcb?env=local`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return (await res.json()) as Record<string, unknown>
}

/**
 * Runs `writers` concurrent loops of `write(w, i)` against a running CLI emulator and
 * `kill -9`s it once `ackedAtLeast` writes have been acknowledged, so the kill lands
 * while appends are in flight. `write` answers the acknowledged id, or null; a refused
 * or reset connection ends that writer. Resolves with every acknowledged id once the
 * process is gone and every writer has stopped.
 */
export async function killMidBurst(
  emulator: CliEmulator,
  options: { writers: number; ackedAtLeast: number; write: (w: number, i: number) => Promise<string | null> },
): Promise<string[]> {
  const acked: string[] = []
  let killed = false
  const writer = async (w: number): Promise<void> => {
    for (let i = 0; !killed; i++) {
      try {
        const id = await options.write(w, i)
        if (id !== null) acked.push(id)
      } catch {
        return // connection refused/reset: the process is gone
      }
    }
  }
  const writers = Array.from({ length: options.writers }, (_, w) => writer(w))
  while (acked.length < options.ackedAtLeast) await new Promise((r) => setTimeout(r, 5))
  emulator.child.kill('SIGKILL')
  killed = true
  await exited(emulator.child)
  await Promise.all(writers)
  return acked
}
