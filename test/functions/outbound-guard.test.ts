// Functions in the emulator reach only loopback: a group robot saved with its real WeCom address (what a branch
// does in production, and what a test without the local stand-in robot would post to) is refused inside the
// function's worker, before DNS, and the secretary's 发送测试消息 says why — the request never leaves the machine.
import { as, type DemoEmulator, startDemoEmulator } from './helpers/demo'

let t: DemoEmulator
const NOW = new Date('2026-05-12T09:00:00+08:00').getTime()
const REAL_WEBHOOK = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=0000aaaa-1111-2222-3333-44445555ffff'

beforeAll(async () => {
  // Without the stand-in robot's base the meetings function accepts only the real WeCom origin.
  delete process.env.WECOM_WEBHOOK_BASE
  t = await startDemoEmulator({ at: NOW })
}, 60_000)
afterAll(() => t.stop())

test("a robot post to WeCom's real host is refused in the worker, and 发送测试消息 answers the refusal", async () => {
  await t.callOk(as.secretary, 'meetings', 'setRobot', { branchId: 'org_b_shiyan', url: REAL_WEBHOOK })
  const res = await t.call(as.secretary, 'meetings', 'testRobot', { branchId: 'org_b_shiyan' })
  expect(res.ok).toBe(false)
  if (res.ok) return
  expect(res.error.code).toBe('REMINDER.ROBOT_FAILED')
  expect(res.error.message).toContain('emulator refused an outbound connection to qyapi.weixin.qq.com:443')
})
