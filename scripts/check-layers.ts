/**
 * The layer check `npm test` runs: every import, export-from, require() and
 * import() of cloudfunctions/, types/ and src/, read with TypeScript's own
 * pre-processor, held against scripts/layer-rules.ts. Prints each sideways
 * import with its file and specifier and fails; `npx tsx scripts/check-layers.ts`
 * runs it alone.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'
import { isMain } from './is-main'
import { sidewaysReason } from './layer-rules'

const root = join(__dirname, '..')
const CHECKED = ['cloudfunctions', 'types', 'src']
const EXTENSIONS = ['', '.ts', '.tsx', '.js', '.json', '/index.ts', '/index.tsx']

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path)
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : []
  })
}

/** The deployed functions: folders of cloudfunctions/ with an index.ts and a config.json. */
export function functionFolders(): Set<string> {
  const base = join(root, 'cloudfunctions')
  return new Set(
    readdirSync(base).filter(
      (name) => existsSync(join(base, name, 'index.ts')) && existsSync(join(base, name, 'config.json')),
    ),
  )
}

/** A relative specifier as the repository path of the file it names; a package name as itself. */
function target(fromFile: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier
  const base = resolve(dirname(fromFile), specifier)
  const found = EXTENSIONS.map((ext) => base + ext).find((path) => existsSync(path) && statSync(path).isFile())
  return relative(root, found ?? base)
}

/** Every module a file names: import, export-from, require(), import(), each with its offset in the text. */
export function importSpecifiers(text: string): { specifier: string; pos: number }[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((file) => ({ specifier: file.fileName, pos: file.pos }))
}

export interface Sideways {
  file: string
  specifier: string
  line: number
  reason: string
}

export function sidewaysImports(): { files: number; imports: number; sideways: Sideways[] } {
  const functions = functionFolders()
  const sideways: Sideways[] = []
  let files = 0
  let imports = 0
  for (const file of CHECKED.flatMap((dir) => sourceFiles(join(root, dir)))) {
    files++
    const text = readFileSync(file, 'utf8')
    const from = relative(root, file)
    for (const { specifier, pos } of importSpecifiers(text)) {
      imports++
      const reason = sidewaysReason(from, target(file, specifier), functions)
      if (!reason) continue
      sideways.push({ file: from, specifier, line: text.slice(0, pos).split('\n').length, reason })
    }
  }
  return { files, imports, sideways }
}

/** Prints the verdict; false when any import points sideways. */
export function checkLayers(): boolean {
  const { files, imports, sideways } = sidewaysImports()
  for (const found of sideways)
    console.error(`${found.file}:${found.line} imports '${found.specifier}': ${found.reason}`)
  console.log(
    `layers: ${files} files, ${imports} imports, ${sideways.length} sideways (functions: ${[...functionFolders()].join(', ')})`,
  )
  return sideways.length === 0
}

if (isMain(module)) process.exit(checkLayers() ? 0 : 1)
