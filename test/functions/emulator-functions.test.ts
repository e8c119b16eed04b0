// The functions runtime: gateway identity, worker pool semantics, callFunction, openapi outbox, triggers.
import { parseCron } from '../../emulator/functions/cron'
import { startTestEmulator, type TestEmulator } from './helpers/emulator'

let t: TestEmulator

beforeAll(async () => {
  t = await startTestEmulator({ workers: 2 })
})

afterAll(async () => {
  await t.stop()
})

interface Echo {
  wx: Record<string, unknown>
  event: Record<string, unknown>
  functionName: string
  nowMs: string
  pid: number
}

const admin = async (path: string, init?: RequestInit): Promise<{ status: number; body: unknown }> => {
  const res = await fetch(`${t.emu.url}/api/_emulator/${path}`, init)
  return { status: res.status, body: (await res.json()) as unknown }
}

describe('gateway', () => {
  test('X-WX-OPENID reaches getWXContext; the body is the event', async () => {
    const res = await t.gateway('echo', { action: 'ping', data: { a: 1 } }, 'o-alice')
    expect(res.status).toBe(200)
    const echo = res.body as Echo
    expect(echo.wx).toMatchObject({ OPENID: 'o-alice', APPID: 'wxlocalappid00000', ENV: 'local' })
    expect(echo.event).toMatchObject({ action: 'ping', data: { a: 1 } })
    expect(echo.functionName).toBe('echo')
  })

  test('SOURCE is wx_client, whatever the body claims', async () => {
    const claims = { action: 'ping', SOURCE: 'wx_client,scf', source: 'scf', userInfo: { source: 'scf' } }
    const res = await t.gateway('echo', claims, 'o-alice')
    expect((res.body as Echo).wx.SOURCE).toBe('wx_client')
  })

  test('a timer event sent through the gateway is still a client call (wx_client), anonymous or not', async () => {
    for (const openid of ['o-alice', undefined]) {
      const res = await t.gateway('echo', { Type: 'Timer', TriggerName: 'remind', SOURCE: 'wx_trigger' }, openid)
      expect((res.body as Echo).wx.SOURCE).toBe('wx_client')
      expect((res.body as Echo).wx.OPENID).toBe(openid)
    }
  })

  test('an anonymous caller has no OPENID (not the previous caller’s)', async () => {
    await t.gateway('echo', {}, 'o-previous')
    await t.gateway('echo', {}, 'o-previous')
    const res = await t.gateway('echo', { action: 'ping' })
    expect((res.body as Echo).wx.OPENID).toBeUndefined()
  })

  test('unknown function → 404 JSON', async () => {
    const res = await t.gateway('no-such-function', {})
    expect(res.status).toBe(404)
    expect(res.body).toMatchObject({ code: 'FUNCTION_NOT_FOUND' })
  })

  test('a throwing function → 500 with its message', async () => {
    const res = await t.gateway('boom', {})
    expect(res.status).toBe(500)
    expect(res.body).toMatchObject({ code: 'FUNCTIONS_EXECUTE_FAIL', errMsg: expect.stringContaining('boom') })
  })
})

describe('worker pool', () => {
  test('each worker runs one invocation at a time; extra calls queue', async () => {
    const started = performance.now()
    const runs = (await Promise.all(Array.from({ length: 4 }, () => t.emu.invoke('sleep', { ms: 300 })))) as {
      pid: number
      start: number
      end: number
    }[]
    const pids = new Set(runs.map((r) => r.pid))
    expect(pids.size).toBe(2)
    for (const pid of pids) {
      const mine = runs.filter((r) => r.pid === pid).sort((a, b) => a.start - b.start)
      for (let i = 1; i < mine.length; i++) expect(mine[i]?.start).toBeGreaterThanOrEqual(mine[i - 1]?.end ?? 0)
    }
    expect(performance.now() - started).toBeGreaterThanOrEqual(600)
  })

  test('a function past its config.json timeout fails, and the pool keeps serving', async () => {
    const started = performance.now()
    const res = await t.gateway('slow', {})
    expect(res.status).toBe(504)
    expect(res.body).toMatchObject({ code: 'FUNCTIONS_TIME_LIMIT_EXCEEDED' })
    expect(performance.now() - started).toBeLessThan(3000)
    expect((await t.gateway('echo', {}, 'o-after')).status).toBe(200)
  })

  test('a crashing worker answers an error and is replaced', async () => {
    const res = await t.gateway('crash', {})
    expect(res.status).toBe(500)
    expect(res.body).toMatchObject({ code: 'FUNCTIONS_CRASHED' })
    const after = await Promise.all([t.emu.invoke('sleep', { ms: 50 }), t.emu.invoke('sleep', { ms: 50 })])
    expect(after).toHaveLength(2)
  })

  test('EMULATOR_NOW_MS carries the emulator clock', async () => {
    t.emu.clock.set(1_700_000_000_000)
    try {
      const echo = (await t.emu.invoke('echo', {})) as Echo
      expect(echo.nowMs).toBe('1700000000000')
    } finally {
      t.emu.clock.set(null)
    }
  })
})

describe('cloud.callFunction', () => {
  test('between functions: result returned, caller OPENID propagated', async () => {
    const res = (await t.emu.invoke('caller', { target: 'echo', data: { x: 1 } }, { openid: 'o-bob' })) as {
      ok: boolean
      result: Echo
      me: string
    }
    expect(res.ok).toBe(true)
    expect(res.me).toBe('o-bob')
    expect(res.result.event).toEqual({ x: 1 })
    expect(res.result.wx.OPENID).toBe('o-bob')
  })

  test('the callee’s SOURCE is the caller’s chain with scf appended, as the platform’s', async () => {
    const fromClient = (await t.gateway('caller', { target: 'echo', data: {} }, 'o-bob')).body as { result: Echo }
    expect(fromClient.result.wx.SOURCE).toBe('wx_client,scf')
    const twoHops = (await t.emu.invoke('caller', { target: 'caller', data: { target: 'echo', data: {} } })) as {
      result: { result: Echo }
    }
    expect(twoHops.result.result.wx.SOURCE).toBe('wx_client,scf,scf')
  })

  test('callee throws → FUNCTIONS_EXECUTE_FAIL, errCode -1', async () => {
    const res = await t.emu.invoke('caller', { target: 'boom', data: {} })
    expect(res).toMatchObject({ ok: false, errCode: -1, code: 'FUNCTIONS_EXECUTE_FAIL' })
    expect((res as { errMsg: string }).errMsg).toMatch(/callFunction:fail .*boom/)
  })

  test('nested calls do not deadlock when every worker is busy', async () => {
    const calls = Array.from({ length: 3 }, (_, i) => t.emu.invoke('caller', { target: 'echo', data: { i } }))
    const results = (await Promise.all(calls)) as { ok: boolean }[]
    expect(results.every((r) => r.ok)).toBe(true)
  })

  test('from the test process through the SDK', async () => {
    const res = await t.cloud.callFunction({ name: 'echo', data: { direct: true } })
    expect((res.result as Echo).event).toEqual({ direct: true })
  })
})

describe('openapi + outbox', () => {
  test('subscribe / updatable / wxacode are answered and recorded with the caller', async () => {
    const before = (await t.emu.outbox()).length
    const res = await t.gateway('notify', { touser: 'o-carol', scene: 'm=42' }, 'o-carol')
    expect(res.status).toBe(200)
    const body = res.body as {
      sent: { errCode: number }
      activity: { activityId: string; expirationTime: number }
      code: { contentType: string; base64: string }
    }
    expect(body.sent.errCode).toBe(0)
    expect(body.activity.activityId).toMatch(/^emu_activity_/)
    expect(body.activity.expirationTime).toBeGreaterThan(t.emu.clock.now() / 1000)
    expect(body.code.contentType).toBe('image/png')
    const png = Buffer.from(body.code.base64, 'base64')
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a')

    const entries = (await t.emu.outbox()).slice(before)
    expect(entries.map((e) => e.apiName)).toEqual([
      'subscribeMessage.send',
      'updatableMessage.createActivityId',
      'updatableMessage.setUpdatableMsg',
      'wxacode.getUnlimited',
    ])
    expect(entries.every((e) => e.openid === 'o-carol' && e.function === 'notify')).toBe(true)
    expect(entries[0]?.params).toMatchObject({
      touser: 'o-carol',
      template_id: 'tmpl-meeting',
      data: { thing1: { value: '支部会议' } },
    })
    expect(entries[2]?.params).toMatchObject({ activity_id: body.activity.activityId, target_state: 0 })
    expect(entries[3]?.params).toMatchObject({ scene: 'm=42' })
    const viaAdmin = await admin('outbox')
    expect((viaAdmin.body as unknown[]).length).toBe(before + 4)
  })
})

describe('timer triggers', () => {
  test('config.json cron (7 fields) matching', () => {
    const every5 = parseCron('0 */5 * * * * *')
    expect(every5.matches(new Date(2025, 0, 1, 10, 15, 0))).toBe(true)
    expect(every5.matches(new Date(2025, 0, 1, 10, 16, 0))).toBe(false)
    expect(every5.matches(new Date(2025, 0, 1, 10, 15, 1))).toBe(false)
    const weekdays9 = parseCron('0 0 9 * * MON-FRI *')
    expect(weekdays9.matches(new Date(2025, 0, 6, 9, 0, 0))).toBe(true) // Monday
    expect(weekdays9.matches(new Date(2025, 0, 5, 9, 0, 0))).toBe(false) // Sunday
  })

  test('fireTrigger with a frozen clock delivers the Timer event and writes', async () => {
    const frozen = Date.UTC(2025, 2, 3, 1, 5, 0)
    t.emu.clock.set(frozen)
    try {
      const res = (await t.emu.fireTrigger('remind', 'remind')) as { id: string; event: unknown; wx: Echo['wx'] }
      expect(res.event).toEqual({ Type: 'Timer', TriggerName: 'remind', Time: new Date(frozen).toISOString() })
      // As CloudBase fires a timer: the trigger source, and no WeChat user behind it.
      expect(res.wx.SOURCE).toBe('wx_trigger')
      expect(res.wx.OPENID).toBeUndefined()
      const { data } = await t.db.collection('reminders').doc(res.id).get()
      expect(data).toMatchObject({ trigger: 'remind', time: new Date(frozen).toISOString(), at: new Date(frozen) })
    } finally {
      t.emu.clock.set(null)
    }
  })

  test('admin endpoint fires a trigger; unknown trigger is refused', async () => {
    const ok = await admin('triggers/remind/remind', { method: 'POST' })
    expect(ok.status).toBe(200)
    expect(ok.body).toMatchObject({ event: { Type: 'Timer', TriggerName: 'remind' } })
    await expect(t.emu.fireTrigger('remind', 'nope')).rejects.toThrow(/no timer trigger/)
  })
})

describe('admin endpoints', () => {
  test('health and clock', async () => {
    expect((await admin('health')).body).toMatchObject({ ok: true })
    const set = await admin('clock', { method: 'POST', body: JSON.stringify({ now: 1234 }) })
    expect(set.body).toEqual({ now: 1234, frozen: true })
    expect(t.emu.clock.now()).toBe(1234)
    await admin('clock', { method: 'POST', body: JSON.stringify({ now: null }) })
    // real clock: this checks that clearing the frozen time returns the emulator to the machine's time.
    expect(Math.abs(t.emu.clock.now() - Date.now())).toBeLessThan(1000)
  })

  test('personas lists dev_personas, empty when the collection is missing', async () => {
    expect((await admin('personas')).body).toEqual([])
    await t.db.createCollection('dev_personas')
    await t.db.collection('dev_personas').add({ data: { _id: 'p1', openid: 'o-p1', label: '书记' } })
    expect((await admin('personas')).body).toEqual([{ _id: 'p1', openid: 'o-p1', label: '书记' }])
  })

  test('an action the emulator does not know fails loudly, naming it', async () => {
    const res = await fetch(`${t.emu.url}/tcb?env=local`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'database.somethingNew' }),
    })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({
      code: 'EMULATOR_ACTION_NOT_EMULATED',
      message: expect.stringContaining('database.somethingNew'),
    })
  })
})
