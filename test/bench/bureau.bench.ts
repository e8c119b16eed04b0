/**
 * Bureau oversight at full size: 500 branches, 10,000 members, a year of
 * meetings under the evidence rules (每支部每月支委会、每个党小组的党小组会、主题党日、
 * 集中学习, 每季度党员大会合并党课; each recorded with attendance and minutes, a few
 * gaps, a few awaiting their record, a few below quorum) and 1,000,000 ledger
 * entries with their maintained totals — all
 * written straight into the emulator's nedb files (points-ledger-files.ts, and
 * the meetings the same way) before it starts. The overview and the compliance
 * matrix of the year, through the gateway and the bureau function, in ms per
 * call; then the same calls for a 50-branch tenant in the same database, and
 * the ratio 500 : 50.
 */
import { appendFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { digestsOf } from '../../cloudfunctions/domain/meetings/digest'
import type { ComplianceMatrix, Overview } from '../../types/bureau'
import type { MeetingEvidence } from '../../types/meeting-digest'
import type { MeetingDoc, MeetingType } from '../../types/meetings'
import type { MemberDoc, OrgDoc } from '../../types/roster'
import { meetingDoc } from '../fixtures/meeting-doc'
import { memberDoc } from '../fixtures/member-doc'
import { BUILT_FUNCTIONS } from '../functions/helpers/demo'
import { startTestEmulator } from '../functions/helpers/emulator'
import { BIG, BIG_TENANT } from './big-tenant'
import type { Figure } from './figure'
import { gatewayTiming } from './gateway-timing'
import { writeBigPointsData } from './points-ledger-files'

const ENTRIES = 1_000_000
const SMALL_TENANT = 't_b50'
const SMALL_BUREAU = 'o_b50_bureau'
const SHANGHAI = 8 * 3_600_000
const DAY = 86_400_000
const round = (n: number) => Math.round(n * 10) / 10
const lines = (docs: object[]) => docs.map((doc) => `${JSON.stringify(doc)}\n`).join('')

const MONTHLY: MeetingType[] = ['committee_meeting', 'theme_day', 'study']

/**
 * A year of meetings up to now for branches `branchIds` (with `groups` 党小组
 * each), every one held recorded with attendance and minutes: one group's
 * 党小组会 missing in about every seventh branch-month, a 集中学习 without its
 * record in about every eleventh, a 党员大会 below quorum in about every
 * thirteenth branch-quarter. Answers the meetings and their evidence.
 */
function yearOfMeetings(tenantId: string, branchIds: string[], groups: number, now: number) {
  const year = new Date(now + SHANGHAI).getUTCFullYear()
  const thisMonth = new Date(now + SHANGHAI).getUTCMonth()
  const docs: MeetingDoc[] = []
  const evidence = new Map<string, MeetingEvidence>()
  branchIds.forEach((branchId, b) => {
    for (let month = 0; month <= thisMonth; month++) {
      const monthStart = Date.UTC(year, month, 1) - SHANGHAI
      const add = (id: string, type: MeetingType, day: number, fields: Partial<MeetingDoc>, recorded = true) => {
        const startsAt = monthStart + day * DAY + 15 * 3_600_000
        docs.push(
          meetingDoc(
            { _id: id, tenantId, branchId, type, startsAt },
            {
              closedAt: startsAt <= now ? startsAt + 3 * 3_600_000 : null,
              createdBy: 'bench',
              createdAt: startsAt - 7 * DAY,
              updatedAt: startsAt - 7 * DAY,
              ...fields,
            },
          ),
        )
        if (recorded && startsAt + 3 * 3_600_000 <= now) {
          const quorate = type !== 'general_meeting' || (b + month) % 13 !== 0
          evidence.set(id, {
            presentAt: startsAt,
            minutesAt: startsAt + 3 * 3_600_000,
            voters: 18,
            votersPresent: quorate ? 15 : 7,
          })
        }
      }
      MONTHLY.forEach((type, index) => {
        add(`bm_${branchId}_${month}_${type}`, type, 3 + index * 4, {}, type !== 'study' || (b + month) % 11 !== 0)
      })
      for (let g = 0; g < groups; g++) {
        if (g === 0 && (b + month) % 7 === 0) continue
        add(`bm_${branchId}_${month}_group_${g}`, 'group_meeting', 5 + g, {
          scope: { kind: 'group', groupId: `${branchId}_g${g}` },
        })
      }
      if (month % 3 === 1) add(`bm_${branchId}_${month}_general`, 'general_meeting', 20, { alsoCounts: ['lecture'] })
    }
  })
  return { docs, evidence }
}

/** A second tenant of 50 branches × 20 members and its bureau staff, appended to the same files. */
function smallTenant(dbDir: string): string[] {
  const orgs: OrgDoc[] = [
    {
      _id: 'b50_committee',
      tenantId: SMALL_TENANT,
      kind: 'committee',
      name: '小县教育局党委',
      parentId: null,
      ancestors: [],
      order: 0,
      status: 'active',
    },
  ]
  const members: MemberDoc[] = []
  const branchIds: string[] = []
  for (let b = 0; b < 50; b++) {
    const id = `b50_b_${String(b).padStart(2, '0')}`
    branchIds.push(id)
    orgs.push({
      _id: id,
      tenantId: SMALL_TENANT,
      kind: 'branch',
      name: `第${b + 1}小学党支部`,
      parentId: 'b50_committee',
      ancestors: ['b50_committee'],
      order: b,
      status: 'active',
    })
    for (let m = 0; m < 20; m++) {
      members.push(
        memberDoc(
          { _id: `${id}_m${m}`, tenantId: SMALL_TENANT, name: `党员${b}-${m}`, branchId: id },
          { committeePosition: m === 0 ? 'secretary' : null },
        ),
      )
    }
  }
  members.push({
    ...members[0],
    _id: 'b50_bureau',
    name: '组织科',
    branchId: null,
    committeePosition: null,
    grants: [{ role: 'bureau_staff' }],
  })
  appendFileSync(join(dbDir, 'tenants.db'), lines([{ _id: SMALL_TENANT, name: '小县教育局党委' }]))
  appendFileSync(join(dbDir, 'orgs.db'), lines(orgs))
  appendFileSync(join(dbDir, 'members.db'), lines(members))
  appendFileSync(
    join(dbDir, 'bindings.db'),
    lines([{ _id: SMALL_BUREAU, tenantId: SMALL_TENANT, memberId: 'b50_bureau', boundAt: 0 }]),
  )
  return branchIds
}

export default async function run(): Promise<Figure[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-bureau-'))
  const dbDir = join(dataDir, 'db')
  mkdirSync(dbDir, { recursive: true })
  const now = Date.now()
  const made = await writeBigPointsData(dataDir, ENTRIES, now)
  const bigBranches = Array.from({ length: 500 }, (_, b) => `big_b_${String(b).padStart(3, '0')}`)
  const smallBranches = smallTenant(dbDir)
  const big = yearOfMeetings(BIG_TENANT, bigBranches, 3, now)
  const small = yearOfMeetings(SMALL_TENANT, smallBranches, 0, now)
  const meetings = [...big.docs, ...small.docs]
  appendFileSync(join(dbDir, 'meetings.db'), lines(meetings))
  // As the meetings function would have kept them while scheduling and recording (the reads under test use these).
  appendFileSync(
    join(dbDir, 'meeting_digests.db'),
    lines(digestsOf(meetings, new Map([...big.evidence, ...small.evidence]))),
  )
  console.log(
    `bureau bench: wrote ${made.entries.toLocaleString()} ledger entries, ${made.totals.toLocaleString()} totals, ${made.members.toLocaleString()} members and ${meetings.length.toLocaleString()} meetings in ${round(made.ms / 1000)} s`,
  )
  const t = await startTestEmulator({ functionsDir: BUILT_FUNCTIONS, dataDir, workers: 2 })
  try {
    // Opening a million-entry ledger outlasts the SDK's default patience (node-sdk's request timeout).
    const patient = { env: t.emu.sdkEnv.TCB_ENV, timeout: 300_000 }
    t.cloud.init(patient)
    // Opening the big collections (the ledger above all) happens on first read.
    const loadStarted = performance.now()
    for (const name of ['points_ledger', 'points_totals', 'meetings', 'meeting_digests', 'members']) {
      for (let attempt = 0; ; attempt++) {
        try {
          await t.db.collection(name).where({ _id: 'none' }).limit(1).get()
          break
        } catch (error) {
          if (attempt >= 20) throw error
        }
      }
    }
    console.log(`bureau bench: emulator opened the collections in ${round((performance.now() - loadStarted) / 1000)} s`)

    const { measure } = gatewayTiming(t, 'bureau')
    const year = new Date(now + SHANGHAI).getUTCFullYear()
    const bigOverview = await measure<Overview>(BIG.bureau, 'overview', {})
    const bigMatrix = await measure<ComplianceMatrix>(BIG.bureau, 'complianceMatrix', { year, pageSize: 50 })
    const smallOverview = await measure<Overview>(SMALL_BUREAU, 'overview', {})
    const smallMatrix = await measure<ComplianceMatrix>(SMALL_BUREAU, 'complianceMatrix', { year, pageSize: 50 })
    if (bigMatrix.data.total !== 500 || smallMatrix.data.total !== 50)
      throw new Error('the matrix did not cover every branch')
    if (bigOverview.data.branches !== 500 || bigOverview.data.members !== 10_000)
      throw new Error('overview counts are off')
    const sum = (state: 'missing' | 'no_quorum' | 'awaiting' | 'held') =>
      bigMatrix.data.totals.perPeriod.reduce((total, row) => total + row[state], 0)
    console.log(
      `bureau bench: 500 branches — overview ${round(bigOverview.ms)} ms, matrix ${round(bigMatrix.ms)} ms (branch-months ${sum('held')} 已开展, ${sum('missing')} 未开展, ${sum('no_quorum')} 未达法定人数, ${sum('awaiting')} 待补记录); 50 branches — overview ${round(smallOverview.ms)} ms, matrix ${round(smallMatrix.ms)} ms`,
    )
    return [
      {
        name: 'bureau overview, 500 branches / 10k members / 1M ledger',
        value: round(bigOverview.ms),
        unit: 'ms',
        budget: { max: 500 },
      },
      {
        name: 'bureau compliance matrix (year), 500 branches',
        value: round(bigMatrix.ms),
        unit: 'ms',
        budget: { max: 500 },
      },
      { name: 'bureau overview, 50 branches', value: round(smallOverview.ms), unit: 'ms' },
      { name: 'bureau compliance matrix (year), 50 branches', value: round(smallMatrix.ms), unit: 'ms' },
      { name: 'bureau overview growth 500 : 50 branches', value: round(bigOverview.ms / smallOverview.ms), unit: '×' },
      { name: 'bureau matrix growth 500 : 50 branches', value: round(bigMatrix.ms / smallMatrix.ms), unit: '×' },
    ]
  } finally {
    await t.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
