/**
 * 党费 at full size: the bureau's 党费收缴率 page (`duesCollection`, its first page of branches and the
 * county's figures) for 500 branches / 10,000 members × 12 months. The page reads only the derived
 * dues_branch_months (6,000 rows, one per branch and month, as the lifecycle function writes them on
 * every dues write), never the 120,000 member-months: the rows are written straight through the SDK,
 * each a branch's month of 20 members with one or two unpaid in some months. Then the write path that
 * keeps them: a secretary's 核定基数 and a 12-month payment in a 20-member branch, each rewriting the
 * branch's 12 rows; and the yearly .xlsx import of the whole branch's next-year bases (preview, then
 * confirm: 20 bases written and audited, the branch's months and each member's run refreshed).
 */
import { BUILT_FUNCTIONS } from '../functions/helpers/demo'
import { startTestEmulator } from '../functions/helpers/emulator'
import { xlsxOf } from '../support/sheet-rows'
import { BIG, BIG_TENANT, seedBigTenant } from './big-tenant'
import { collectionNames } from './data-files'
import { duesBranchMonth } from './dues-month'
import type { Figure } from './figure'
import { gatewayTiming } from './gateway-timing'

const round = (n: number) => Math.round(n * 10) / 10
const BRANCHES = 500
const PER_BRANCH = 20

export default async function run(): Promise<Figure[]> {
  const t = await startTestEmulator({ functionsDir: BUILT_FUNCTIONS, workers: 2 })
  try {
    await seedBigTenant(t, BRANCHES, PER_BRANCH)
    const year = new Date(t.emu.clock.now() + 8 * 3_600_000).getUTCFullYear()
    // As an administrator creates them from database/collections.json (the big tenant creates only the roster's):
    // every one, so a collection a dues action comes to read (dues_runs, for 更新中) is there as when deployed.
    for (const name of collectionNames()) await t.db.createCollection(name).catch(() => {})
    const docs: ReturnType<typeof duesBranchMonth>[] = []
    for (let b = 0; b < BRANCHES; b++) {
      for (let m = 1; m <= 12; m++) {
        const branchId = `big_b_${String(b).padStart(3, '0')}`
        docs.push(
          duesBranchMonth(
            BIG_TENANT,
            branchId,
            `${year - 1}-${String(m).padStart(2, '0')}`,
            PER_BRANCH,
            (b + m) % 7 === 0 ? 2 : 0,
          ),
        )
      }
    }
    for (let i = 0; i < docs.length; i += 50) {
      await Promise.all(docs.slice(i, i + 50).map((doc) => t.db.collection('dues_branch_months').add({ data: doc })))
    }
    const { measure, timed } = gatewayTiming(t, 'lifecycle')
    type Figures = { total: number; branches: unknown[]; tenant: { owedMonths: number } }
    // Last year: every month closed (this year's figures count only its closed months).
    const page = await measure<Figures>(BIG.bureau, 'duesCollection', { year: year - 1, page: 1, pageSize: 20 })
    if (page.data.total !== BRANCHES || page.data.tenant.owedMonths !== BRANCHES * 12 * PER_BRANCH) {
      throw new Error(
        `duesCollection answered ${page.data.total} branches, ${page.data.tenant.owedMonths} member-months`,
      )
    }
    const member = `${BIG.firstBranch}_m05`
    const base = await timed(BIG.secretary, 'setDuesBase', {
      memberId: member,
      year,
      category: 'employed',
      baseFen: 450_000,
    })
    const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`)
    const paid = await timed(BIG.secretary, 'recordDuesPayment', {
      requestId: 'bench-payment',
      memberId: member,
      months: months.filter((month) => month <= new Date(t.emu.clock.now() + 8 * 3_600_000).toISOString().slice(0, 7)),
      method: 'transfer',
      paidOn: new Date(t.emu.clock.now() + 8 * 3_600_000).toISOString().slice(0, 10),
    })
    // The big tenant's names (党员0-5) are not names a roster takes: the rows match by phone alone.
    const rows = Array.from({ length: PER_BRANCH }, (_, m) => [
      '',
      `15${String(m).padStart(9, '0')}`,
      '在职',
      3_000 + m * 250.5,
    ])
    const content = await xlsxOf('党费基数', [['姓名', '手机号码', '类别', '税后月工资'], ...rows])
    const { fileID } = (await t.cloud.uploadFile({
      cloudPath: `imports/${BIG_TENANT}/${BIG.firstBranch}_m00/bench-bases.xlsx`,
      fileContent: content,
    })) as { fileID: string }
    const preview = await timed<{ importId: string; totals: { set: number } }>(BIG.secretary, 'previewDuesBaseImport', {
      fileID,
      branchId: BIG.firstBranch,
      year: year + 1,
    })
    if (preview.data.totals.set !== PER_BRANCH) throw new Error(`the import previewed ${preview.data.totals.set} bases`)
    const confirmed = await timed(BIG.secretary, 'confirmDuesBaseImport', { importId: preview.data.importId })
    return [
      {
        name: 'lifecycle.duesCollection (500 branches × 12 months), median',
        value: round(page.ms),
        unit: 'ms',
        budget: { max: 500 },
      },
      { name: 'lifecycle.setDuesBase (20-member branch, 12 rows rewritten)', value: round(base.ms), unit: 'ms' },
      { name: 'lifecycle.recordDuesPayment (year to date, 12 rows rewritten)', value: round(paid.ms), unit: 'ms' },
      { name: 'lifecycle.previewDuesBaseImport (20-row .xlsx of a branch)', value: round(preview.ms), unit: 'ms' },
      {
        name: 'lifecycle.confirmDuesBaseImport (20 bases, audited, derived rows refreshed)',
        value: round(confirmed.ms),
        unit: 'ms',
      },
    ]
  } finally {
    await t.stop()
  }
}
