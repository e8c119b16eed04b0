// The refusing half of every role × action matrix, generated from the contracts (types/api.ts): for every
// action, each demo persona whose roles the contract does not name is refused — AUTH.FORBIDDEN, or
// AUTH.NOT_BOUND for a WeChat bound to nobody; a server-only action refuses every client — and the database is
// as it was. A new action is covered without a new row; the allowing half (each allowed persona answers ok)
// is the hand-written *-access-matrix suites', whose inputs must fit the persona.
import type { ActionContract } from '../../types/action'
import { api } from '../../types/api'
import { as, type DemoEmulator, type Persona, startDemoEmulator } from './helpers/demo'
import { baseInput } from './helpers/hostile-inputs'

let t: DemoEmulator
const NOW = new Date('2026-05-12T09:00:00+08:00').getTime()
/** Each bound persona's roles, as the router derives them (roster.me answers them). */
const rolesOf = new Map<Persona, readonly string[]>()

beforeAll(async () => {
  t = await startDemoEmulator({ at: NOW })
  for (const persona of Object.keys(as) as Persona[]) {
    if (persona === 'unbound') continue
    rolesOf.set(persona, (await t.callOk(as[persona], 'roster', 'me')).roles)
  }
}, 60_000)
afterAll(() => t.stop())

const actions = Object.entries(api).flatMap(([fn, group]) =>
  Object.entries(group as Record<string, ActionContract>).map(([action, contract]) => [fn, action, contract] as const),
)

/** What the persona must get when the contract does not admit them, or null when it does. */
function refusalFor(contract: ActionContract, persona: Persona): string | null {
  if (contract.roles === 'server') return 'AUTH.FORBIDDEN'
  if (contract.roles === 'anyone') return null
  if (persona === 'unbound') return 'AUTH.NOT_BOUND'
  const roles = contract.roles as readonly string[]
  return rolesOf.get(persona)?.some((role) => roles.includes(role)) ? null : 'AUTH.FORBIDDEN'
}

it('the personas hold every role a contract may name', () => {
  const held = new Set([...rolesOf.values()].flat())
  const named = new Set(actions.flatMap(([, , c]) => (Array.isArray(c.roles) ? (c.roles as string[]) : [])))
  expect([...named].filter((role) => !held.has(role))).toEqual([])
})

describe.each(actions)('%s.%s', (fn, action, contract) => {
  it('refuses every persona its roles do not admit, and writes nothing', async () => {
    const before = await t.emu.snapshot()
    const personas = (Object.keys(as) as Persona[]).filter((persona) => refusalFor(contract, persona) !== null)
    const answers = await Promise.all(
      personas.map(async (persona) => {
        const res = await t.callUnchecked(as[persona], fn, action, baseInput(contract))
        return [persona, res.ok ? 'ok' : res.error.code] as const
      }),
    )
    expect(answers).toEqual(personas.map((persona) => [persona, refusalFor(contract, persona)]))
    expect(await t.emu.snapshot()).toEqual(before)
  })
})
