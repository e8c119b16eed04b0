// Server-only actions (roles 'server'): another function reaches them through cloud.callFunction, the mini-program
// never does. Every one of them, as every persona through the gateway (which is wx_client, as the mini-program is),
// is refused with AUTH.FORBIDDEN and writes nothing; the study check-in shows the function-to-function path pays.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { ActionContract } from '../../types/action'
import { api } from '../../types/api'
import { as, type DemoEmulator, type Persona, startDemoEmulator, withoutSeededPoints } from './helpers/demo'

let t: DemoEmulator
const NOW = new Date('2026-04-08T10:00:00+08:00').getTime()

beforeAll(async () => {
  t = await startDemoEmulator({ at: NOW })
  await withoutSeededPoints(t)
}, 60_000)
afterAll(() => t.stop())

const serverOnly = Object.entries(api).flatMap(([fn, actions]) =>
  Object.entries(actions as Record<string, ActionContract>)
    .filter(([, contract]) => contract.roles === 'server')
    .map(([action]) => [fn, action] as const),
)

/** Inputs the contracts accept, so a refusal can only be the caller's. */
const inputs: Record<string, unknown> = {
  'points.settleEvent': { eventId: 'study.checkin:st_x:m_shiyan_06' },
  'pdf.render': {
    document: { title: '伪造', blocks: [{ kind: 'text', text: '不应生成', size: 11 }] },
    cloudPath: 'exports/t_demo/m_shiyan_06/forged/x.pdf',
  },
  'sheets.write': {
    tables: [{ name: '伪造', headers: ['列'], rows: [['不应生成']] }],
    cloudPath: 'exports/t_demo/m_shiyan_06/forged/x.xlsx',
  },
  'sheets.read': { fileID: 'cloud://local.6c6f-local-1250000000/imports/t_demo/m_shiyan_06/roster.xlsx' },
}

it('covers every server-only action the contracts declare', () => {
  expect(serverOnly.map(([fn, action]) => `${fn}.${action}`).sort()).toEqual(Object.keys(inputs).sort())
})

describe.each(serverOnly)('%s.%s', (fn, action) => {
  it.each(Object.keys(as) as Persona[])(
    'is refused to %s from the mini-program and writes nothing',
    async (persona) => {
      const ledger = await t.count('points_ledger', {})
      const res = await t.callUnchecked(as[persona], fn, action, inputs[`${fn}.${action}`])
      expect(res).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } })
      expect(await t.count('points_ledger', {})).toBe(ledger)
      expect(existsSync(join(t.emu.storageDir, 'exports/t_demo/m_shiyan_06/forged'))).toBe(false)
    },
  )
})

it('a study check-in is paid by the points function at once, through its server-only action', async () => {
  const task = await t.callOk(as.secretary, 'study', 'publishTask', {
    title: '学习《中国共产党章程》',
    content: { text: '请认真学习' },
    startsOn: '2026-04-01',
    dueOn: '2026-04-30',
  })
  const note = '认真学习了党章，明确了党员的义务和权利。'
  const res = await t.callOk(as.member, 'study', 'checkIn', { taskId: task.id, note })
  expect(res.pointsAwarded).toBe(1)
  // Before any timer: the points function has paid the event and marked it processed.
  const event = `study.checkin:${task.id}:m_shiyan_06`
  expect(await t.count('domain_events', { _id: event, processedAt: t.db.command.exists(true) })).toBe(1)
  expect(await t.count('points_ledger', { sourceEvent: event })).toBe(1)
  expect(
    await t.count('points_ledger', {
      sourceEvent: event,
      points: 1,
      reason: '完成学习任务“学习《中国共产党章程》”',
      grantedBy: 'system',
    }),
  ).toBe(1)
})
