/** Sizes of what ships: the weapp packages and each cloud-function bundle. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { Figure } from './figure'

const root = join(__dirname, '..', '..')

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  )
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10

export default async function run(): Promise<Figure[]> {
  const dist = join(root, 'dist')
  const app = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8')) as { subPackages?: { root: string }[] }
  const subRoots = (app.subPackages ?? []).map((sub) => sub.root.replace(/\/$/, ''))
  const sizes = new Map<string, number>([['main', 0]])
  let total = 0
  for (const file of filesUnder(dist)) {
    const path = relative(dist, file)
    const size = statSync(file).size
    total += size
    const sub = subRoots.find((subRoot) => path.startsWith(`${subRoot}/`))
    sizes.set(sub ?? 'main', (sizes.get(sub ?? 'main') ?? 0) + size)
  }
  const figures: Figure[] = [
    { name: 'weapp main package', value: kb(sizes.get('main') ?? 0), unit: 'KB', budget: { max: 700 } },
    { name: 'weapp total', value: kb(total), unit: 'KB', budget: { max: 20 * 1024 } },
  ]
  for (const sub of subRoots) {
    figures.push({ name: `weapp subpackage ${sub}`, value: kb(sizes.get(sub) ?? 0), unit: 'KB', budget: { max: 2048 } })
  }
  const functionsDir = join(root, 'build', 'cloudfunctions')
  for (const name of readdirSync(functionsDir)) {
    const bundle = join(functionsDir, name, 'index.js')
    if (existsSync(bundle))
      figures.push({ name: `function bundle ${name}`, value: kb(statSync(bundle).size), unit: 'KB' })
  }
  const wall = join(root, 'bench', 'test-wall-time.json')
  if (existsSync(wall)) {
    const { seconds } = JSON.parse(readFileSync(wall, 'utf8')) as { seconds: number }
    figures.push({ name: 'npm test wall time (last run)', value: Math.round(seconds), unit: 's', budget: { max: 600 } })
  }
  return figures
}
