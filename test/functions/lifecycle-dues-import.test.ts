// The yearly 党费基数 .xlsx import through cloud storage, the sheets function, the real SDK and the emulator, on
// the demo county at 2026-12-10 (bases for 2025 and 2026 seeded; the secretary imports 2027's in December):
// rows matched to the branch by phone or unique name, categories and wages read, priced by the schedule, errors
// named per row; the preview writes no base and deletes the upload; confirming writes through setDuesBase's path
// (audited), once, and the member then sees the new monthly amount.
import type { MemberRow } from '../../types/roster'
import { sheetRows, xlsxOf } from '../support/sheet-rows'
import { as, type DemoEmulator, startDemoEmulator } from './helpers/demo'

let t: DemoEmulator
const NOW = new Date('2026-12-10T10:00:00+08:00').getTime()
let shiyan: MemberRow[]
beforeAll(async () => {
  t = await startDemoEmulator({ at: NOW })
  shiyan = (await t.callOk(as.secretary, 'roster', 'listMembers', { branchId: 'org_b_shiyan', pageSize: 50 })).items
})
afterAll(() => t.stop())

const member = (id: string) => {
  const found = shiyan.find((m) => m.id === id)
  if (!found) throw new Error(`no ${id} in 实验小学`)
  return found
}

const BASES = ['dues_bases', 'dues_branch_months', 'dues_status', 'audit_log']
const written = async () => Promise.all(BASES.map((c) => t.count(c, {})))

const xlsx = (rows: unknown[][], headers: unknown[] = ['姓名', '手机号码', '类别', '税后月工资（元）']) =>
  xlsxOf('党费基数', [['实验小学党支部2027年党费基数'], headers, ...rows])

let fileSeq = 0
async function upload(content: Buffer, memberId = 'm_shiyan_01'): Promise<string> {
  const res = (await t.cloud.uploadFile({
    cloudPath: `imports/t_demo/${memberId}/${process.pid}-dues-${fileSeq++}.xlsx`,
    fileContent: content,
  })) as { fileID: string }
  return res.fileID
}

/** Whether the upload is still in storage (a download link that answers 200). */
async function stored(fileID: string): Promise<boolean> {
  const { fileList } = (await t.cloud.getTempFileURL({ fileList: [fileID] })) as {
    fileList: { tempFileURL?: string; status?: number }[]
  }
  const url = fileList[0]?.tempFileURL
  if (!url || fileList[0]?.status) return false
  return (await fetch(url)).status === 200
}

const preview = (fileID: string, extra: Record<string, unknown> = {}, openid: string = as.secretary) =>
  t.callUnchecked(openid, 'lifecycle', 'previewDuesBaseImport', {
    fileID,
    branchId: 'org_b_shiyan',
    year: 2027,
    ...extra,
  })

describe('the template', () => {
  it('has the four headers the import reads, an example row and the filling notes', async () => {
    const template = await t.callOk(as.secretary, 'lifecycle', 'duesBaseTemplate', {})
    expect(template.fileName).toBe('党费基数导入模板.xlsx')
    const bytes = await (await fetch(template.url)).arrayBuffer()
    const rows = await sheetRows(bytes)
    expect(rows[0]).toEqual(['姓名', '手机号码', '类别', '税后月工资'])
    expect(rows[1]).toEqual(['王建国', '13800138000', '在职', '4500'])
    expect((await sheetRows(bytes, '填写说明')).map((row) => row[0])).toContain('税后月工资')
  })
})

describe('a secretary imports next year’s bases', () => {
  let importId: string
  let fileID: string

  it('the preview matches, reads, prices and names every row’s problem; it writes no base and deletes the upload', async () => {
    const [m3, m6, m7, m8, m9, m10] = ['03', '06', '07', '08', '09', '10'].map((n) => member(`m_shiyan_${n}`))
    const elsewhere = (await t.callOk(as.bureau, 'roster', 'listMembers', { branchId: 'org_b_chengguan' })).items[0]
    const content = await xlsx([
      [m6.name, m6.phone, '在职', 5200], // 1.5%: 78.00 a month
      [m7.name, '', '退休', '3,200.00'], // by the name alone; 0.5% of the pension: 16.00
      [m10.name, '', '学生', ''], // the fixed 0.20
      ['查无此人', '', '在职', 4000],
      [elsewhere.name, elsewhere.phone ?? '13900000000', '在职', 4000], // another branch's member
      [m8.name, '', '在职', -100],
      [m9.name, '', '在职', 4500.123],
      [m3.name, '', '公务员', 4500],
      [m6.name, '', '在职', 5300], // twice in one file
      [],
      [m9.name, '', '在职', 45_000_000],
    ])
    fileID = await upload(content)
    const before = await written()
    const importsBefore = await t.count('dues_imports', {})
    const result = await preview(fileID)
    if (!result.ok) throw new Error(JSON.stringify(result.error))
    const data = result.data as {
      importId: string
      totals: Record<string, number>
      rows: { row: number; name: string; status: string; monthlyFen: number | null; message: string }[]
    }
    importId = data.importId
    expect(data.totals).toEqual({ set: 3, unchanged: 0, error: 7 })
    // Errors first, then by row; rows as Excel numbers them (title 1, headers 2).
    expect(data.rows.map((row) => [row.row, row.status, row.monthlyFen, row.message])).toEqual([
      [6, 'error', null, '本支部没有这名党员'],
      [7, 'error', null, '本支部没有登记该手机号码的党员'],
      [8, 'error', null, '税后月工资不能为负数'],
      [9, 'error', null, '税后月工资最多填写两位小数（精确到分）'],
      [10, 'error', null, '类别应为 在职、离退休、学生、失业 或 低保'],
      [11, 'error', null, '同一名党员在文件中出现了多次'],
      [13, 'error', null, '税后月工资超过10万元，请核对是否多填了0'],
      [3, 'set', 7_800, ''],
      [4, 'set', 1_600, ''],
      [5, 'set', 20, ''],
    ])
    expect(data.rows[7].name).toBe(m6.name)
    // Nothing but the preview itself: no base, no derived row, no audit entry.
    expect(await written()).toEqual(before)
    expect(await t.count('dues_imports', {})).toBe(importsBefore + 1)
    expect(await stored(fileID)).toBe(false)
  })

  it('this year’s bases the file repeats are unchanged, and confirming them writes nothing', async () => {
    const m6 = member('m_shiyan_06')
    const result = await preview(await upload(await xlsx([[m6.name, m6.phone, '在职', '4500元']])), { year: 2026 })
    if (!result.ok) throw new Error(JSON.stringify(result.error))
    const data = result.data as { importId: string; totals: unknown; rows: { status: string; message: string }[] }
    expect(data.totals).toEqual({ set: 0, unchanged: 1, error: 0 })
    expect(data.rows[0]).toMatchObject({ status: 'unchanged', message: '与已核定的基数相同' })
    const before = await t.count('dues_bases', {})
    expect(await t.callOk(as.secretary, 'lifecycle', 'confirmDuesBaseImport', { importId: data.importId })).toEqual({
      set: 0,
      unchanged: 1,
      skipped: 0,
    })
    expect(await t.count('dues_bases', {})).toBe(before)
  })

  it('the importer’s own row is refused (nobody sets their own base) and confirming never writes it', async () => {
    const [self, m3] = [member('m_shiyan_01'), member('m_shiyan_03')]
    const result = await preview(
      await upload(
        await xlsx([
          [self.name, self.phone, '在职', 1000],
          [m3.name, m3.phone, '在职', 4600],
        ]),
      ),
      { year: 2026 },
    )
    if (!result.ok) throw new Error(JSON.stringify(result.error))
    const data = result.data as {
      importId: string
      totals: unknown
      rows: { row: number; status: string; message: string }[]
    }
    expect(data.totals).toEqual({ set: 1, unchanged: 0, error: 1 })
    expect(data.rows[0]).toMatchObject({ row: 3, status: 'error', message: expect.stringContaining('不能为自己') })
    await t.callOk(as.secretary, 'lifecycle', 'confirmDuesBaseImport', { importId: data.importId })
    expect(await t.count('dues_bases', { _id: 'm_shiyan_01:2026', baseFen: 100_000 })).toBe(0)
    expect(await t.count('dues_bases', { _id: 'm_shiyan_03:2026', baseFen: 460_000 })).toBe(1)
  })

  it('nobody but its creator (or bureau staff) confirms it; an unknown import is refused', async () => {
    const before = await written()
    for (const [openid, id, code] of [
      [as.gbSecretary, importId, 'DUES.IMPORT_NOT_FOUND'], // a manager of other branches
      [as.committee, importId, 'AUTH.FORBIDDEN'],
      [as.member, importId, 'AUTH.FORBIDDEN'],
      [as.secretary, 'dimp-no-such-import', 'DUES.IMPORT_NOT_FOUND'],
    ] as const) {
      expect(await t.call(openid, 'lifecycle', 'confirmDuesBaseImport', { importId: id })).toMatchObject({
        ok: false,
        error: { code },
      })
    }
    expect(await written()).toEqual(before)
  })

  it('confirming writes each base through setDuesBase’s path, audited; the member sees the new monthly amount', async () => {
    const result = await t.callOk(as.secretary, 'lifecycle', 'confirmDuesBaseImport', { importId })
    expect(result).toEqual({ set: 3, unchanged: 0, skipped: 0 })
    const base = (await t.db.collection('dues_bases').doc('m_shiyan_06:2027').get()) as unknown as {
      data: { baseFen: number; category: string; source: string; updatedBy: string }
    }
    expect(base.data).toMatchObject({
      baseFen: 520_000,
      category: 'employed',
      source: 'import',
      updatedBy: 'm_shiyan_01',
    })
    expect(await t.count('audit_log', { action: 'lifecycle.setDuesBase', targetId: 'm_shiyan_06:2027' })).toBe(1)
    expect(await t.count('audit_log', { action: 'lifecycle.setDuesBase', targetId: 'm_shiyan_07:2027' })).toBe(1)
    expect(await t.count('audit_log', { action: 'lifecycle.confirmDuesBaseImport', targetId: importId })).toBe(1)
    // Done, the import keeps its counts and no second copy of the wages.
    const done = (await t.db.collection('dues_imports').doc(importId).get()) as unknown as {
      data: { status: string; writes: unknown[] }
    }
    expect(done.data).toMatchObject({ status: 'done', writes: [] })

    const mine = await t.callOk(as.member, 'lifecycle', 'myDues', { year: 2027 })
    expect(mine).toMatchObject({ category: 'employed', baseFen: 520_000, monthlyFen: 7_800 })
    const retired = await t.callOk(as.secretary, 'lifecycle', 'memberDues', { memberId: 'm_shiyan_07', year: 2027 })
    expect(retired).toMatchObject({ category: 'retired', baseFen: 320_000, monthlyFen: 1_600 })
    // The branch's months of 2027 (what the bureau reads) were refreshed from the new bases.
    const january = (await t.db.collection('dues_branch_months').doc('org_b_shiyan:2027-01').get()) as unknown as {
      data: { owedFen: number }
    }
    expect(january.data.owedFen).toBeGreaterThanOrEqual(7_800 + 1_600 + 20)
  })

  it('confirming again (a retry, a second tap) writes nothing and answers the same', async () => {
    const before = await written()
    const again = await Promise.all([
      t.callOk(as.secretary, 'lifecycle', 'confirmDuesBaseImport', { importId }),
      t.callOk(as.secretary, 'lifecycle', 'confirmDuesBaseImport', { importId }),
    ])
    expect(again).toEqual([
      { set: 3, unchanged: 0, skipped: 0 },
      { set: 3, unchanged: 0, skipped: 0 },
    ])
    expect(await written()).toEqual(before)
  })

  it('bureau staff may confirm a secretary’s import; a member who left the branch since the preview is skipped', async () => {
    const m4 = member('m_shiyan_04')
    const m5 = member('m_shiyan_05')
    const result = await preview(
      await upload(
        await xlsx([
          [m4.name, '', '在职', 6000],
          [m5.name, '', '在职', 7000],
        ]),
      ),
    )
    if (!result.ok) throw new Error(JSON.stringify(result.error))
    const { importId: next } = result.data as { importId: string }
    await t.db
      .collection('members')
      .doc('m_shiyan_05')
      .update({ data: { branchId: 'org_b_chengguan' } })
    try {
      expect(await t.callOk(as.bureau, 'lifecycle', 'confirmDuesBaseImport', { importId: next })).toEqual({
        set: 1,
        unchanged: 0,
        skipped: 1,
      })
      expect(await t.count('dues_bases', { _id: 'm_shiyan_05:2027' })).toBe(0)
      expect(await t.count('dues_bases', { _id: 'm_shiyan_04:2027', updatedBy: 'm_bureau_01' })).toBe(1)
    } finally {
      await t.db
        .collection('members')
        .doc('m_shiyan_05')
        .update({ data: { branchId: 'org_b_shiyan' } })
    }
  })
})

describe('bad input: a code, and no base written', () => {
  it.each<[string, () => Promise<Record<string, unknown>>, string]>([
    [
      'a file without a 姓名 or wage column',
      async () => ({ fileID: await upload(await xlsx([['张三', 4500]], ['党员', '金额'])) }),
      'DUES.IMPORT_HEADERS',
    ],
    [
      'a file with headers and no rows',
      async () => ({ fileID: await upload(await xlsx([])) }),
      'ROSTER.IMPORT_NO_ROWS',
    ],
    [
      'another member’s upload',
      async () => ({ fileID: await upload(await xlsx([['张三', '', '在职', 4500]]), 'm_shiyan_02') }),
      'ROSTER.FILE_NOT_FOUND',
    ],
    [
      'a branch the secretary does not manage',
      async () => ({ fileID: await upload(await xlsx([['张三', '', '在职', 4500]])), branchId: 'org_b_chengguan' }),
      'AUTH.FORBIDDEN',
    ],
    [
      'a year out of range',
      async () => ({ fileID: await upload(await xlsx([['张三', '', '在职', 4500]])), year: 1999 }),
      'INPUT.INVALID',
    ],
  ])('previewDuesBaseImport: %s', async (_label, input, code) => {
    const data = await input()
    const before = [...(await written()), await t.count('dues_imports', {})]
    expect(await preview(data.fileID as string, data)).toMatchObject({ ok: false, error: { code } })
    expect([...(await written()), await t.count('dues_imports', {})]).toEqual(before)
    // Someone else's upload is not the caller's to delete.
    if (code === 'ROSTER.FILE_NOT_FOUND') expect(await stored(data.fileID as string)).toBe(true)
  })
})
