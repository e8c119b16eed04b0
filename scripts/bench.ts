/**
 * `npm run bench`: runs every test/bench/*.bench.ts, prints one table of
 * figures with their budgets, and writes the same to bench/results.json.
 * Builds what it measures first, so it works on a fresh clone.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Figure } from '../test/bench/figure'
import { buildApp } from './build-app'
import { buildFunctions } from './build-functions'

const root = join(__dirname, '..')

interface Row extends Figure {
  holds: boolean | null
}

function holds(figure: Figure): boolean | null {
  if (!figure.budget) return null
  const { max, min } = figure.budget
  return (max === undefined || figure.value <= max) && (min === undefined || figure.value >= min)
}

function budgetText(figure: Figure): string {
  if (!figure.budget) return ''
  const { max, min } = figure.budget
  return [min !== undefined ? `≥ ${min}` : '', max !== undefined ? `≤ ${max}` : ''].filter(Boolean).join(' ')
}

async function main(): Promise<void> {
  await buildFunctions()
  if (!existsSync(join(root, 'dist', 'app.json'))) buildApp('weapp')
  const only = process.argv[2]
  const dir = join(root, 'test', 'bench')
  const files = readdirSync(dir)
    .filter((file) => file.endsWith('.bench.ts') && (!only || file.includes(only)))
    .sort()
  const rows: Row[] = []
  for (const file of files) {
    const run = (await import(join(dir, file))).default as () => Promise<Figure[]>
    process.stdout.write(`» ${file}… `)
    const t0 = Date.now()
    const figures = await run()
    console.log(`${((Date.now() - t0) / 1000).toFixed(1)} s`)
    for (const figure of figures) rows.push({ ...figure, holds: holds(figure) })
  }
  const width = Math.max(...rows.map((row) => row.name.length), 10)
  console.log(`\n${'figure'.padEnd(width)}  ${'value'.padStart(10)}  unit      budget        holds`)
  for (const row of rows) {
    const value = Number.isInteger(row.value) ? String(row.value) : row.value.toFixed(2)
    const verdict = row.holds === null ? '' : row.holds ? 'yes' : 'NO'
    console.log(
      `${row.name.padEnd(width)}  ${value.padStart(10)}  ${row.unit.padEnd(8)}  ${budgetText(row).padEnd(12)}  ${verdict}`,
    )
  }
  mkdirSync(join(root, 'bench'), { recursive: true })
  writeFileSync(join(root, 'bench', 'results.json'), `${JSON.stringify(rows, null, 2)}\n`)
  console.log('\nwritten to bench/results.json')
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
