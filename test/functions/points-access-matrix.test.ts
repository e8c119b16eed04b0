// Every study and points action as every persona: allowed or refused, exactly (role checks by the router,
// branch checks by the handlers). Refusals write nothing to the ledger, the tasks or the check-ins.
import { as, type DemoEmulator, type FunctionMatrixCase, type Persona, startDemoEmulator } from './helpers/demo'

let t: DemoEmulator
let taskId: string
const NOW = new Date('2026-04-08T10:00:00+08:00').getTime()
beforeAll(async () => {
  t = await startDemoEmulator({ at: NOW })
  const task = await t.call(as.secretary, 'study', 'publishTask', {
    title: '实验小学学习任务',
    content: { text: '学习党章' },
    startsOn: '2026-04-01',
    dueOn: '2026-04-30',
  })
  if (!task.ok) throw new Error(JSON.stringify(task.error))
  taskId = task.data.id
})
afterAll(() => t.stop())

type Outcome =
  | 'ok'
  | 'AUTH.FORBIDDEN'
  | 'AUTH.NOT_BOUND'
  | 'STUDY.NOT_TARGET'
  | 'STUDY.TASK_NOT_FOUND'
  | 'STUDY.NO_TARGETS'
  | 'ROSTER.NOT_FOUND'
const personas = Object.keys(as) as Persona[]
const EVERYONE_BOUND: Record<Persona, Outcome> = {
  bureau: 'ok',
  gbSecretary: 'ok',
  secretary: 'ok',
  committee: 'ok',
  member: 'ok',
  instructor: 'ok',
  unbound: 'AUTH.NOT_BOUND',
}
const only = (allowed: Persona[], otherwise: Outcome = 'AUTH.FORBIDDEN'): Record<Persona, Outcome> =>
  Object.fromEntries(
    personas.map((p) => [p, p === 'unbound' ? 'AUTH.NOT_BOUND' : allowed.includes(p) ? 'ok' : otherwise]),
  ) as Record<Persona, Outcome>

let seq = 0
const NOTE = '认真学习了党章，明确了党员的义务。'
/** [function, action, data for the call, expected outcome per persona] */
// Bureau staff and the instructor belong to no branch: they may call member actions but have nothing to claim or check in on.
const cases: FunctionMatrixCase<'points' | 'study', [expected: Record<Persona, Outcome>]>[] = [
  ['points', 'myPoints', () => ({}), EVERYONE_BOUND],
  ['points', 'getRules', () => ({}), EVERYONE_BOUND],
  [
    'points',
    'leaderboard',
    () => ({ of: 'members', branchId: 'org_b_shiyan' }),
    only(['bureau', 'secretary', 'committee', 'member']),
  ],
  [
    'points',
    'leaderboard',
    () => ({ of: 'branches' }),
    only(['bureau', 'gbSecretary', 'secretary', 'committee', 'instructor']),
  ],
  [
    'points',
    'award',
    () => ({ memberId: 'm_shiyan_05', ruleKey: 'volunteer', points: 1, reason: '志愿服务', requestId: `mx-${seq++}` }),
    only(['bureau', 'secretary']),
  ],
  [
    'points',
    'submitClaim',
    () => ({ ruleKey: 'volunteer', note: '参加社区志愿服务' }),
    {
      ...only(['gbSecretary', 'secretary', 'committee', 'member']),
      bureau: 'ROSTER.NOT_FOUND',
      instructor: 'ROSTER.NOT_FOUND',
    },
  ],
  ['points', 'listClaims', () => ({ branchId: 'org_b_shiyan' }), only(['bureau', 'secretary', 'committee'])],
  ['points', 'updateRules', () => t.callOk(as.bureau, 'points', 'getRules'), only(['bureau'])],
  ['points', 'processEvents', () => ({}), only(['bureau'])],
  ['points', 'reconcile', () => ({}), only(['bureau'])],
  ['points', 'setExempt', () => ({ memberId: 'm_shiyan_10', exempt: false }), only(['bureau', 'secretary'])],
  ['points', 'grades', () => ({ branchId: 'org_b_shiyan', year: 2026 }), only(['bureau', 'secretary', 'committee'])],
  [
    'study',
    'publishTask',
    () => ({ title: '学习任务', content: { text: '内容' }, startsOn: '2026-04-08', dueOn: '2026-04-09' }),
    only(['bureau', 'gbSecretary', 'secretary']),
  ],
  ['study', 'myTasks', () => ({}), EVERYONE_BOUND],
  ['study', 'myStudy', () => ({}), EVERYONE_BOUND],
  [
    'study',
    'getTask',
    () => ({ taskId }),
    { ...only(['bureau', 'secretary', 'committee', 'member'], 'STUDY.TASK_NOT_FOUND') },
  ],
  [
    'study',
    'checkIn',
    () => ({ taskId, note: NOTE }),
    { ...only(['secretary', 'committee', 'member'], 'STUDY.NOT_TARGET') },
  ],
  ['study', 'participation', () => ({ taskId }), only(['bureau', 'secretary', 'committee'])],
  ['study', 'nudge', () => ({ taskId, branchId: 'org_b_shiyan' }), only(['bureau', 'secretary'])],
]

const ledgerCount = async () => ((await t.db.collection('points_ledger').count()) as { total: number }).total

describe.each(cases.map(([fn, action, data, expected]) => [`${fn}.${action}`, fn, action, data, expected] as const))(
  '%s',
  (_name, fn, action, data, expected) => {
    it.each(personas)('as %s', async (persona) => {
      const input = await data(persona)
      const before = await ledgerCount()
      const result = await t.callUnchecked(as[persona], fn, action, input)
      const outcome = expected[persona]
      expect(result.ok ? 'ok' : result.error.code).toBe(
        // Bureau staff and the instructor have no branch: the router lets them call, the unit rejects by refusal codes.
        outcome,
      )
      if (outcome !== 'ok') expect(await ledgerCount()).toBe(before)
    })
  },
)
