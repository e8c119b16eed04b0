import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import ts from 'typescript'
import {
  type CallSite,
  type CatalogueAction,
  callSitesOf,
  catalogueOf,
  PENDING_SCREENS,
  reachProblems,
} from '../../scripts/check-reach'

const catalogue: CatalogueAction[] = [
  { name: 'roster.me', serverOnly: false },
  { name: 'roster.tree', serverOnly: false },
  { name: 'meetings.update', serverOnly: false },
  { name: 'pdf.render', serverOnly: true },
]
const site = (name: string): CallSite => ({ name, at: 'src/pages/x/index.tsx:3' })

describe('the rule', () => {
  test('every client action called, server-only ones not: nothing to report', () => {
    expect(reachProblems(catalogue, [site('roster.me'), site('roster.tree'), site('meetings.update')], {})).toEqual([])
  })

  test('a new action without a screen fails, naming it', () => {
    expect(reachProblems(catalogue, [site('roster.me'), site('meetings.update')], {})).toEqual([
      'roster.tree has no screen: call it from src/ (call/useAction) or make its contract server-only with a reason',
    ])
  })

  test('a server-only action needs no screen, and the app may not call it', () => {
    const called = [site('roster.me'), site('roster.tree'), site('meetings.update')]
    expect(reachProblems(catalogue, called, {})).toEqual([])
    expect(reachProblems(catalogue, [...called, site('pdf.render')], {})).toEqual([
      'pdf.render is server-only but the app calls it at src/pages/x/index.tsx:3',
    ])
  })

  test('an action whose screen another engineer is building passes only while listed', () => {
    const called = [site('roster.me'), site('roster.tree')]
    expect(reachProblems(catalogue, called, { 'meetings.update': 'issue #13' })).toEqual([])
    expect(reachProblems(catalogue, called, {})).toHaveLength(1)
  })

  test('a pending entry a screen now reaches, or that names no action, is stale and fails', () => {
    const called = [site('roster.me'), site('roster.tree'), site('meetings.update')]
    expect(reachProblems(catalogue, called, { 'meetings.update': 'issue #13', 'meetings.gone': 'x' })).toEqual([
      'meetings.update is reached from a screen now: take it off PENDING_SCREENS in scripts/check-reach.ts',
      'PENDING_SCREENS names meetings.gone, which is not in the catalogue',
    ])
  })

  test('a call site whose action cannot be read fails', () => {
    const called = [site('roster.me'), site('roster.tree'), site('meetings.update')]
    expect(reachProblems(catalogue, called, {}, ['src/pages/y/index.tsx:9'])).toEqual([
      'cannot tell which action is called at src/pages/y/index.tsx:9: pass literal names',
    ])
  })
})

describe('reading call sites with the type checker', () => {
  let base: string
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(base, path)), { recursive: true })
    writeFileSync(join(base, path), text)
  }
  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'reach-'))
    write(
      'src/services/call.ts',
      'export function call(fn: string, action: string, data: unknown) { return { fn, action, data } }\n',
    )
    write(
      'src/hooks/use-action.ts',
      'export function useAction(fn: string, action: string, data: unknown) { return { fn, action, data } }\n',
    )
    write(
      'src/pages/a/index.tsx',
      [
        "import { call } from '../../services/call'",
        "import { useAction } from '../../hooks/use-action'",
        "import { call as send } from '../../services/call'",
        "export const read = () => useAction('roster', 'me', {})",
        "export const write = () => call('points', 'award', {})",
        "export const renamed = () => send('study', 'nudge', {})",
        "type Export = 'exportSheet' | 'monthlyReport'",
        "export function download<A extends Export>(action: A) { return call('bureau', action, {}) }",
        "export const picked = (which: 'update' | 'cancel') => call('meetings', which, {})",
        "export const unknown = (name: string) => call('meetings', name, {})",
        'const call2 = (a: string, b: string) => [a, b]',
        "export const notTheTransport = () => call2('x', 'y')",
      ].join('\n'),
    )
  })
  afterAll(() => rmSync(base, { recursive: true, force: true }))

  test('literals, aliases, unions and type parameters count; other functions do not; a plain string is unreadable', () => {
    const program = ts.createProgram([join(base, 'src/pages/a/index.tsx')], { strict: true, noLib: true, types: [] })
    const { sites, unreadable } = callSitesOf(program, base)
    expect(sites.map((s) => s.name).sort()).toEqual(
      [
        'roster.me',
        'points.award',
        'study.nudge',
        'bureau.exportSheet',
        'bureau.monthlyReport',
        'meetings.update',
        'meetings.cancel',
      ].sort(),
    )
    expect(sites.find((s) => s.name === 'points.award')?.at).toBe('src/pages/a/index.tsx:5')
    expect(unreadable).toEqual(['src/pages/a/index.tsx:10'])
  })
})

test('the catalogue lists every function’s actions, the server-only ones marked', () => {
  const all = catalogueOf()
  expect(all.find((a) => a.name === 'pdf.render')?.serverOnly).toBe(true)
  expect(all.find((a) => a.name === 'roster.me')?.serverOnly).toBe(false)
  for (const name of Object.keys(PENDING_SCREENS)) expect(all.some((a) => a.name === name)).toBe(true)
})
