/**
 * Which way imports may point (design.md, "Architecture at a glance"), as pure
 * rules over repository paths: scripts/check-layers.ts applies them to every
 * import of the code that ships, and `npm test` fails on the first sideways one.
 *
 *   cloudfunctions/<fn>/        a deployed function: its own folder, shared/, runtime/, domain/ (its own rules
 *                               in domain/<fn>/ and the neutral ones), types/ — never another function's folder
 *   cloudfunctions/shared/      services several functions use: runtime/, domain/, types/
 *   cloudfunctions/runtime/     the ports and the router: neutral domain rules and types/ only
 *   cloudfunctions/domain/      pure rules: domain/<fn>/ never imports domain/<other fn>/; the neutral rules
 *                               (top-level files, folders not named after a function) import no function's rules;
 *                               no SDK, no ports, no services
 *   types/                      contracts: types/ only
 *   src/                        the app: never the server's code or the emulator; inside it, the
 *                               client's own layers (scripts/app-layer-rules.ts: subpackages and tab pages
 *                               never import each other, the shared src/ layer imports neither)
 */
import { importViolation as appImportViolation } from './app-layer-rules'

/** Where a path lies, as far as the layers care. */
export type Place =
  | { layer: 'function'; fn: string }
  | { layer: 'shared' }
  | { layer: 'runtime' }
  | { layer: 'domain'; fn: string | null }
  | { layer: 'types' }
  | { layer: 'app' }
  | { layer: 'other' }

/** `functions` are the folders of cloudfunctions/ that deploy (index.ts + config.json). */
export function placeOf(path: string, functions: ReadonlySet<string>): Place {
  const parts = path.split('/')
  if (parts[0] === 'types') return { layer: 'types' }
  if (parts[0] === 'src') return { layer: 'app' }
  if (parts[0] !== 'cloudfunctions' || parts.length < 3) return { layer: 'other' }
  const [, folder, inner] = parts
  if (folder === 'shared') return { layer: 'shared' }
  if (folder === 'runtime') return { layer: 'runtime' }
  if (folder === 'domain') return { layer: 'domain', fn: parts.length > 3 && functions.has(inner) ? inner : null }
  if (functions.has(folder)) return { layer: 'function', fn: folder }
  return { layer: 'other' }
}

const describePlace = (place: Place): string => {
  switch (place.layer) {
    case 'function':
      return `the ${place.fn} function`
    case 'domain':
      return place.fn ? `${place.fn}'s pure rules (domain/${place.fn}/)` : 'the neutral pure rules'
    case 'shared':
      return 'the shared layer'
    case 'runtime':
      return 'the runtime ports'
    case 'types':
      return 'the contracts (types/)'
    case 'app':
      return 'the app (src/)'
    case 'other':
      return 'tooling'
  }
}

/**
 * Why `from` may not import `to` (both repository paths; `to` is a resolved
 * file, or a bare package name), or null when the import points the right way.
 */
export function sidewaysReason(from: string, to: string, functions: ReadonlySet<string>): string | null {
  const source = placeOf(from, functions)
  const bare = !to.includes('/') || !/^(cloudfunctions|types|src|emulator|scripts|test|database)\//.test(to)
  if (bare) {
    return source.layer === 'domain' && /^wx-server-sdk(\/|$)/.test(to)
      ? 'pure rules never reach the platform SDK: take what they need as arguments'
      : null
  }
  const target = placeOf(to, functions)
  const serverSide = (place: Place) => ['function', 'shared', 'runtime', 'domain'].includes(place.layer)
  const toolingOnly = /^(emulator|scripts|test)\//.test(to)
  if (source.layer === 'other') return null
  if (toolingOnly) return `${describePlace(source)} never imports tooling (${to.split('/')[0]}/)`
  if (source.layer === 'types')
    return target.layer === 'types' ? null : 'contracts import only contracts: they are shared with the app'
  if (source.layer === 'app')
    return serverSide(target)
      ? 'the app reaches the server only through src/services/call.ts'
      : appImportViolation(from, to)
  if (target.layer === 'app') return `${describePlace(source)} never imports the app (src/)`
  if (target.layer === 'function') {
    if (source.layer === 'function' && source.fn === target.fn) return null
    return source.layer === 'function'
      ? `a function never imports another function's folder (${describePlace(target)}): what both need belongs in cloudfunctions/shared/ or domain/, and domains talk through data (domain events, digests)`
      : `${describePlace(source)} never imports a function's folder (${describePlace(target)})`
  }
  if (target.layer === 'shared') {
    return source.layer === 'function' || source.layer === 'shared'
      ? null
      : `${describePlace(source)} sits below the shared layer and never imports it`
  }
  if (target.layer === 'runtime') {
    return source.layer === 'domain' ? 'pure rules never import the runtime ports: take data as arguments' : null
  }
  if (target.layer === 'domain') {
    if (source.layer === 'shared' || target.fn === null) return null
    if (source.layer === 'runtime') return `the runtime ports import only neutral rules, not ${describePlace(target)}`
    if (source.fn === target.fn) return null
    return `${describePlace(source)} never imports ${describePlace(target)}: what two domains' rules need lives at domain/ top level or in a neutral folder`
  }
  return null
}
