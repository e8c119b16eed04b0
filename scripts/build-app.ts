/** Builds the Taro app for one target (weapp → dist/, h5 → dist-h5/) with the project's own taro CLI. */

import { isMain } from './is-main'
import { runBin } from './node-bin'

export function buildApp(target: 'weapp' | 'h5'): void {
  const run = runBin('@tarojs/cli', 'taro', ['build', '--type', target], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'production', BROWSERSLIST_IGNORE_OLD_DATA: '1' },
    encoding: 'utf8',
  })
  if (run.status !== 0) {
    process.stderr.write(`${run.stdout}${run.stderr}`)
    throw new Error(`taro build --type ${target} failed`)
  }
}

if (isMain(module)) {
  for (const target of process.argv.slice(2) as ('weapp' | 'h5')[]) buildApp(target)
}
