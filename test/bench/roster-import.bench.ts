/** A 2,000-row roster .xlsx, end to end: upload, preview (validation), confirm (writes), until done. */
import ExcelJS from 'exceljs'
import type { ImportStatus } from '../../types/roster-import'
import { as, startDemoEmulator } from '../functions/helpers/demo'
import type { Figure } from './figure'

const BRANCHES = ['实验小学党支部', '城关小学党支部', '职业中学党支部', '山区学校联合支部']
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗']
const GIVEN = [...'建秀志丽海文晓春国红振雪立玉明静磊敏洁涛']

/** Real-looking names (digits are refused by the import's name check): 20 × 20 × 20 = 8,000 distinct. */
const nameOf = (i: number) => SURNAMES[i % 20] + GIVEN[Math.floor(i / 20) % 20] + GIVEN[Math.floor(i / 400) % 20]

async function rosterFile(rows: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('花名册')
  sheet.addRow(['姓名', '性别', '人员类别', '入党日期', '所在党支部', '手机号码', '身份证号'])
  for (let i = 0; i < rows; i++) {
    sheet.addRow([
      nameOf(i),
      i % 2 ? '男' : '女',
      '正式党员',
      `20${String(i % 20).padStart(2, '0')}年7月1日`,
      BRANCHES[i % BRANCHES.length],
      `158${String(i).padStart(8, '0')}`,
      '110101199001011234',
    ])
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

export default async function run(): Promise<Figure[]> {
  const t = await startDemoEmulator()
  try {
    const content = await rosterFile(2000)
    const started = performance.now()
    const { fileID } = (await t.cloud.uploadFile({
      cloudPath: 'imports/t_demo/m_bureau_01/bench-2000.xlsx',
      fileContent: content,
    })) as { fileID: string }
    const preview = await t.callOk(as.bureau, 'roster', 'previewImport', { fileID, branchId: null })
    const previewed = performance.now()
    if (preview.totals.validRows !== 2000)
      throw new Error(`only ${preview.totals.validRows} valid rows: ${JSON.stringify(preview.issues.slice(0, 3))}`)
    await t.callOk(as.bureau, 'roster', 'confirmImport', { importId: preview.importId })
    let status: ImportStatus
    do {
      status = await t.callOk(as.bureau, 'roster', 'importStatus', { importId: preview.importId })
    } while (status.status === 'running')
    if (status.status !== 'done' || status.created !== 2000) throw new Error(`import ended ${JSON.stringify(status)}`)
    const finished = performance.now()
    return [
      {
        name: 'roster import 2,000-row xlsx: upload + preview',
        value: Math.round((previewed - started) / 100) / 10,
        unit: 's',
      },
      {
        name: 'roster import 2,000-row xlsx: end to end',
        value: Math.round((finished - started) / 100) / 10,
        unit: 's',
        budget: { max: 20 },
      },
    ]
  } finally {
    await t.stop()
  }
}
