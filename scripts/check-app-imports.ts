/**
 * The client's layers, checked: a subpackage imports only itself and the shared
 * layer (src/components, src/lib, src/hooks, src/services), never a tab page's
 * folder nor another subpackage; a tab page imports only its own folder and the
 * shared layer; the shared layer imports neither pages nor subpackages; nothing
 * in src/ imports function code (cloudfunctions/). Contracts (types/) and npm
 * packages are open to all. A sideways import would move code between weapp
 * packages behind the build's back (or fail on the phone); `npm test` runs this.
 *
 *   tsx scripts/check-app-imports.ts     prints each violation, exits 1 if any
 */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import ts from 'typescript'
import { isMain } from './is-main'

const root = join(__dirname, '..')

/** Where a file sits in the client's layering. */
export type Layer =
  | { kind: 'subpackage'; name: string }
  | { kind: 'tab'; name: string }
  | { kind: 'shared' }
  | { kind: 'contracts' }
  | { kind: 'functions' }
  | { kind: 'other' }

/** The layer of a path relative to the repository root, with '/' separators. */
export function layerOf(path: string): Layer {
  const parts = path.split('/')
  if (parts[0] === 'types') return { kind: 'contracts' }
  if (parts[0] === 'cloudfunctions') return { kind: 'functions' }
  if (parts[0] !== 'src') return { kind: 'other' }
  if (parts[1] === 'subpackages' && parts.length > 3) return { kind: 'subpackage', name: parts[2] }
  if (parts[1] === 'pages' && parts.length > 3) return { kind: 'tab', name: parts[2] }
  return { kind: 'shared' }
}

const describe = (layer: Layer) =>
  'name' in layer ? `${layer.kind === 'tab' ? 'tab page' : 'subpackage'} "${layer.name}"` : layer.kind

/** Why `from` may not import `to` (both relative to the repository root), or null when it may. */
export function importViolation(from: string, to: string): string | null {
  const source = layerOf(from)
  const target = layerOf(to)
  if (source.kind === 'contracts' || source.kind === 'functions' || source.kind === 'other') return null
  if (target.kind === 'contracts' || target.kind === 'shared') return null
  if (target.kind === 'functions') return 'function code never ships in the app; share it through types/'
  if (target.kind === 'other') return `src/ reaches outside the app (${to})`
  if (source.kind === 'shared')
    return `the shared layer may not import ${describe(target)}; move what both need into src/`
  if (source.kind === target.kind && source.name === target.name) return null
  return `${describe(source)} may not import ${describe(target)}; move what both need into src/components or src/lib`
}

/** Relative import specifiers of a TypeScript source (imports, re-exports, require and import()). */
export function importsOf(text: string): string[] {
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.map((file) => file.fileName)
    .filter((name) => name.startsWith('.'))
}

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourcesUnder(path)
    return /\.(ts|tsx|js)$/.test(entry.name) ? [path] : []
  })
}

const posix = (path: string) => path.split(sep).join('/')

/** Every violation in src/, as 'file → import: reason'. */
export function checkAppImports(base = root): string[] {
  const violations: string[] = []
  for (const file of sourcesUnder(join(base, 'src'))) {
    const from = posix(relative(base, file))
    for (const spec of importsOf(readFileSync(file, 'utf8'))) {
      const to = posix(relative(base, resolve(dirname(file), spec)))
      const reason = importViolation(from, to)
      if (reason) violations.push(`${from} → ${spec}: ${reason}`)
    }
  }
  return violations
}

if (isMain(module)) {
  const violations = checkAppImports()
  for (const line of violations) console.error(line)
  console.log(violations.length ? `${violations.length} sideways imports in src/` : 'src/ imports follow the layers')
  process.exit(violations.length ? 1 : 0)
}
