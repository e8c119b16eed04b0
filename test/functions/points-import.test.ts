// Importing scores kept elsewhere (学习强国) through cloud storage, the real SDK and the emulator:
// converted by the tenant's rule, previewed row by row, paid once per file and row.
import ExcelJS from 'exceljs'
import { shanghaiPeriods } from '../../cloudfunctions/domain/time'
import type { AnyActionName } from '../../types/api'
import type { LedgerEntry, PointsRule } from '../../types/points'
import { xlsxOf } from '../support/sheet-rows'
import { as, type DemoEmulator, type InputArgs, startDemoEmulator } from './helpers/demo'

let t: DemoEmulator
/** The month the imported scores are for: the suite's own month. */
let period: string
beforeAll(async () => {
  t = await startDemoEmulator()
  period = shanghaiPeriods(t.emu.clock.now()).month
})
afterAll(() => t.stop())

const code = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error?.code)

const ok = <A extends AnyActionName<'points'>>(openid: string, action: A, ...data: InputArgs<'points', A>) =>
  t.callOk(openid, 'points', action, ...data)

const xlsx = (rows: unknown[][]) =>
  xlsxOf('学习强国积分', [
    ['实验小学党支部学习强国积分（截至本月）'],
    ['序号', '姓名', '手机号码', '积分'],
    ...rows.map((row, index) => [index + 1, ...row]),
  ])

let fileSeq = 0
async function upload(content: Buffer, folder = 'points/t_demo/m_shiyan_01'): Promise<string> {
  const res = (await t.cloud.uploadFile({
    cloudPath: `${folder}/${process.pid}-${fileSeq++}.xlsx`,
    fileContent: content,
  })) as { fileID: string }
  return res.fileID
}

const XUEXI: PointsRule = {
  key: 'xuexi',
  name: '学习强国',
  points: 1,
  variable: true,
  caps: { day: null, month: null, year: 10 },
  grantRoles: ['branch_secretary', 'bureau_staff'],
  auto: null,
  reasonRequired: false,
  claimable: false,
  active: true,
}

test('a secretary imports 学习强国 scores: converted, capped, previewed by row, and never paid twice', async () => {
  const catalogue = await ok(as.bureau, 'getRules', {})
  await ok(as.bureau, 'updateRules', { ...catalogue, rules: [...catalogue.rules, XUEXI] })

  const roster = await t.call(as.secretary, 'roster', 'listMembers', {
    branchId: 'org_b_shiyan',
    pageSize: 50,
  })
  if (!roster.ok) throw new Error('listMembers failed')
  const [a, b, c] = roster.data.items.filter((m) => m.id !== 'm_shiyan_01')
  const rows = [
    [a.name, a.phone ?? '', 120], // 12 points, cut to the yearly cap of 10
    [b.name, '', 35], // 3.5 rounds to 4, matched by name alone
    ['查无此人', '', 50],
    [c.name, '', 3], // 0.3 rounds to 0: skipped
    [b.name, '', 10], // twice in one file
    [c.name, '13900000000', 8], // a phone no one in the branch has
  ]
  const content = await xlsx(rows)
  const preview = (fileID: string) =>
    t.call(as.secretary, 'points', 'previewScoreImport', {
      fileID,
      branchId: 'org_b_shiyan',
      ruleKey: 'xuexi',
      period,
    })

  // No conversion yet; only bureau staff set one.
  expect(code(await preview(await upload(content)))).toBe('POINTS.NO_CONVERSION')
  expect(
    code(
      await t.call(as.secretary, 'points', 'setScoreConversion', { ruleKey: 'xuexi', source: '学习强国', factor: 0.1 }),
    ),
  ).toBe('AUTH.FORBIDDEN')
  await ok(as.bureau, 'setScoreConversion', { ruleKey: 'xuexi', source: '学习强国', factor: 0.1 })
  const conversions = await ok(as.secretary, 'scoreConversions', {})
  expect(conversions.items).toEqual([expect.objectContaining({ ruleName: '学习强国', factor: 0.1 })])

  // Who may import, and from where.
  const fileID = await upload(content)
  expect(
    code(
      await t.call(as.member, 'points', 'previewScoreImport', {
        fileID,
        branchId: 'org_b_shiyan',
        ruleKey: 'xuexi',
        period,
      }),
    ),
  ).toBe('AUTH.FORBIDDEN')
  expect(code(await preview(await upload(content, 'points/t_demo/m_shiyan_06')))).toBe('POINTS.FILE_NOT_YOURS')

  // The preview: row by row (Excel row numbers: title row 1, header row 2), errors first; nothing written.
  const ledgerBefore = (await t.db.collection('points_ledger').where({ ruleKey: 'xuexi' }).count()).total
  const first = await preview(fileID)
  if (!first.ok) throw new Error(JSON.stringify(first.error))
  expect(first.data.totals).toEqual({ dataRows: 6, pay: 2, paid: 0, skip: 1, error: 3, points: 16 })
  expect(first.data.rows.map((row) => [row.row, row.status, row.points])).toEqual([
    [5, 'error', 0],
    [7, 'error', 0],
    [8, 'error', 0],
    [3, 'pay', 12],
    [4, 'pay', 4],
    [6, 'skip', 0],
  ])
  expect(first.data.rows[0].message).toBe('本支部没有这名党员')
  expect(first.data.rows[1].message).toBe('同一名党员在文件中出现了多次')
  expect(first.data.rows[2].message).toBe('本支部没有登记该手机号码的党员')
  expect(ledgerBefore).toBe(0)

  // Confirm: two entries, one cut by the cap and saying so.
  const done = await ok(as.secretary, 'confirmScoreImport', { importId: first.data.importId })
  expect(done).toMatchObject({ paid: 2, alreadyPaid: 0, capped: 1, points: 14 })
  const entries = (await t.db.collection('points_ledger').where({ ruleKey: 'xuexi' }).get()).data as LedgerEntry[]
  expect(entries.map((e) => [e.memberId, e.points, e.requested, e.capped]).sort()).toEqual(
    [
      [a.id, 10, 12, true],
      [b.id, 4, 4, false],
    ].sort(),
  )
  expect(entries.find((e) => e.memberId === b.id)?.reason).toBe('学习强国积分 35 折算（第 4 行）')
  // Confirming the same import again answers the same outcome and writes nothing.
  expect(await ok(as.secretary, 'confirmScoreImport', { importId: first.data.importId })).toEqual(done)

  // The same file uploaded again: every row already paid, nothing paid twice.
  const again = await preview(await upload(content))
  if (!again.ok) throw new Error(JSON.stringify(again.error))
  expect(again.data.totals).toMatchObject({ pay: 0, paid: 2, points: 0 })
  const second = await ok(as.secretary, 'confirmScoreImport', { importId: again.data.importId })
  expect(second).toMatchObject({ paid: 0, alreadyPaid: 2, points: 0 })
  expect((await t.db.collection('points_ledger').where({ ruleKey: 'xuexi' }).count()).total).toBe(2)

  // Totals followed the ledger: reconcile finds no drift.
  const reconciled = await ok(as.bureau, 'reconcile', {})
  expect(reconciled.drift).toEqual([])
})

test('a file without 姓名 and 积分 columns is refused with a coded error', async () => {
  const workbook = new ExcelJS.Workbook()
  workbook.addWorksheet('x').addRow(['名字', '分'])
  const fileID = await upload(Buffer.from(await workbook.xlsx.writeBuffer()))
  const result = await t.call(as.secretary, 'points', 'previewScoreImport', {
    fileID,
    branchId: 'org_b_shiyan',
    ruleKey: 'xuexi',
    period,
  })
  expect(code(result)).toBe('POINTS.IMPORT_HEADERS')
})

describe('who may be paid by an import, and how often', () => {
  const BUREAU_ONLY: PointsRule = {
    ...XUEXI,
    key: 'xuexi_bureau',
    name: '学习强国（局定）',
    grantRoles: ['bureau_staff'],
  }

  beforeAll(async () => {
    const catalogue = await ok(as.bureau, 'getRules', {})
    const rules = catalogue.rules.filter((rule) => rule.key !== BUREAU_ONLY.key)
    await ok(as.bureau, 'updateRules', { ...catalogue, rules: [...rules, BUREAU_ONLY] })
    await ok(as.bureau, 'setScoreConversion', { ruleKey: BUREAU_ONLY.key, source: '学习强国', factor: 0.1 })
  })

  const names = async () => {
    const roster = await t.callOk(as.secretary, 'roster', 'listMembers', { branchId: 'org_b_shiyan', pageSize: 50 })
    const byId = new Map(roster.items.map((m) => [m.id, m.name]))
    return { self: byId.get('m_shiyan_01') as string, other: byId.get('m_shiyan_09') as string }
  }

  it('a file a byte different pays nobody twice for the same rule and month; the next month pays again', async () => {
    const { other } = await names()
    const ledger = () => t.count('points_ledger', { ruleKey: 'xuexi', memberId: 'm_shiyan_09' })
    const run = async (score: number, month: string) => {
      const fileID = await upload(await xlsx([[other, '', score]]))
      const res = await ok(as.secretary, 'previewScoreImport', {
        fileID,
        branchId: 'org_b_shiyan',
        ruleKey: 'xuexi',
        period: month,
      })
      return { preview: res, result: await ok(as.secretary, 'confirmScoreImport', { importId: res.importId }) }
    }
    const before = await ledger()
    expect((await run(20, period)).result).toMatchObject({ paid: 1 })
    const again = await run(21, period) // another file (one score changed): the month is paid already
    expect(again.preview.totals).toMatchObject({ pay: 0, paid: 1 })
    expect(again.result).toMatchObject({ paid: 0, alreadyPaid: 1 })
    expect(await ledger()).toBe(before + 1)
    const [year, month] = period.split('-').map(Number)
    const earlier = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`
    expect((await run(20, earlier)).result).toMatchObject({ paid: 1 })
    expect(await ledger()).toBe(before + 2)
  })

  it('the importer’s own row is an error, paid by nobody; a month not yet come is refused', async () => {
    const { self, other } = await names()
    const fileID = await upload(
      await xlsx([
        [self, '', 50],
        [other, '', 30],
      ]),
    )
    const preview = await ok(as.secretary, 'previewScoreImport', {
      fileID,
      branchId: 'org_b_shiyan',
      ruleKey: 'xuexi',
      period: '2020-01',
    })
    expect(preview.rows.find((row) => row.name === self)).toMatchObject({
      status: 'error',
      message: '不能为自己导入积分，请由支部其他管理人员或教育局党委导入',
    })
    await ok(as.secretary, 'confirmScoreImport', { importId: preview.importId })
    expect(await t.count('points_ledger', { ruleKey: 'xuexi', memberId: 'm_shiyan_01' })).toBe(0)
    const future = await t.call(as.secretary, 'points', 'previewScoreImport', {
      fileID,
      branchId: 'org_b_shiyan',
      ruleKey: 'xuexi',
      period: '2099-12',
    })
    expect(code(future)).toBe('INPUT.INVALID')
  })

  it('a rule the caller’s role may not grant cannot be imported', async () => {
    const { other } = await names()
    const fileID = await upload(await xlsx([[other, '', 50]]))
    const res = await t.call(as.secretary, 'points', 'previewScoreImport', {
      fileID,
      branchId: 'org_b_shiyan',
      ruleKey: BUREAU_ONLY.key,
      period,
    })
    expect(code(res)).toBe('POINTS.NOT_GRANTABLE')
    expect(await t.count('points_imports', { ruleKey: BUREAU_ONLY.key })).toBe(0)
  })
})
