import { importSpecifiers } from '../../scripts/check-layers'
import { sidewaysReason } from '../../scripts/layer-rules'

const FUNCTIONS = new Set(['roster', 'meetings', 'points', 'study', 'bureau', 'pdf'])
const check = (from: string, to: string) => sidewaysReason(from, to, FUNCTIONS)

describe('the layer rules', () => {
  it.each([
    ['a function its own files', 'cloudfunctions/bureau/matrix.ts', 'cloudfunctions/bureau/scope.ts'],
    ['a function the shared layer', 'cloudfunctions/bureau/remind.ts', 'cloudfunctions/shared/audit.ts'],
    ['a function the runtime ports', 'cloudfunctions/study/check-in.ts', 'cloudfunctions/runtime/store.ts'],
    ['a function its own rules', 'cloudfunctions/bureau/matrix.ts', 'cloudfunctions/domain/bureau/cells.ts'],
    ['a function neutral rules', 'cloudfunctions/points/grades.ts', 'cloudfunctions/domain/ranking.ts'],
    [
      'a function a neutral rules folder',
      'cloudfunctions/study/publish-task.ts',
      'cloudfunctions/domain/access/roles.ts',
    ],
    ['a function the contracts', 'cloudfunctions/meetings/list.ts', 'types/meetings.ts'],
    ['a function the platform SDK', 'cloudfunctions/runtime/cloud.ts', 'wx-server-sdk'],
    [
      'the shared layer another shared module',
      'cloudfunctions/shared/record-book.ts',
      'cloudfunctions/shared/exports.ts',
    ],
    [
      'the shared layer a domain’s rules',
      'cloudfunctions/shared/meeting-rules.ts',
      'cloudfunctions/domain/meetings/rules.ts',
    ],
    ['the runtime neutral rules', 'cloudfunctions/runtime/caller.ts', 'cloudfunctions/domain/access/roles.ts'],
    ['domain rules their own folder', 'cloudfunctions/domain/points/grant.ts', 'cloudfunctions/domain/points/caps.ts'],
    [
      'domain rules the neutral ones',
      'cloudfunctions/domain/bureau/cells.ts',
      'cloudfunctions/domain/meeting-compliance.ts',
    ],
    ['domain rules node:crypto', 'cloudfunctions/domain/meetings/qr-token.ts', 'node:crypto'],
    ['contracts contracts', 'types/api.ts', 'types/pdf.ts'],
    ['contracts zod', 'types/zod.ts', 'zod'],
    ['the app the contracts', 'src/services/call.ts', 'types/api.ts'],
    ['tooling anything', 'scripts/seed/seed.ts', 'cloudfunctions/points/totals.ts'],
    ['tests anything', 'test/unit/points-rules.test.ts', 'cloudfunctions/points/ledger.ts'],
  ])('lets %s be imported', (_case, from, to) => {
    expect(check(from, to)).toBeNull()
  })

  it.each([
    [
      'a function another function’s folder',
      'cloudfunctions/bureau/leaderboard.ts',
      'cloudfunctions/points/standings.ts',
      /another function's folder/,
    ],
    [
      'a function another domain’s rules',
      'cloudfunctions/bureau/matrix.ts',
      'cloudfunctions/domain/meetings/digest.ts',
      /meetings's pure rules/,
    ],
    [
      'the shared layer a function',
      'cloudfunctions/shared/messaging/study-nudges.ts',
      'cloudfunctions/meetings/robot.ts',
      /never imports a function's folder/,
    ],
    [
      'the runtime the shared layer',
      'cloudfunctions/runtime/router.ts',
      'cloudfunctions/shared/audit.ts',
      /below the shared layer/,
    ],
    [
      'the runtime a function',
      'cloudfunctions/runtime/router.ts',
      'cloudfunctions/roster/me.ts',
      /never imports a function's folder/,
    ],
    [
      'the runtime a domain’s rules',
      'cloudfunctions/runtime/caller.ts',
      'cloudfunctions/domain/roster/tree.ts',
      /only neutral rules/,
    ],
    [
      'domain rules sideways',
      'cloudfunctions/domain/points/score-import.ts',
      'cloudfunctions/domain/roster/import/cells.ts',
      /never imports roster's pure rules/,
    ],
    [
      'neutral rules a domain’s',
      'cloudfunctions/domain/ranking.ts',
      'cloudfunctions/domain/points/caps.ts',
      /never imports points's pure rules/,
    ],
    [
      'domain rules the ports',
      'cloudfunctions/domain/points/grant.ts',
      'cloudfunctions/runtime/store.ts',
      /pure rules never import the runtime/,
    ],
    [
      'domain rules the shared layer',
      'cloudfunctions/domain/meetings/rules.ts',
      'cloudfunctions/shared/meeting-rules.ts',
      /below the shared layer/,
    ],
    [
      'domain rules a function',
      'cloudfunctions/domain/study/targets.ts',
      'cloudfunctions/study/task-view.ts',
      /never imports a function's folder/,
    ],
    ['domain rules the SDK', 'cloudfunctions/domain/time.ts', 'wx-server-sdk', /platform SDK/],
    ['a function the app', 'cloudfunctions/roster/me.ts', 'src/services/call.ts', /never imports the app/],
    ['a function the emulator', 'cloudfunctions/runtime/cloud.ts', 'emulator/index.ts', /tooling/],
    ['contracts the server', 'types/api.ts', 'cloudfunctions/runtime/router.ts', /contracts import only contracts/],
    ['the app the server', 'src/pages/mine/index.tsx', 'cloudfunctions/domain/time.ts', /src\/services\/call.ts/],
  ])('refuses %s, saying why', (_case, from, to, why) => {
    expect(check(from, to)).toMatch(why)
  })

  it('reads every form a module is named in: import, export-from, require and import()', () => {
    const text = [
      "import { a } from './a'",
      "import type { B } from '../b'",
      "export { c } from './c'",
      "export * from './d'",
      "const e = require('./e')",
      "const f = await import('./f')",
      "// import { g } from './g' in a comment is not an import",
    ].join('\n')
    expect(importSpecifiers(text).map((found) => found.specifier)).toEqual(['./a', '../b', './c', './d', './e', './f'])
  })
})
