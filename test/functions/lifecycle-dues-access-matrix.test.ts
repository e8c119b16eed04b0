// Every 党费 action as every persona: allowed (and answering ok) or refused, exactly — role checks by the
// router, branch checks by the handlers. A refused call writes nothing: no base, reduction, payment,
// derived row or audit entry.
import { DEFAULT_DUES_SCHEDULE } from '../../cloudfunctions/domain/lifecycle/dues-schedule'
import { xlsxOf } from '../support/sheet-rows'
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

type Outcome = 'ok' | 'AUTH.FORBIDDEN' | 'AUTH.NOT_BOUND' | 'DUES.IMPORT_NOT_FOUND'

let seq = 0
/** 实验小学's 8th member owes August to November: each allowed recorder pays a month of their own. */
const unpaidMonth: Partial<Record<Persona, string>> = { bureau: '2026-08', secretary: '2026-09' }

const MANAGERS = onlyAllowed(['bureau', 'secretary'])

/** A one-row 党费基数 file for 2027 in the persona's own import folder, a new base each time (so it is 'set'). */
async function uploadBases(persona: Persona): Promise<string> {
  const { name } = await t.callOk(as.secretary, 'lifecycle', 'memberDues', { memberId: 'm_shiyan_07', year: 2027 })
  const content = await xlsxOf('党费基数', [
    ['姓名', '类别', '税后月工资'],
    [name, '在职', 4_000 + seq++],
  ])
  const res = (await t.cloud.uploadFile({
    cloudPath: `imports/t_demo/${as[persona].replace('o_demo_', '')}/${process.pid}-matrix-${seq++}.xlsx`,
    fileContent: content,
  })) as { fileID: string }
  return res.fileID
}
const importInput = async (persona: Persona) => ({
  fileID: await uploadBases(persona),
  branchId: 'org_b_shiyan',
  year: 2027,
})
/** The persona's own previewed import where they may preview one; else the secretary's. */
async function previewedBy(persona: Persona): Promise<string> {
  const by = persona === 'bureau' ? 'bureau' : 'secretary'
  return (await t.callOk(as[by], 'lifecycle', 'previewDuesBaseImport', await importInput(by))).importId
}
const READERS = onlyAllowed(['bureau', 'secretary', 'committee'])
const cases: MatrixCase<'lifecycle', [expected: Record<Persona, Outcome>]>[] = [
  [
    'getDuesSchedule',
    () => ({}),
    onlyAllowed(['bureau', 'gbSecretary', 'secretary', 'committee', 'member', 'instructor']),
  ],
  ['updateDuesSchedule', () => DEFAULT_DUES_SCHEDULE, onlyAllowed(['bureau'])],
  [
    'setDuesBase',
    () => ({ memberId: 'm_shiyan_07', year: 2026, category: 'employed' as const, baseFen: 420_000 }),
    MANAGERS,
  ],
  [
    'setDuesReduction',
    () => ({
      requestId: `matrix-reduction-${seq++}`,
      memberId: 'm_shiyan_07',
      fromMonth: '2026-11',
      toMonth: '2026-12',
      monthlyFen: 0,
      decision: '2026年11月支委会研究决定',
      decidedOn: '2026-11-05',
    }),
    MANAGERS,
  ],
  [
    'recordDuesPayment',
    (persona) => ({
      requestId: `matrix-pay-${seq++}`,
      memberId: 'm_shiyan_08',
      months: [unpaidMonth[persona] ?? '2026-10'],
      method: 'cash' as const,
      paidOn: '2026-12-09',
    }),
    MANAGERS,
  ],
  [
    'myDues',
    () => ({ year: 2026 }),
    onlyAllowed(['bureau', 'gbSecretary', 'secretary', 'committee', 'member', 'instructor']),
  ],
  ['memberDues', () => ({ memberId: 'm_shiyan_06', year: 2026 }), READERS],
  ['branchDuesSheet', () => ({ branchId: 'org_b_shiyan', month: '2026-11' }), READERS],
  ['exportDuesSheet', () => ({ of: 'branch_month' as const, branchId: 'org_b_shiyan', month: '2026-11' }), READERS],
  [
    'exportDuesSheet',
    () => ({ of: 'member_year' as const, memberId: 'm_shiyan_06', year: 2026 }),
    onlyAllowed(['bureau', 'secretary', 'committee', 'member']),
  ],
  ['duesArrears', () => ({ branchId: 'org_b_shiyan' }), MANAGERS],
  ['duesCollection', () => ({ year: 2026 }), onlyAllowed(['bureau'])],
  // The blank template names no branch: every role that keeps some branch's dues may download it.
  ['duesBaseTemplate', () => ({}), onlyAllowed(['bureau', 'gbSecretary', 'secretary'])],
  ['previewDuesBaseImport', importInput, MANAGERS],
  // Another branch's manager cannot even learn that the secretary's import exists.
  [
    'confirmDuesBaseImport',
    async (persona) => ({ importId: await previewedBy(persona) }),
    { ...MANAGERS, gbSecretary: 'DUES.IMPORT_NOT_FOUND' },
  ],
]

const DUES = ['dues_schedule', 'dues_bases', 'dues_reductions', 'dues_payments', 'dues_branch_months', 'dues_status']
const written = async () => Promise.all([...DUES, 'audit_log'].map((c) => t.count(c, {})))

describeMatrix(() => t, 'lifecycle', cases, written)
