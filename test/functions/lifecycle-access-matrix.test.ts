// Every 发展党员 action as every persona: allowed or refused, exactly (role checks by the router, branch
// checks by the handlers, the applicant actions by the applicant binding). A refused call writes nothing:
// no file, no audit entry, no binding.
import { as, type DemoEmulator, type MatrixCase, type Persona, startDemoEmulator } from './helpers/demo'

let t: DemoEmulator
const NOW = new Date('2026-12-10T10:00:00+08:00').getTime()
beforeAll(async () => {
  t = await startDemoEmulator({ at: NOW })
})
afterAll(() => t.stop())

type Outcome =
  | 'ok'
  | 'AUTH.FORBIDDEN'
  | 'AUTH.NOT_BOUND'
  | 'AUTH.ALREADY_BOUND'
  | 'DEVELOPMENT.NOT_APPLICANT'
  | 'INVITATION.NOT_FOUND'
const personas = Object.keys(as) as Persona[]
const only = (allowed: Persona[]): Record<Persona, Outcome> =>
  Object.fromEntries(
    personas.map((p) => [p, p === 'unbound' ? 'AUTH.NOT_BOUND' : allowed.includes(p) ? 'ok' : 'AUTH.FORBIDDEN']),
  ) as Record<Persona, Outcome>
const everyone = (outcome: Outcome, unbound: Outcome = outcome) =>
  Object.fromEntries(personas.map((p) => [p, p === 'unbound' ? unbound : outcome])) as Record<Persona, Outcome>

let seq = 0
/** A fresh file of 实验小学党支部 per call, so an allowed write never meets another row's. */
async function newFile(): Promise<string> {
  const file = await t.callOk(as.secretary, 'lifecycle', 'createDevelopmentFile', {
    branchId: 'org_b_shiyan',
    name: `矩阵${seq}`,
    teachingRole: 'teacher',
    appliedOn: '2026-12-01',
    requestId: `matrix-${seq++}`,
  })
  return file.id
}
async function activistFile(): Promise<string> {
  const fileId = await newFile()
  for (const [on, step] of [
    ['2026-12-02', 'application_talk'],
    ['2026-12-03', 'activist_decision'],
  ] as const) {
    await t.callOk(as.secretary, 'lifecycle', 'recordDevelopmentStep', { fileId, on, details: { step } })
  }
  return fileId
}

const MANAGERS = only(['bureau', 'secretary'])
const READERS = only(['bureau', 'secretary', 'committee'])
const cases: MatrixCase<'lifecycle', [expected: Record<Persona, Outcome>]>[] = [
  [
    'createDevelopmentFile',
    () => ({
      branchId: 'org_b_shiyan',
      name: '新申请人',
      teachingRole: 'staff' as const,
      appliedOn: '2026-12-01',
      requestId: `matrix-create-${seq++}`,
    }),
    MANAGERS,
  ],
  [
    'updateDevelopmentPerson',
    async () => ({ fileId: await newFile(), name: '改名', teachingRole: 'manager' as const, keyTeacher: true }),
    MANAGERS,
  ],
  [
    'recordDevelopmentStep',
    async () => ({ fileId: await newFile(), on: '2026-12-05', details: { step: 'application_talk' as const } }),
    MANAGERS,
  ],
  [
    'attachMaterial',
    async () => {
      const fileId = await newFile()
      return {
        fileId,
        step: 'application' as const,
        material: 'application_letter' as const,
        fileIds: [`cloud://env.bucket/development/t_demo/${fileId}/letter.jpg`],
      }
    },
    MANAGERS,
  ],
  ['closeDevelopmentFile', async () => ({ fileId: await newFile(), on: '2026-12-09', reason: '调离本校' }), MANAGERS],
  ['inviteApplicant', async () => ({ fileId: await newFile() }), MANAGERS],
  [
    'addReviewNote',
    async () => ({
      requestId: `matrix-note-${seq++}`,
      fileId: await activistFile(),
      on: '2026-12-08',
      text: '该同志积极参加支部组织的学习活动。',
    }),
    READERS,
  ],
  ['developmentFile', async () => ({ fileId: await newFile() }), READERS],
  ['listDevelopment', () => ({ branchId: 'org_b_shiyan' }), READERS],
  ['developmentDue', () => ({ branchId: 'org_b_shiyan' }), READERS],
  ['pipeline', () => ({ year: 2026 }), only(['bureau'])],
  ['myDevelopmentFile', () => ({}), everyone('DEVELOPMENT.NOT_APPLICANT')],
  [
    'acceptApplicantInvitation',
    () => ({ code: 'AAAAAAAAAAAAAAAA', name: '新申请人' }),
    everyone('AUTH.ALREADY_BOUND', 'INVITATION.NOT_FOUND'),
  ],
]

const written = async () =>
  Promise.all(['development_files', 'audit_log', 'applicant_bindings'].map((c) => t.count(c, {})))

describe.each(cases.map(([action, data, expected]) => [action, data, expected] as const))(
  'lifecycle.%s',
  (action, data, expected) => {
    it.each(personas)('as %s', async (persona) => {
      const input = await data(persona)
      const before = await written()
      const result = await t.callUnchecked(as[persona], 'lifecycle', action, input)
      const outcome = expected[persona]
      expect(result.ok ? 'ok' : result.error.code).toBe(outcome)
      if (outcome !== 'ok') expect(await written()).toEqual(before)
    })
  },
)

it('an instructor reads the files of the branches assigned to them, and only those', async () => {
  const file = await t.callOk(as.bureau, 'lifecycle', 'createDevelopmentFile', {
    branchId: 'org_b_zhizhong',
    name: '职中申请人',
    teachingRole: 'teacher',
    appliedOn: '2026-12-01',
    requestId: `matrix-zz-${seq++}`,
  })
  expect(await t.call(as.instructor, 'lifecycle', 'developmentFile', { fileId: file.id })).toMatchObject({
    ok: true,
    data: { canManage: false, phone: null },
  })
  expect(await t.call(as.secretary, 'lifecycle', 'developmentFile', { fileId: file.id })).toMatchObject({
    ok: false,
    error: { code: 'AUTH.FORBIDDEN' },
  })
})
