/**
 * The yearly cycle at full size. The bureau's year view of 500 branches (10,000 members, each branch's
 * year digest in a mix of states: talks part done, 组织生活会 begun, 民主评议 open or decided, 述职 in
 * or missing), through the gateway and the yearly-cycle function, ms per call (median of 5, page of 50).
 * Then a 50-member branch's 民主评议 run through the function: opened, 50 ballots cast by 50 voters,
 * each marking all 50 appraised (2,500 marks), closed; the tally, ms per call.
 */
import { cycleDigest } from '../../cloudfunctions/domain/yearly-cycle/cycle-digest'
import type { AppraisalGrade, CycleDigestDoc } from '../../types/yearly-cycle'
import { memberDoc } from '../fixtures/member-doc'
import { BUILT_FUNCTIONS } from '../functions/helpers/demo'
import { startTestEmulator, type TestEmulator } from '../functions/helpers/emulator'
import { BIG, BIG_TENANT, seedBigTenant } from './big-tenant'
import { collectionNames } from './data-files'
import type { Figure } from './figure'
import { gatewayTiming } from './gateway-timing'

// A named instant in the autumn term, when every item of the year is under way.
const NOW = Date.parse('2026-11-20T10:00:00+08:00')
const YEAR = 2026
const DAY = 86_400_000
const TALLY_BRANCH = 'big_b_tally'
const TALLY_MEMBERS = 50
const round = (n: number) => Math.round(n * 10) / 10
const GRADES: AppraisalGrade[] = ['excellent', 'qualified', 'qualified', 'qualified', 'basic']

async function addAll(t: TestEmulator, collection: string, docs: object[]): Promise<void> {
  await t.db.createCollection(collection).catch(() => {})
  for (let i = 0; i < docs.length; i += 50) {
    await Promise.all(docs.slice(i, i + 50).map((doc) => t.db.collection(collection).add({ data: doc })))
  }
}

/** Branch b's year, in one of five states, by the function's own digest rule. */
function digestOf(b: number): CycleDigestDoc {
  const branchId = `big_b_${String(b).padStart(3, '0')}`
  const memberIds = Array.from({ length: 20 }, (_, m) => `${branchId}_m${String(m).padStart(2, '0')}`)
  const committeeIds = memberIds.slice(0, 5)
  const state = b % 5
  const talked = memberIds.slice(5, 5 + state * 4).map((id) => ({ pair: [committeeIds[0], id] as [string, string] }))
  const roundId = `ar_${YEAR}_${branchId}`
  return cycleDigest({
    tenantId: BIG_TENANT,
    branchId,
    year: YEAR,
    people: { committeeIds, memberIds },
    talks: talked,
    orgLife:
      state === 0
        ? null
        : {
            theme: '学习贯彻党的创新理论',
            opinionsClosedAt: state >= 2 ? NOW - 30 * DAY : null,
            meetingId: state >= 3 ? `mt_${branchId}_org_life` : null,
            report: state === 4 ? { text: '情况报告', fileIds: [], by: committeeIds[0], at: NOW - 5 * DAY } : null,
          },
    opinions: state * 3,
    selfExaminedIds: state >= 2 ? memberIds.slice(0, 15) : [],
    rectifications: { total: state >= 3 ? 3 : 0, closed: state === 4 ? 3 : 0 },
    round:
      state < 2
        ? null
        : {
            _id: roundId,
            votingOpensAt: NOW - 20 * DAY,
            votingClosesAt: state === 2 ? NOW + DAY : NOW - 10 * DAY,
            status: state === 4 ? 'decided' : 'open',
            exemptions: [],
          },
    grades: state === 4 ? memberIds.map((_, m) => GRADES[m % GRADES.length]) : [],
    report:
      state >= 3
        ? {
            roundId: `rr_${YEAR}_${BIG_TENANT}`,
            reportId: `rr_${YEAR}_${BIG_TENANT}:${branchId}`,
            submittedAt: NOW - 3 * DAY,
            bureau: ['good'],
          }
        : null,
    now: NOW,
  })
}

/** A 50-member branch under the committee, every member bound to `o_tally_<m>`. */
async function seedTallyBranch(t: TestEmulator): Promise<string[]> {
  await t.db.collection('orgs').add({
    data: {
      _id: TALLY_BRANCH,
      tenantId: BIG_TENANT,
      kind: 'branch',
      name: '第一中学党支部',
      parentId: 'big_committee',
      ancestors: ['big_committee'],
      order: 600,
    },
  })
  const ids = Array.from({ length: TALLY_MEMBERS }, (_, m) => `${TALLY_BRANCH}_m${String(m).padStart(2, '0')}`)
  await addAll(
    t,
    'members',
    ids.map((id, m) =>
      memberDoc(
        { _id: id, tenantId: BIG_TENANT, name: `一中党员${m + 1}`, branchId: TALLY_BRANCH },
        { joinedOn: '2010-07-01', committeePosition: m === 0 ? 'secretary' : null, createdAt: m, updatedAt: m },
      ),
    ),
  )
  await addAll(
    t,
    'bindings',
    ids.map((id, m) => ({ _id: `o_tally_${m}`, tenantId: BIG_TENANT, memberId: id, boundAt: 0 })),
  )
  return ids
}

export default async function run(): Promise<Figure[]> {
  const t = await startTestEmulator({
    functionsDir: BUILT_FUNCTIONS,
    now: NOW,
    log: (line) => {
      if (/error|fail/i.test(line)) console.error(line)
    },
  })
  try {
    const seeded = performance.now()
    // As a deployment has them (database/collections.json): every collection exists, empty or not.
    for (const name of collectionNames()) await t.db.createCollection(name).catch(() => {})
    await seedBigTenant(t)
    await addAll(
      t,
      'cycle_digests',
      Array.from({ length: 500 }, (_, b) => digestOf(b)),
    )
    const appraised = await seedTallyBranch(t)
    console.log(
      `yearly-cycle bench: seeded 500 branches, 10,050 members and their digests in ${round((performance.now() - seeded) / 1000)} s`,
    )

    const { timed, measure } = gatewayTiming(t, 'yearly-cycle')

    type Overview = { total: number; branches: number; complete: number; items: unknown[] }
    const view = await measure<Overview>(BIG.bureau, 'yearOverview', { year: YEAR, pageSize: 50 })
    const incomplete = await measure<Overview>(BIG.bureau, 'yearOverview', {
      year: YEAR,
      filter: 'incomplete',
      pageSize: 50,
    })
    if (view.data.branches !== 501 || view.data.items.length !== 50) {
      throw new Error(`the year view did not cover every branch: ${view.data.branches}`)
    }

    // A 50-member branch's round: opened by its secretary, voted by all 50, then closed.
    const opened = await timed<{ roundId: string; voters: number }>('o_tally_0', 'openAppraisal', {
      branchId: TALLY_BRANCH,
      year: YEAR,
      votingOpensAt: NOW - 60_000,
      votingClosesAt: NOW + DAY,
      withOrgLife: false,
    })
    const { roundId } = opened.data
    const voted = performance.now()
    for (let i = 0; i < TALLY_MEMBERS; i += 5) {
      await Promise.all(
        Array.from({ length: 5 }, (_, k) => i + k).map((v) =>
          timed(`o_tally_${v}`, 'castBallot', {
            roundId,
            marks: Object.fromEntries(appraised.map((id, m) => [id, GRADES[(m + v) % GRADES.length]])),
          }),
        ),
      )
    }
    const castMs = (performance.now() - voted) / TALLY_MEMBERS
    t.emu.clock.set(NOW + DAY + 60_000)
    type Tally = { ballots: number; rows: { counts: Record<AppraisalGrade, number> }[] }
    const tally = await measure<Tally>('o_tally_0', 'appraisalTally', { roundId })
    const marks = tally.data.rows.reduce((sum, row) => sum + Object.values(row.counts).reduce((a, b) => a + b, 0), 0)
    if (tally.data.ballots !== TALLY_MEMBERS || marks !== TALLY_MEMBERS * TALLY_MEMBERS) {
      throw new Error(`the tally counted ${tally.data.ballots} ballots, ${marks} marks`)
    }
    console.log(
      `yearly-cycle bench: year view ${round(view.ms)} ms (incomplete filter ${round(incomplete.ms)} ms, ${incomplete.data.total} branches); a ballot ${round(castMs)} ms; tally of ${tally.data.ballots} ballots × ${TALLY_MEMBERS} ${round(tally.ms)} ms`,
    )
    return [
      {
        name: 'yearly-cycle year view, 500 branches (page of 50)',
        value: round(view.ms),
        unit: 'ms',
        budget: { max: 500 },
      },
      {
        name: 'yearly-cycle year view, 500 branches, incomplete only',
        value: round(incomplete.ms),
        unit: 'ms',
        budget: { max: 500 },
      },
      { name: 'yearly-cycle castBallot, 50-member round (5 at once)', value: round(castMs), unit: 'ms' },
      {
        name: 'yearly-cycle tally, 50 ballots × 50 appraised (2,500 marks)',
        value: round(tally.ms),
        unit: 'ms',
        budget: { max: 1000 },
      },
    ]
  } finally {
    await t.stop()
  }
}
