// Every 发展党员 action as every persona: allowed or refused, exactly (role checks by the router, branch
// checks by the handlers, the applicant actions by the applicant binding). A refused call writes nothing:
// no file, no audit entry, no binding.
import {
  as,
  type DemoEmulator,
  describeMatrix,
  type MatrixCase,
  onlyAllowed,
  type Persona,
  startDemoEmulator,
} from './helpers/demo'

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

const MANAGERS = onlyAllowed(['bureau', 'secretary'])
const READERS = onlyAllowed(['bureau', 'secretary', 'committee'])
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
  ['pipeline', () => ({ year: 2026 }), onlyAllowed(['bureau', 'gbSecretary', 'instructor'])],
  ['exportDevelopmentRegister', () => ({ branchId: 'org_b_shiyan' }), MANAGERS],
  // Every branch the caller manages: the tenant, the 党总支's branches, the secretary's own.
  ['exportDevelopmentRegister', () => ({ branchId: null }), onlyAllowed(['bureau', 'secretary', 'gbSecretary'])],
  ['myDevelopmentFile', () => ({}), everyone('DEVELOPMENT.NOT_APPLICANT')],
  [
    'acceptApplicantInvitation',
    () => ({ code: 'AAAAAAAAAAAAAAAA', name: '新申请人' }),
    everyone('AUTH.ALREADY_BOUND', 'INVITATION.NOT_FOUND'),
  ],
]

const written = async () =>
  Promise.all(['development_files', 'audit_log', 'applicant_bindings'].map((c) => t.count(c, {})))

describeMatrix(() => t, 'lifecycle', cases, written)

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

describe('a 总支书记 and an instructor see the files of the branches they oversee', () => {
  const GENERAL_BRANCH = ['org_b_yz_high', 'org_b_yz_junior']
  const GUIDED = ['org_b_shanqu', 'org_b_zhizhong']
  const filesIn = async (branchIds: string[]) => t.count('development_files', { branchId: t.db.command.in(branchIds) })
  const people = (stages: Record<string, number>) => Object.values(stages).reduce((sum, n) => sum + n, 0)

  it('the 发展党员 figures count their branches and no others', async () => {
    const general = await t.callOk(as.gbSecretary, 'lifecycle', 'pipeline', { year: 2026 })
    expect(general.branches.map((row) => row.branchId)).toContain('org_b_yz_high')
    expect(general.branches.every((row) => GENERAL_BRANCH.includes(row.branchId))).toBe(true)
    expect(general.branches.reduce((sum, row) => sum + people(row.stages), 0)).toBe(await filesIn(GENERAL_BRANCH))

    const guided = await t.callOk(as.instructor, 'lifecycle', 'pipeline', { year: 2026 })
    expect(guided.branches.map((row) => row.branchId)).toContain('org_b_zhizhong')
    expect(guided.branches.every((row) => GUIDED.includes(row.branchId))).toBe(true)
    expect(guided.byTeachingRole.reduce((sum, row) => sum + people(row.stages), 0)).toBe(await filesIn(GUIDED))
  })

  it('each of their branches opens its list and due items; a branch outside is refused', async () => {
    for (const branchId of GENERAL_BRANCH) {
      expect(await t.call(as.gbSecretary, 'lifecycle', 'listDevelopment', { branchId })).toMatchObject({ ok: true })
      expect(await t.call(as.gbSecretary, 'lifecycle', 'developmentDue', { branchId })).toMatchObject({ ok: true })
    }
    for (const branchId of GUIDED) {
      expect(await t.call(as.instructor, 'lifecycle', 'listDevelopment', { branchId })).toMatchObject({ ok: true })
    }
    expect(await t.call(as.gbSecretary, 'lifecycle', 'listDevelopment', { branchId: 'org_b_shiyan' })).toMatchObject({
      ok: false,
      error: { code: 'AUTH.FORBIDDEN' },
    })
    expect(await t.call(as.instructor, 'lifecycle', 'listDevelopment', { branchId: 'org_b_shiyan' })).toMatchObject({
      ok: false,
      error: { code: 'AUTH.FORBIDDEN' },
    })
  })

  it("the 总支书记 keeps the files of the 党总支's branches (the note's 'own'); the instructor only reads", async () => {
    const list = await t.callOk(as.gbSecretary, 'lifecycle', 'listDevelopment', { branchId: 'org_b_yz_high' })
    const fileId = list.items[0].id
    expect(await t.call(as.gbSecretary, 'lifecycle', 'developmentFile', { fileId })).toMatchObject({
      ok: true,
      data: { canManage: true },
    })
    const guided = await t.callOk(as.instructor, 'lifecycle', 'listDevelopment', { branchId: 'org_b_zhizhong' })
    expect(
      await t.call(as.instructor, 'lifecycle', 'exportDevelopmentRegister', { branchId: 'org_b_zhizhong' }),
    ).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } })
    expect(await t.call(as.instructor, 'lifecycle', 'developmentFile', { fileId: guided.items[0].id })).toMatchObject({
      ok: true,
      data: { canManage: false },
    })
  })
})
