// Importing and exporting rosters through cloud storage, the real SDK and the emulator.

import ExcelJS from 'exceljs'
import type { ImportStatus } from '../../types/roster-import'
import { downloadedRows } from '../support/sheet-rows'
import { as, type DemoEmulator, startDemoEmulator } from './helpers/demo'

let t: DemoEmulator
beforeAll(async () => {
  t = await startDemoEmulator()
})
afterAll(() => t.stop())

const code = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error?.code)

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('花名册')
  sheet.addRow(['实验小学党支部党员花名册'])
  sheet.addRow(['姓名', '性别', '人员类别', '入党日期', '转正日期', '党小组', '手机号码', '身份证号'])
  for (const row of rows) sheet.addRow(row)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

let fileSeq = 0
async function upload(content: Buffer, memberId = 'm_shiyan_01'): Promise<string> {
  const res = (await t.cloud.uploadFile({
    cloudPath: `imports/t_demo/${memberId}/${process.pid}-${fileSeq++}.xlsx`,
    fileContent: content,
  })) as { fileID: string }
  return res.fileID
}

const GOOD_ROWS = [
  ['赵春梅', '女', '正式党员', '2015年7月1日', '', '低年级党小组', '13911110001', '110101199001011234'],
  ['钱立新', '男', '预备党员', '2025.07.01', '2026.07.01', '高年级党小组', '13911110002', '110101199001011235'],
  ['孙海燕', '女', '正式', 42186, '', '低年级党小组', '１３９１１１１０００３', ''],
]

async function waitDone(importId: string): Promise<ImportStatus> {
  for (let i = 0; i < 100; i++) {
    const status = await t.call(as.secretary, 'roster', 'importStatus', { importId })
    if (status.ok && (status.data.status === 'done' || status.data.status === 'failed')) return status.data
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('import did not finish')
}

describe('roster import', () => {
  it('previews without writing, then writes on confirm; a re-import changes nothing', async () => {
    const fileID = await upload(await xlsx(GOOD_ROWS))
    const before = ((await t.db.collection('members').count()) as { total: number }).total
    const preview = await t.call(as.secretary, 'roster', 'previewImport', {
      fileID,
      branchId: 'org_b_shiyan',
    })
    expect(preview.ok).toBe(true)
    if (!preview.ok) return
    expect(preview.data.totals).toMatchObject({ dataRows: 3, validRows: 3, invalidRows: 0 })
    expect(preview.data.plan).toEqual({ create: 3, update: 0, unchanged: 0 })
    expect(preview.data.droppedColumns).toEqual(['身份证号'])
    expect(JSON.stringify(preview.data)).not.toContain('110101199001011234')
    expect(((await t.db.collection('members').count()) as { total: number }).total).toBe(before)

    const confirmed = await t.call(as.secretary, 'roster', 'confirmImport', {
      importId: preview.data.importId,
    })
    expect(confirmed).toMatchObject({ ok: true })
    const status = await waitDone(preview.data.importId)
    expect(status).toMatchObject({ status: 'done', created: 3, updated: 0, total: 3, done: 3 })

    const listed = await t.call(as.secretary, 'roster', 'listMembers', {
      branchId: 'org_b_shiyan',
      search: '钱立新',
    })
    expect(listed.ok && listed.data.items[0]).toMatchObject({
      memberType: 'probationary',
      joinedOn: '2025-07-01',
      probationEndsOn: '2026-07-01',
      groupId: 'org_b_shiyan_g2',
      phone: '13911110002',
    })
    const byPinyin = await t.call(as.secretary, 'roster', 'listMembers', {
      branchId: 'org_b_shiyan',
      search: 'shy',
    })
    expect(byPinyin.ok && byPinyin.data.items.map((m) => m.name)).toContain('孙海燕')

    const again = await t.call(as.secretary, 'roster', 'previewImport', {
      fileID: await upload(await xlsx(GOOD_ROWS)),
      branchId: 'org_b_shiyan',
    })
    expect(again.ok && again.data.plan).toEqual({ create: 0, update: 0, unchanged: 3 })
  })

  it('lists every problem with its row and column, and refuses to confirm until the file is fixed', async () => {
    const bad = [
      ['', '女', '正式党员', '2015-07-01', '', '低年级党小组', '13922220001', ''],
      ['周雪梅', '女', '正式党员', '2019-02-30', '', '不存在的小组', '13922220002', ''],
      ['吴振华', '男', '正式党员', '2015-07-01', '', '', '1392222', ''],
      ['郑丽华', '女', '正式党员', '2016-07-01', '', '', '13922220004', ''],
    ]
    const preview = await t.call(as.secretary, 'roster', 'previewImport', {
      fileID: await upload(await xlsx(bad)),
      branchId: 'org_b_shiyan',
    })
    expect(preview.ok).toBe(true)
    if (!preview.ok) return
    const where = preview.data.issues.filter((i) => i.severity === 'error').map((i) => [i.row, i.column, i.code])
    expect(where).toEqual(
      expect.arrayContaining([
        [3, '姓名', 'NAME_MISSING'],
        [4, '入党日期', 'DATE_INVALID'],
        [4, '党小组', 'GROUP_UNKNOWN'],
        [5, '手机号码', 'PHONE_INVALID'],
      ]),
    )
    expect(preview.data.totals).toMatchObject({ validRows: 1, invalidRows: 3 })
    const before = ((await t.db.collection('members').count()) as { total: number }).total
    expect(code(await t.call(as.secretary, 'roster', 'confirmImport', { importId: preview.data.importId }))).toBe(
      'ROSTER.IMPORT_HAS_ERRORS',
    )
    expect(((await t.db.collection('members').count()) as { total: number }).total).toBe(before)
  })

  it.each([
    ['random bytes', Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256)), 'ROSTER.IMPORT_UNREADABLE'],
    ['an empty file', Buffer.alloc(0), 'ROSTER.IMPORT_NO_ROWS'],
  ])('refuses %s with a coded error', async (_case, content, expected) => {
    const result = await t.call(as.secretary, 'roster', 'previewImport', {
      fileID: await upload(content),
      branchId: 'org_b_shiyan',
    })
    expect(code(result)).toBe(expected)
  })

  it("refuses someone else's upload and another branch's import", async () => {
    const fileID = await upload(await xlsx(GOOD_ROWS), 'm_chengguan_01')
    expect(code(await t.call(as.secretary, 'roster', 'previewImport', { fileID, branchId: 'org_b_shiyan' }))).toBe(
      'ROSTER.FILE_NOT_FOUND',
    )
    const own = await upload(await xlsx(GOOD_ROWS))
    expect(
      code(await t.call(as.secretary, 'roster', 'previewImport', { fileID: own, branchId: 'org_b_chengguan' })),
    ).toBe('AUTH.FORBIDDEN')
    expect(code(await t.call(as.secretary, 'roster', 'previewImport', { fileID: own, branchId: null }))).toBe(
      'AUTH.FORBIDDEN',
    )
  })

  it('confirms an import once only', async () => {
    const preview = await t.call(as.secretary, 'roster', 'previewImport', {
      fileID: await upload(await xlsx([['冯红霞', '女', '正式党员', '2012-07-01', '', '', '13933330001', '']])),
      branchId: 'org_b_shiyan',
    })
    if (!preview.ok) throw new Error(JSON.stringify(preview.error))
    const [a, b] = await Promise.all([
      t.call(as.secretary, 'roster', 'confirmImport', { importId: preview.data.importId }),
      t.call(as.secretary, 'roster', 'confirmImport', { importId: preview.data.importId }),
    ])
    expect([code(a), code(b)].sort()).toEqual(['ROSTER.IMPORT_ALREADY_CONFIRMED', 'ok'])
    const found = await t.call(as.secretary, 'roster', 'listMembers', {
      branchId: 'org_b_shiyan',
      search: '冯红霞',
    })
    expect(found.ok && found.data.total).toBe(1)
  })
})

describe('interrupted imports', () => {
  it('reads a run silent for 90 s as failed, and a second confirm writes only what is missing', async () => {
    t.advance(60_000) // a later import than the earlier tests': the clock is frozen
    const rows = [
      ['褚晓东', '男', '正式党员', '2011-07-01', '', '', '13944440001', ''],
      ['卫丽华', '女', '正式党员', '2012-07-01', '', '', '13944440002', ''],
    ]
    const content = await xlsx(rows)
    const cloudPath = `imports/t_demo/m_shiyan_01/${process.pid}-interrupted.xlsx`
    const put = async () =>
      ((await t.cloud.uploadFile({ cloudPath, fileContent: content })) as { fileID: string }).fileID
    const preview = await t.call(as.secretary, 'roster', 'previewImport', {
      fileID: await put(),
      branchId: 'org_b_shiyan',
    })
    if (!preview.ok) throw new Error(JSON.stringify(preview.error))
    const importId = preview.data.importId
    await t.call(as.secretary, 'roster', 'confirmImport', { importId })
    expect(await waitDone(importId)).toMatchObject({ status: 'done', created: 2 })

    // Pretend the function died mid-run: status left running, progress stale, and the uploaded file still
    // there (a finished import deletes it; one cut off has not got that far).
    await t.db
      .collection('imports')
      .doc(importId)
      .update({ data: { status: 'running', done: 1, updatedAt: t.emu.clock.now() - 91_000 } })
    await put()
    const stalled = await t.call(as.secretary, 'roster', 'importStatus', { importId })
    expect(stalled).toMatchObject({ ok: true, data: { status: 'failed', error: expect.stringContaining('中断') } })

    const latest = await t.call(as.secretary, 'roster', 'latestImport', {
      branchId: 'org_b_shiyan',
    })
    expect(latest.ok && latest.data.latest?.importId).toBe(importId)

    const rerun = await t.call(as.secretary, 'roster', 'confirmImport', { importId })
    expect(rerun).toMatchObject({ ok: true, data: { status: 'done', created: 0, unchanged: 2 } })
    const found = await t.call(as.secretary, 'roster', 'listMembers', {
      branchId: 'org_b_shiyan',
      search: '褚晓东',
    })
    expect(found.ok && found.data.total).toBe(1)
  })
})

describe('roster export', () => {
  it("exports a branch's roster as xlsx: full phones for its secretary, masked for a committee member", async () => {
    const bySecretary = await t.call(as.secretary, 'roster', 'exportRoster', {
      branchId: 'org_b_shiyan',
    })
    if (!bySecretary.ok) throw new Error(JSON.stringify(bySecretary.error))
    expect(bySecretary.data.fileName).toMatch(/^党员名册-实验小学党支部-\d{8}-\d{4}\.xlsx$/)
    const rows = await downloadedRows(bySecretary.data.url)
    expect(rows[0]).toEqual([
      '姓名',
      '所在党支部',
      '党小组',
      '人员类别',
      '入党日期',
      '转正日期',
      '职务',
      '手机号码',
      '状态',
    ])
    expect(rows).toHaveLength(bySecretary.data.count + 1)
    expect(rows.find((r) => r[0] === '赵春梅')?.[7]).toBe('13911110001')

    const byCommittee = await t.call(as.committee, 'roster', 'exportRoster', {
      branchId: 'org_b_shiyan',
    })
    if (!byCommittee.ok) throw new Error(JSON.stringify(byCommittee.error))
    expect((await downloadedRows(byCommittee.data.url)).find((r) => r[0] === '赵春梅')?.[7]).toBe('139****0001')
  })

  it('exports the whole tenant for bureau staff only', async () => {
    const all = await t.call(as.bureau, 'roster', 'exportRoster', { branchId: null })
    expect(all.ok && all.data.count).toBeGreaterThanOrEqual(56)
    expect(code(await t.call(as.secretary, 'roster', 'exportRoster', { branchId: null }))).toBe('AUTH.FORBIDDEN')
  })

  it('offers the import template', async () => {
    const template = await t.call(as.secretary, 'roster', 'importTemplate')
    if (!template.ok) throw new Error(JSON.stringify(template.error))
    expect((await downloadedRows(template.data.url))[0]).toContain('姓名')
  })
})
