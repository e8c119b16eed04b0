/**
 * Bundles each cloud function (a folder of cloudfunctions/ with index.ts and
 * config.json) into build/cloudfunctions/<name>/, the folder
 * project.config.json's cloudfunctionRoot names, so WeChat DevTools uploads
 * exactly what the tests ran. wx-server-sdk stays external and is listed in
 * the generated package.json, as CloudBase installs it on upload.
 */

import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { build } from 'esbuild'
import { isMain } from './is-main'

const root = join(__dirname, '..')
const sourceRoot = join(root, 'cloudfunctions')
export const functionsOutDir = join(root, 'build', 'cloudfunctions')

export function functionNames(): string[] {
  return readdirSync(sourceRoot).filter(
    (name) => existsSync(join(sourceRoot, name, 'index.ts')) && existsSync(join(sourceRoot, name, 'config.json')),
  )
}

/**
 * Files a bundle reads at run time (a font for PDFs…), listed in the function's
 * optional files.json as `target: npm module path`, copied beside the bundle
 * so the uploaded folder holds them.
 */
function copyRuntimeFiles(name: string, outDir: string): void {
  const list = join(sourceRoot, name, 'files.json')
  if (!existsSync(list)) return
  const entries = Object.entries(JSON.parse(readFileSync(list, 'utf8')) as Record<string, string>)
  for (const [target, modulePath] of entries) {
    if (target.startsWith('$')) continue
    const destination = join(outDir, target)
    mkdirSync(dirname(destination), { recursive: true })
    copyFileSync(createRequire(join(root, 'package.json')).resolve(modulePath), destination)
  }
}

export async function buildFunctions(): Promise<{ name: string; bytes: number }[]> {
  const sdkVersion = JSON.parse(readFileSync(join(root, 'node_modules/wx-server-sdk/package.json'), 'utf8')).version
  rmSync(functionsOutDir, { recursive: true, force: true })
  const built: { name: string; bytes: number }[] = []
  for (const name of functionNames()) {
    const outDir = join(functionsOutDir, name)
    mkdirSync(outDir, { recursive: true })
    await build({
      entryPoints: [join(sourceRoot, name, 'index.ts')],
      outfile: join(outDir, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node16', // the oldest runtime CloudBase offers for new functions
      format: 'cjs',
      external: ['wx-server-sdk'],
      minify: true,
      sourcemap: false,
      legalComments: 'none',
      logLevel: 'warning',
    })
    copyFileSync(join(sourceRoot, name, 'config.json'), join(outDir, 'config.json'))
    copyRuntimeFiles(name, outDir)
    writeFileSync(
      join(outDir, 'package.json'),
      `${JSON.stringify({ name, version: '1.0.0', private: true, main: 'index.js', dependencies: { 'wx-server-sdk': sdkVersion } }, null, 2)}\n`,
    )
    built.push({ name, bytes: statSync(join(outDir, 'index.js')).size })
  }
  return built
}

if (isMain(module)) {
  buildFunctions().then(
    (built) => {
      for (const { name, bytes } of built) console.log(`  ${name.padEnd(12)} ${(bytes / 1024).toFixed(1)} KB`)
    },
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    },
  )
}
