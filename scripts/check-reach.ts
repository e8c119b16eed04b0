/**
 * No action without a screen: every action in the catalogue (types/api.ts) is
 * called from the app (src/) through the one transport — `call(fn, action, …)`
 * of src/services/call.ts or `useAction(fn, action, …)` of src/hooks/use-action.ts,
 * which `useSubmit` and every page's helper wrap — or its contract is
 * server-only (`roles: 'server'` with the reason docs/api.md shows). A new
 * action nobody can reach from a screen fails `npm test`.
 *
 * Call sites are read with TypeScript's type checker, not with a pattern: an
 * action passed through a variable (`call('bureau', action, input)` with
 * `action: 'exportSheet' | 'monthlyReport'`) counts for each literal its type
 * allows, and a call site whose function or action is not a literal type at all
 * fails the check, so nothing slips past it.
 *
 *   tsx scripts/check-reach.ts     prints what is unreachable, exits 1 if anything is
 */
import { join, relative, sep } from 'node:path'
import ts from 'typescript'
import type { ActionContract } from '../types/action'
import { api } from '../types/api'
import { isMain } from './is-main'

const root = join(__dirname, '..')

/**
 * Actions whose screens another branch is still building, listed (with the
 * issue) so a branch's check passes before those screens land; emptied when
 * they merge, and the check fails on any entry a screen reaches. Empty since
 * the meetings (#13) and reminders (#15) screens were merged.
 */
export const PENDING_SCREENS: Readonly<Record<string, string>> = {}

/** One action as the catalogue holds it. */
export interface CatalogueAction {
  name: string // 'fn.action'
  serverOnly: boolean
}

export function catalogueOf(functions: Record<string, Record<string, ActionContract>> = api): CatalogueAction[] {
  return Object.entries(functions).flatMap(([fn, actions]) =>
    Object.entries(actions).map(([action, contract]) => ({
      name: `${fn}.${action}`,
      serverOnly: contract.roles === 'server',
    })),
  )
}

/** Where the app calls an action. */
export interface CallSite {
  name: string // 'fn.action'
  at: string // 'src/…/index.tsx:12'
}

/**
 * What the check finds wrong: actions no screen calls, server-only actions the
 * app calls anyway, allow-list entries that are stale (a screen calls them, or
 * the action no longer exists), and call sites it could not read.
 */
export function reachProblems(
  catalogue: readonly CatalogueAction[],
  sites: readonly CallSite[],
  pending: Readonly<Record<string, string>>,
  unreadable: readonly string[] = [],
): string[] {
  const called = new Set(sites.map((site) => site.name))
  const known = new Set(catalogue.map((action) => action.name))
  const problems: string[] = []
  for (const action of catalogue) {
    if (action.serverOnly) {
      const site = sites.find((s) => s.name === action.name)
      if (site) problems.push(`${action.name} is server-only but the app calls it at ${site.at}`)
      continue
    }
    if (called.has(action.name)) {
      if (pending[action.name]) {
        problems.push(
          `${action.name} is reached from a screen now: take it off PENDING_SCREENS in scripts/check-reach.ts`,
        )
      }
      continue
    }
    if (!pending[action.name]) {
      problems.push(
        `${action.name} has no screen: call it from src/ (call/useAction) or make its contract server-only with a reason`,
      )
    }
  }
  for (const name of Object.keys(pending)) {
    if (!known.has(name)) problems.push(`PENDING_SCREENS names ${name}, which is not in the catalogue`)
  }
  for (const site of unreadable) problems.push(`cannot tell which action is called at ${site}: pass literal names`)
  return problems
}

/** The transport's entry points: (file relative to the root, exported function). */
const ENTRY_POINTS = [
  ['src/services/call.ts', 'call'],
  ['src/hooks/use-action.ts', 'useAction'],
] as const

const posix = (path: string) => path.split(sep).join('/')

/** The string literals a type allows: itself, each member of a union, or its type parameter's constraint. */
function literalsOf(checker: ts.TypeChecker, type: ts.Type): string[] | null {
  const resolved = type.isTypeParameter() ? checker.getBaseConstraintOfType(type) : type
  if (!resolved) return null
  const members = resolved.isUnion() ? resolved.types : [resolved]
  const values: string[] = []
  for (const member of members) {
    if (!member.isStringLiteral()) return null
    values.push(member.value)
  }
  return values
}

/** Every call of the transport in a program's files under `under`, with the actions its arguments name. */
export function callSitesOf(
  program: ts.Program,
  base: string,
  under = 'src/',
): { sites: CallSite[]; unreadable: string[] } {
  const checker = program.getTypeChecker()
  const sites: CallSite[] = []
  const unreadable: string[] = []
  const isEntryPoint = (node: ts.Expression): boolean => {
    let symbol = checker.getSymbolAtLocation(node)
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol)
    const declaration = symbol?.declarations?.[0]
    if (!declaration || !symbol) return false
    const file = posix(relative(base, declaration.getSourceFile().fileName))
    return ENTRY_POINTS.some(([path, name]) => path === file && name === symbol.name)
  }
  for (const source of program.getSourceFiles()) {
    const file = posix(relative(base, source.fileName))
    if (!file.startsWith(under) || ENTRY_POINTS.some(([path]) => path === file)) continue
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && isEntryPoint(node.expression)) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source))
        const at = `${file}:${line + 1}`
        const [fnArg, actionArg] = node.arguments
        const fns = fnArg ? literalsOf(checker, checker.getTypeAtLocation(fnArg)) : null
        const actions = actionArg ? literalsOf(checker, checker.getTypeAtLocation(actionArg)) : null
        if (!fns || !actions) unreadable.push(at)
        else for (const fn of fns) for (const action of actions) sites.push({ name: `${fn}.${action}`, at })
      }
      ts.forEachChild(node, visit)
    }
    visit(source)
  }
  return { sites, unreadable }
}

/** The app as tsconfig.json compiles it. */
export function appProgram(base = root): ts.Program {
  const configPath = join(base, 'tsconfig.json')
  const config = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))
      },
    },
  )
  if (!config) throw new Error(`cannot read ${configPath}`)
  const appFiles = config.fileNames.filter((file) => posix(relative(base, file)).startsWith('src/'))
  return ts.createProgram(appFiles, config.options)
}

export function checkReach(base = root): string[] {
  const { sites, unreadable } = callSitesOf(appProgram(base), base)
  return reachProblems(catalogueOf(), sites, PENDING_SCREENS, unreadable)
}

if (isMain(module)) {
  const problems = checkReach()
  for (const line of problems) console.error(line)
  const total = catalogueOf().length
  console.log(
    problems.length
      ? `${problems.length} problems with reaching the ${total} actions from the app`
      : `every one of the ${total} actions is reached from a screen or is server-only (pending screens: ${Object.keys(PENDING_SCREENS).length})`,
  )
  process.exit(problems.length ? 1 : 0)
}
