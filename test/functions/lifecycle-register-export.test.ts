// 发展党员登记册: the .xlsx the lifecycle function has the sheets function write, read back as the reader
// downloads it. One row per file of the branches the caller manages, with the milestones' dates and the
// 培养联系人 / 入党介绍人 by name — and never a phone or an identity number. Each export is audited.
import { downloadedRows } from '../support/sheet-rows'
import { as, type DemoEmulator, startDemoEmulator } from './helpers/demo'

let t: DemoEmulator
const NOW = new Date('2026-12-10T10:00:00+08:00').getTime()
const PHONE = '13912345678'

beforeAll(async () => {
  t = await startDemoEmulator({ at: NOW })
  // A file with a phone on it: the register must not carry it.
  await t.callOk(as.secretary, 'lifecycle', 'createDevelopmentFile', {
    branchId: 'org_b_shiyan',
    name: '陈晓',
    phone: PHONE,
    teachingRole: 'teacher',
    appliedOn: '2026-11-18',
    requestId: 'register-chenxiao',
  })
}, 60_000)
afterAll(() => t.stop())

async function sheetOf(url: string) {
  const [headers, ...rows] = await downloadedRows(url, '发展党员登记册')
  return { headers, rows }
}

it("the bureau's register has every file of the county, in columns the 细则 names, without phones", async () => {
  const files = await t.count('development_files', {})
  const made = await t.callOk(as.bureau, 'lifecycle', 'exportDevelopmentRegister', { branchId: null })
  expect(made.fileName).toMatch(/^发展党员登记册-全县-.*\.xlsx$/)
  expect(made.rows).toBe(files)
  const { headers, rows } = await sheetOf(made.url)
  expect(headers).toEqual([
    '序号',
    '党支部',
    '姓名',
    '岗位',
    '骨干教师',
    '当前阶段',
    '递交入党申请书',
    '确定为入党积极分子',
    '培养联系人',
    '确定为发展对象',
    '入党介绍人',
    '支部大会接收为预备党员',
    '上级党委审批',
    '入党宣誓',
    '预备期满',
    '转为正式党员',
    '备注',
  ])
  expect(rows).toHaveLength(files)
  expect(rows.map((row) => row[0])).toEqual(rows.map((_, i) => String(i + 1)))
  // No phone, no identity number (18 digits, or 17 and an X), in any cell.
  const cells = rows.flat()
  expect(cells.some((cell) => cell.includes(PHONE))).toBe(false)
  expect(cells.some((cell) => /\d{17}[\dXx]/.test(cell) || /1\d{10}/.test(cell))).toBe(false)

  const chen = rows.find((row) => row[2] === '陈晓')
  expect(chen?.slice(1, 7)).toEqual(['实验小学党支部', '陈晓', '专任教师', '', '入党申请人', '2026-11-18'])
  // 邵雨晴 (demo): a 积极分子 with two 培养联系人, named, not ids.
  const shao = rows.find((row) => row[2] === '邵雨晴')
  expect(shao?.[5]).toBe('入党积极分子')
  expect(shao?.[7]).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  expect(shao?.[8].split('、')).toHaveLength(2)
  expect(shao?.[8]).not.toMatch(/m_/)
  expect(await t.count('audit_log', { action: 'lifecycle.exportRegister' })).toBe(1)
})

it("a secretary's register holds their own branch only; the 总支书记's the 党总支's branches", async () => {
  const own = await t.callOk(as.secretary, 'lifecycle', 'exportDevelopmentRegister', { branchId: 'org_b_shiyan' })
  const { rows } = await sheetOf(own.url)
  expect(rows.length).toBe(await t.count('development_files', { branchId: 'org_b_shiyan' }))
  expect(new Set(rows.map((row) => row[1]))).toEqual(new Set(['实验小学党支部']))

  const general = await t.callOk(as.gbSecretary, 'lifecycle', 'exportDevelopmentRegister', { branchId: null })
  const under = await t.count('development_files', {
    branchId: t.db.command.in(['org_b_yz_high', 'org_b_yz_junior']),
  })
  expect(general.rows).toBe(under)
  expect(under).toBeGreaterThan(0)
  expect((await sheetOf(general.url)).rows.every((row) => row[1].startsWith('第一中学'))).toBe(true)
})

it('a branch the caller does not manage is refused and nothing is audited', async () => {
  const before = await t.count('audit_log', {})
  expect(
    await t.call(as.secretary, 'lifecycle', 'exportDevelopmentRegister', { branchId: 'org_b_chengguan' }),
  ).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } })
  expect(await t.count('audit_log', {})).toBe(before)
})
