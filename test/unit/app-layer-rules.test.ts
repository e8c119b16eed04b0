import { importViolation } from '../../scripts/app-layer-rules'
import { sidewaysReason } from '../../scripts/layer-rules'

test.each([
  [
    'a subpackage page uses its own components',
    'src/subpackages/meetings/pages/roll/index.tsx',
    'src/subpackages/meetings/components/roll-list',
  ],
  ['a subpackage uses the shared layer', 'src/subpackages/bureau/pages/matrix/index.tsx', 'src/lib/time'],
  [
    'a subpackage uses a shared component',
    'src/subpackages/bureau/pages/leaderboard/index.tsx',
    'src/components/leaderboard-rows',
  ],
  ['a tab page uses its own folder', 'src/pages/meetings/index.tsx', 'src/pages/meetings/components/meeting-row'],
  ['a tab page uses the shared layer', 'src/pages/points/index.tsx', 'src/hooks/use-action'],
  ['anyone reads the contracts', 'src/subpackages/study/pages/task/index.tsx', 'types/study'],
  ['the shared layer uses itself', 'src/hooks/use-submit.ts', 'src/lib/form-errors'],
  ['the app shell uses the shared layer', 'src/app.tsx', 'src/lib/care-mode'],
])('allowed: %s', (_, from, to) => {
  expect(importViolation(from, to)).toBeNull()
})

test.each([
  [
    'a subpackage reaches into a tab page',
    'src/subpackages/points/components/claim-review.tsx',
    'src/pages/study/format',
    'subpackage "points" may not import tab page "study"',
  ],
  [
    'a subpackage reaches into another subpackage',
    'src/subpackages/bureau/pages/leaderboard/index.tsx',
    'src/subpackages/points/components/leaderboard-rows',
    'subpackage "bureau" may not import subpackage "points"',
  ],
  [
    'a tab page reaches into a subpackage (it would pull subpackage code into the main package)',
    'src/pages/study/index.tsx',
    'src/subpackages/study/lib/publish-draft',
    'tab page "study" may not import subpackage "study"',
  ],
  [
    'a tab page reaches into another tab',
    'src/pages/points/index.tsx',
    'src/pages/study/format',
    'tab page "points" may not import tab page "study"',
  ],
  [
    'the shared layer reaches into a tab page',
    'src/components/pager/index.tsx',
    'src/pages/meetings/labels',
    'the shared layer may not import tab page "meetings"',
  ],
  [
    'a page imports function code',
    'src/subpackages/meetings/lib/summary.ts',
    'cloudfunctions/domain/meetings/attendance-summary',
    'function code never ships',
  ],
])('refused: %s', (_, from, to, reason) => {
  expect(importViolation(from, to)).toContain(reason)
})

test('the layer check applies these rules to the app, beside the server rules', () => {
  const functions = new Set(['meetings'])
  expect(
    sidewaysReason('src/subpackages/points/pages/award/index.tsx', 'src/pages/study/format.ts', functions),
  ).toContain('subpackage "points" may not import tab page "study"')
  expect(sidewaysReason('src/subpackages/points/pages/award/index.tsx', 'src/lib/time.ts', functions)).toBeNull()
  expect(sidewaysReason('src/pages/home/index.tsx', 'cloudfunctions/meetings/index.ts', functions)).toBe(
    'the app reaches the server only through src/services/call.ts',
  )
})
