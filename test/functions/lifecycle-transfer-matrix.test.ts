// Every 组织关系转接 and 流动党员 action as every persona: allowed or refused, exactly (role checks by the
// router, branch checks by the handlers). A refused call writes nothing: no transfer, no 流动党员 record,
// no roster change, no audit entry. The writes act on 实验小学 (the secretary's and committee member's
// branch); the instructor is assigned elsewhere, so reads of 实验小学 are refused to them.
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

type Outcome = 'ok' | 'AUTH.FORBIDDEN' | 'AUTH.NOT_BOUND'

const SHIYAN = 'org_b_shiyan'
let seq = 0
const requestId = () => `matrix-tr-${seq++}`
/** A fresh member of 实验小学 per allowed write, so one persona's letter never meets another's. */
async function newMember(): Promise<string> {
  const row = await t.callOk(as.secretary, 'roster', 'addMember', {
    name: `转接${seq++}`,
    branchId: SHIYAN,
    groupId: null,
    memberType: 'formal',
    probationEndsOn: null,
    joinedOn: '2010-07-01',
    committeePosition: null,
    phone: null,
  })
  return row.id
}
async function openLetter(): Promise<string> {
  const letter = await t.callOk(as.secretary, 'lifecycle', 'issueTransferLetter', {
    requestId: requestId(),
    memberId: await newMember(),
    letterNo: `矩阵${seq}`,
    destination: '外县教育局党委',
    issuedOn: '2026-12-01',
    validDays: 30,
  })
  return letter.id
}
async function floating(): Promise<string> {
  const record = await t.callOk(as.secretary, 'lifecycle', 'recordFloating', {
    requestId: requestId(),
    memberId: await newMember(),
    whereabouts: '外省',
    since: '2026-10-01',
  })
  return record.id
}

const MANAGERS = onlyAllowed(['bureau', 'secretary'])
const READERS = onlyAllowed(['bureau', 'secretary', 'committee'])
const cases: MatrixCase<'lifecycle', [expected: Record<Persona, Outcome>]>[] = [
  [
    'issueTransferLetter',
    async () => ({
      requestId: requestId(),
      memberId: await newMember(),
      letterNo: `矩阵${seq}`,
      destination: '外县教育局党委',
      issuedOn: '2026-12-01',
      validDays: 30,
    }),
    MANAGERS,
  ],
  [
    'registerIncomingTransfer',
    () => ({
      requestId: requestId(),
      name: '转入者',
      branchId: SHIYAN,
      letterNo: `矩阵${seq}`,
      origin: '外县教育局党委',
      issuedOn: '2026-12-01',
      validDays: 30,
      memberType: 'formal' as const,
    }),
    MANAGERS,
  ],
  ['completeTransfer', async () => ({ transferId: await openLetter(), on: '2026-12-09' }), MANAGERS],
  ['cancelTransfer', async () => ({ transferId: await openLetter(), reason: '未使用' }), MANAGERS],
  ['listTransfers', () => ({ branchId: SHIYAN }), READERS],
  ['listTransfers', () => ({}), onlyAllowed(['bureau'])],
  ['listTransfers', () => ({ memberId: 'm_shiyan_06' }), READERS],
  [
    'recordFloating',
    async () => ({ requestId: requestId(), memberId: await newMember(), whereabouts: '外省', since: '2026-10-01' }),
    MANAGERS,
  ],
  ['endFloating', async () => ({ floatingId: await floating(), until: '2026-12-09' }), MANAGERS],
  ['listFloating', () => ({ branchId: SHIYAN }), READERS],
  ['listFloating', () => ({}), onlyAllowed(['bureau'])],
]

const written = async () =>
  Promise.all(
    ['transfers', 'floating_members', 'members', 'membership_changes', 'audit_log'].map((c) => t.count(c, {})),
  )

describeMatrix(() => t, 'lifecycle', cases, written)

it('the 总支书记 and the instructor manage or read only the branches in their care', async () => {
  // 第一中学党总支's secretary manages its 初中部 branch (in their general branch) but not 实验小学.
  const high = (await t.callOk(as.gbSecretary, 'roster', 'listMembers', { branchId: 'org_b_yz_junior' })).items[0]
  const letter = await t.callOk(as.gbSecretary, 'lifecycle', 'issueTransferLetter', {
    requestId: requestId(),
    memberId: high.id,
    letterNo: '总支矩阵',
    destination: '外县教育局党委',
    issuedOn: '2026-12-01',
    validDays: 30,
  })
  expect(letter.state).toBe('issued')
  expect(
    await t.call(as.gbSecretary, 'lifecycle', 'recordFloating', {
      requestId: requestId(),
      memberId: 'm_shiyan_06',
      whereabouts: '外省',
      since: '2026-10-01',
    }),
  ).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } })
  const zhizhong = await t.callOk(as.instructor, 'lifecycle', 'listTransfers', { branchId: 'org_b_zhizhong' })
  expect(zhizhong.items).toEqual([])
})
