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
