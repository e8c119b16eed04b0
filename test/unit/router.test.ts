import { DomainError } from '../../cloudfunctions/runtime/domain-error'
import type { Files } from '../../cloudfunctions/runtime/files'
import type { Ports } from '../../cloudfunctions/runtime/ports'
import { createRouter } from '../../cloudfunctions/runtime/router'
import { defineAction } from '../../types/action'
import type { MemberDoc } from '../../types/roster'
import * as z from '../../types/zod'
import { memberDoc } from '../fixtures/member-doc'
import { memoryStore } from './memory-store'

const member = (over: Partial<MemberDoc>): MemberDoc =>
  memberDoc({ _id: 'm1', tenantId: 't1', name: '王建国', branchId: 'b1' }, over)

const contracts = {
  rename: defineAction({
    summary: 'test action a secretary may call',
    input: z.object({ name: z.string().min(2) }),
    output: z.object({ greeting: z.string() }),
    roles: ['branch_secretary'],
    errors: ['ROSTER.NOT_FOUND'],
  }),
}

function setup(handler: (input: { name: string }) => Promise<{ greeting: string }>, openid: string | null = 'o_sec') {
  const store = memoryStore({
    bindings: [
      { _id: 'o_sec', memberId: 'm_sec' },
      { _id: 'o_plain', memberId: 'm_plain' },
      { _id: 'o_gone', memberId: 'm_gone' },
    ] as never[],
    members: [
      member({ _id: 'm_sec', committeePosition: 'secretary' }),
      member({ _id: 'm_plain' }),
      member({ _id: 'm_gone', committeePosition: 'secretary', status: 'inactive' }),
    ],
  })
  const calls: unknown[] = []
  const main = createRouter(
    contracts,
    {
      rename: async (input) => {
        calls.push(input)
        return handler(input)
      },
    },
    () => ({ ...noPorts, store, openid: () => openid, source: () => 'wx_client' }),
  )
  return { main, calls }
}

/** The router never touches storage, messages or other functions itself; a test handler that did would fail loudly. */
const refuse = (what: string) => () => Promise.reject(new Error(`no ${what} in router tests`))
const noFiles: Files = {
  upload: refuse('storage'),
  download: refuse('storage'),
  link: refuse('storage'),
  remove: refuse('storage'),
}
const noPorts: Omit<Ports, 'store'> = {
  files: noFiles,
  clock: { now: () => 0 },
  messaging: {
    subscribe: refuse('messages'),
    createActivity: refuse('messages'),
    updateActivity: refuse('messages'),
    postRobot: refuse('messages'),
  },
  functions: { call: refuse('function calls') },
}

const greet = async ({ name }: { name: string }) => ({ greeting: `你好，${name}` })

describe('router', () => {
  it('runs an allowed, valid call and answers its data', async () => {
    const { main } = setup(greet)
    expect(await main({ action: 'rename', data: { name: '李四' } })).toEqual({
      ok: true,
      data: { greeting: '你好，李四' },
    })
  })

  it.each([
    ['an unknown action', { action: 'dropTables', data: {} }],
    ['an event without an action', { data: {} }],
    ['a non-object event', 'rename'],
    ['an inherited property name', { action: 'toString', data: {} }],
  ])('answers INPUT.UNKNOWN_ACTION for %s without running a handler', async (_case, event) => {
    const { main, calls } = setup(greet)
    const result = await main(event)
    expect(result).toMatchObject({ ok: false, error: { code: 'INPUT.UNKNOWN_ACTION' } })
    expect(calls).toHaveLength(0)
  })

  it.each([
    ['no OPENID', null],
    ['an OPENID with no binding', 'o_stranger'],
    ['a binding to a deactivated member', 'o_gone'],
  ])('answers AUTH.NOT_BOUND for %s', async (_case, openid) => {
    const { main, calls } = setup(greet, openid)
    const result = await main({ action: 'rename', data: { name: '李四' } })
    expect(result).toMatchObject({ ok: false, error: { code: 'AUTH.NOT_BOUND' } })
    if (!result.ok) expect(result.error.message).toContain('绑定')
    expect(calls).toHaveLength(0)
  })

  it('answers AUTH.FORBIDDEN to a role the action does not allow', async () => {
    const { main, calls } = setup(greet, 'o_plain')
    expect(await main({ action: 'rename', data: { name: '李四' } })).toMatchObject({
      ok: false,
      error: { code: 'AUTH.FORBIDDEN', message: '您没有权限进行此操作' },
    })
    expect(calls).toHaveLength(0)
  })

  it('answers INPUT.INVALID with the zod issues, in Chinese, before the handler runs', async () => {
    const { main, calls } = setup(greet)
    const result = await main({ action: 'rename', data: { name: 'x' } })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('INPUT.INVALID')
    const issues = result.error.details as { path: string[]; message: string }[]
    expect(issues[0].path).toEqual(['name'])
    expect(issues[0].message).toMatch(/[\u4e00-\u9fa5]/)
    expect(calls).toHaveLength(0)
  })

  it.each([
    ['an unknown field', { name: '李四', isAdmin: true }, ['isAdmin']],
    ['a MongoDB operator as a field', { name: '李四', $where: 'sleep(1000)' }, ['$where']],
    ['an operator in place of a value', { name: { $gt: '' } }, null],
    ['a prototype key', JSON.parse('{"name":"李四","__proto__":{"admin":true}}'), ['__proto__']],
  ])('refuses %s with INPUT.INVALID before the handler runs', async (_case, data, path) => {
    const { main, calls } = setup(greet)
    const result = await main({ action: 'rename', data })
    expect(result).toMatchObject({ ok: false, error: { code: 'INPUT.INVALID' } })
    if (path && !result.ok) expect((result.error.details as { path: string[] }[])[0].path).toEqual(path)
    expect(calls).toHaveLength(0)
  })

  it('turns a DomainError into its code and message', async () => {
    const { main } = setup(async () => {
      throw new DomainError('ROSTER.NOT_FOUND', '没有找到这名党员')
    })
    expect(await main({ action: 'rename', data: { name: '李四' } })).toEqual({
      ok: false,
      error: { code: 'ROSTER.NOT_FOUND', message: '没有找到这名党员' },
    })
  })

  it('hides an unexpected failure behind SYSTEM.INTERNAL', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => {})
    const { main } = setup(async () => {
      throw new Error('connection string with secrets')
    })
    const result = await main({ action: 'rename', data: { name: '李四' } })
    expect(result).toMatchObject({ ok: false, error: { code: 'SYSTEM.INTERNAL' } })
    expect(JSON.stringify(result)).not.toContain('secrets')
    spy.mockRestore()
  })

  it('refuses to answer data outside the output contract', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => {})
    const { main } = setup(async () => ({ greeting: 42 }) as unknown as { greeting: string })
    expect(await main({ action: 'rename', data: { name: '李四' } })).toMatchObject({
      ok: false,
      error: { code: 'SYSTEM.INTERNAL' },
    })
    spy.mockRestore()
  })

  describe('a server-only action', () => {
    const serverContracts = {
      render: defineAction({
        summary: 'test action only another function may call',
        input: z.object({ text: z.string().min(1) }),
        output: z.object({ length: z.number() }),
        roles: 'server',
        serverOnly: 'renders for other functions',
        errors: [],
      }),
    }

    function serverSetup(source: string | null) {
      const calls: unknown[] = []
      // No bindings at all: a server-only action never looks for a bound caller.
      const store = memoryStore({})
      const main = createRouter(
        serverContracts,
        {
          render: async (input) => {
            calls.push(input)
            return { length: input.text.length }
          },
        },
        () => ({ ...noPorts, store, openid: () => 'o_sec', source: () => source }),
      )
      return { main, calls }
    }

    it.each([
      ['another function called from the mini-program', 'wx_client,scf'],
      ['another function called by a timer', 'wx_trigger,scf'],
      ['a function called by a function', 'wx_client,scf,scf'],
    ])('runs when %s asks (SOURCE %s)', async (_case, source) => {
      const { main, calls } = serverSetup(source)
      expect(await main({ action: 'render', data: { text: '三会一课' } })).toEqual({ ok: true, data: { length: 4 } })
      expect(calls).toHaveLength(1)
    })

    it.each([
      ['the mini-program', 'wx_client'],
      ['WeChat DevTools', 'wx_devtools'],
      ['the HTTP API', 'wx_http'],
      ['a timer', 'wx_trigger'],
      ['a chain whose last hop is not a function', 'scf,wx_client'],
      ['no SOURCE at all', null],
    ])('answers AUTH.FORBIDDEN to %s without running the handler', async (_case, source) => {
      const { main, calls } = serverSetup(source)
      expect(await main({ action: 'render', data: { text: '三会一课' } })).toMatchObject({
        ok: false,
        error: { code: 'AUTH.FORBIDDEN' },
      })
      expect(calls).toHaveLength(0)
    })

    it('still checks the input of a call from another function', async () => {
      const { main, calls } = serverSetup('wx_client,scf')
      expect(await main({ action: 'render', data: { text: '' } })).toMatchObject({
        ok: false,
        error: { code: 'INPUT.INVALID' },
      })
      expect(calls).toHaveLength(0)
    })
  })
})
