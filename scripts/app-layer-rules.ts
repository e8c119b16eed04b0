/**
 * The client's layers, as pure rules scripts/layer-rules.ts applies to src/: a subpackage imports only itself and the shared
 * layer (src/components, src/lib, src/hooks, src/services), never a tab page's
 * folder nor another subpackage; a tab page imports only its own folder and the
 * shared layer; the shared layer imports neither pages nor subpackages; nothing
 * in src/ imports function code (cloudfunctions/). Contracts (types/) and npm
 * packages are open to all. A sideways import would move code between weapp
 * packages behind the build's back (or fail on the phone). scripts/check-layers.ts
 * applies these with the server's rules in one pass over every import.
 */
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
