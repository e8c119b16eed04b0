/**
 * 五星支部 provisional scores at full size: a 500-branch tenant (10,000
 * members) and a 50-branch one (1,000) in the same database, each with a year
 * of meetings (kept as the meetings function's digests), twelve study tasks
 * with two thirds of the members checked in, points totals, two credited
 * volunteer activities per member, three 示范岗 per branch, every closed month of 党费 per branch, the
 * yearly cycle's digest and two 发展党员 files per branch, the demo scheme with one indicator of every source,
 * an open round and two self-assessment entries per branch — written straight
 * into the emulator's nedb files. Measured: assessment.roundResults (every
 * branch scored live: the year's data read in a fixed number of queries,
 * scored in memory) through the gateway, median of 5, at 500 and at 50.
 */
import { appendFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SOURCE_DEFINITIONS } from '../../cloudfunctions/domain/assessment/sources'
import { digestsOf } from '../../cloudfunctions/domain/meetings/digest'
import { cycleDigest } from '../../cloudfunctions/domain/yearly-cycle/cycle-digest'
import collectionsFile from '../../database/collections.json'
import { demoScheme } from '../../scripts/seed/demo-assessment'
import { type Figure as IndicatorFigure, type Scheme, SOURCE_KEYS } from '../../types/assessment'
import type { DevelopmentFileDoc } from '../../types/lifecycle'
import type { MeetingDoc, MeetingType } from '../../types/meetings'
import type { Result } from '../../types/result'
import type { MemberDoc, OrgDoc } from '../../types/roster'
import type { StudyTaskDoc } from '../../types/study'
import { meetingDoc } from '../fixtures/meeting-doc'
import { memberDoc } from '../fixtures/member-doc'
import { BUILT_FUNCTIONS } from '../functions/helpers/demo'
import { startTestEmulator } from '../functions/helpers/emulator'
import { duesBranchMonth } from './dues-month'
import type { Figure } from './figure'

const NOW = new Date('2026-11-18T10:00:00+08:00').getTime()
const YEAR = 2026
const SHANGHAI = 8 * 3_600_000
const DAY = 86_400_000
const round = (n: number) => Math.round(n * 10) / 10
const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]
const lines = (docs: object[]) => docs.map((doc) => `${JSON.stringify(doc)}\n`).join('')

/**
 * The demo's scheme and one more area with every other source, so the bench reads and scores a year of
 * every domain the indicators draw on (the reader reads them all whatever the scheme names).
 */
function benchScheme(): Scheme {
  const scheme = demoScheme(YEAR)
  const used = new Set(
    scheme.areas.flatMap((area) => area.indicators.flatMap((item) => (item.kind === 'computed' ? [item.source] : []))),
  )
  const rest = SOURCE_KEYS.filter((source) => !used.has(source))
  return {
    ...scheme,
    areas: [
      ...scheme.areas,
      {
        key: 'a9',
        name: '基础保障',
        indicators: rest.map((source, i) => ({
          key: `a9_${i + 1}`,
          name: SOURCE_DEFINITIONS[source].name,
          kind: 'computed' as const,
          source,
          scoring: { method: 'ratio' as const, target: SOURCE_DEFINITIONS[source].unit === 'hours' ? 4 : 1 },
          maxScore: 5,
          guidance: '',
        })),
      },
    ],
  }
}

/** A branch's 谈心谈话, 组织生活会 and 民主评议 year, in one of three states, by the yearly cycle's own digest rule. */
function cycleOf(tenantId: string, branchId: string, b: number, memberIds: string[]) {
  const state = b % 3
  return cycleDigest({
    tenantId,
    branchId,
    year: YEAR,
    people: { committeeIds: memberIds.slice(0, 3), memberIds },
    talks: memberIds.slice(3, 3 + state * 6).map((id) => ({ pair: [memberIds[0], id] as [string, string] })),
    orgLife:
      state === 0
        ? null
        : {
            theme: '学习贯彻党的创新理论',
            opinionsClosedAt: NOW - 30 * DAY,
            meetingId: null,
            report: state === 2 ? { text: '情况报告', fileIds: [], by: memberIds[0], at: NOW - 5 * DAY } : null,
          },
    opinions: state * 3,
    selfExaminedIds: state ? memberIds : [],
    rectifications: { total: state, closed: state === 2 ? 2 : 0 },
    round:
      state === 2
        ? {
            _id: `ar_${YEAR}_${branchId}`,
            votingOpensAt: NOW - 20 * DAY,
            votingClosesAt: NOW - 10 * DAY,
            status: 'decided',
            exemptions: [],
          }
        : null,
    grades: state === 2 ? memberIds.map(() => 'qualified' as const) : [],
    report: null,
    now: NOW,
  })
}

/** Two 发展党员 files a branch: applied this spring, one talked to on time, one late. */
function developmentFiles(tenantId: string, branchId: string, by: string): DevelopmentFileDoc[] {
  return [0, 1].map((i) => ({
    _id: `${branchId}_df${i}`,
    tenantId,
    branchId,
    name: `申请人${i + 1}`,
    phone: null,
    teachingRole: 'teacher' as const,
    keyTeacher: false,
    stage: 'applicant' as const,
    steps: [
      { step: 'application' as const, on: `${YEAR}-03-0${i + 2}` },
      { step: 'talk' as const, on: i === 0 ? `${YEAR}-03-20` : `${YEAR}-06-20` },
    ].map(({ step, on }) => ({
      step,
      on,
      details: { step },
      note: '',
      materials: [],
      recordedBy: by,
      recordedAt: NOW - 200 * DAY,
    })) as DevelopmentFileDoc['steps'],
    reviews: [],
    memberId: null,
    closed: null,
    createdBy: by,
    createdAt: NOW - 260 * DAY,
    updatedAt: NOW - 200 * DAY,
  }))
}

/** One tenant's files: orgs, members, the bureau's binding, a year of meetings, study, points totals, the round. */
function writeTenant(dbDir: string, tenantId: string, branches: number, perBranch: number): string {
  const orgs: OrgDoc[] = [
    {
      _id: `${tenantId}_c`,
      tenantId,
      kind: 'committee',
      name: '教育局党委',
      parentId: null,
      ancestors: [],
      order: 0,
      status: 'active',
    },
  ]
  const members: MemberDoc[] = []
  const meetings: MeetingDoc[] = []
  const branchIds: string[] = []
  const thisMonth = new Date(NOW + SHANGHAI).getUTCMonth()
  for (let b = 0; b < branches; b++) {
    const id = `${tenantId}_b${b}`
    branchIds.push(id)
    const name = [`第${b + 1}小学党支部`, `第${b + 1}中学党支部`, `第${b + 1}职业学校党支部`][b % 3]
    orgs.push({
      _id: id,
      tenantId,
      kind: 'branch',
      name,
      parentId: `${tenantId}_c`,
      ancestors: [`${tenantId}_c`],
      order: b,
      status: 'active',
    })
    for (let m = 0; m < perBranch; m++)
      members.push(memberDoc({ _id: `${id}_m${m}`, tenantId, name: `党员${b}-${m}`, branchId: id }))
    for (let month = 0; month <= thisMonth; month++) {
      const monthStart = Date.UTC(YEAR, month, 1) - SHANGHAI
      const types: MeetingType[] = ['committee_meeting', 'group_meeting', 'theme_day']
      if (month % 3 === 1) types.push('general_meeting', 'lecture')
      types.forEach((type, index) => {
        if ((b + month + index) % 9 === 0) return // a gap now and then
        const startsAt = monthStart + (3 + index * 4) * DAY + 15 * 3_600_000
        meetings.push(meetingDoc({ _id: `${id}_${month}_${type}`, tenantId, branchId: id, type, startsAt }))
      })
    }
  }
  const bureau = {
    ...members[0],
    _id: `${tenantId}_bureau`,
    branchId: null,
    grants: [{ role: 'bureau_staff' as const }],
  }
  const tasks: StudyTaskDoc[] = Array.from({ length: 12 }, (_, i) => ({
    _id: `${tenantId}_task${i}`,
    tenantId,
    title: `学习任务${i + 1}`,
    content: { text: '学习', link: null, videoLink: null, fileID: null, fileName: null },
    startsOn: `${YEAR}-${String(i + 1).padStart(2, '0')}-01`,
    dueOn: `${YEAR}-${String(i + 1).padStart(2, '0')}-20`,
    branchIds,
    memberIds: null,
    collectiveDay: false,
    minNoteLength: 15,
    publishedBy: bureau._id,
    publishedByName: '组织科',
    publishedAt: Date.UTC(YEAR, i, 1),
  }))
  const checkins = tasks.slice(0, 11).flatMap((task, i) =>
    members
      .filter((_, m) => (m + i) % 3 !== 0)
      .map((member) => ({
        _id: `${task._id}:${member._id}`,
        tenantId,
        taskId: task._id,
        memberId: member._id,
        branchId: member.branchId,
        note: '学习心得',
        photos: [],
        at: Date.UTC(YEAR, i, 5),
        day: `${YEAR}-${String(i + 1).padStart(2, '0')}-05`,
        updatedAt: Date.UTC(YEAR, i, 5),
      })),
  )
  const totals = branchIds.map((branchId, b) => ({
    _id: `branch:${branchId}:${YEAR}`,
    tenantId,
    scope: 'branch',
    subjectId: branchId,
    branchId,
    period: String(YEAR),
    points: 1000,
    entries: 100,
    members: perBranch - (b % 5),
  }))
  const roundId = `${tenantId}_${YEAR}`
  const entries = branchIds.flatMap((branchId, b) =>
    ['a3_1', 'a3_2'].map((key) => ({
      _id: `${roundId}:${branchId}:${key}`,
      tenantId,
      roundId,
      branchId,
      indicatorKey: key,
      text: '本支部开展了党建品牌创建活动',
      fileIds: [],
      claimedScore: 10 + (b % 5),
      updatedAt: NOW - DAY,
      score: null,
      comment: null,
      scoredBy: null,
      scoredAt: null,
    })),
  )
  // 志愿服务: two activities a year for every member, credited; 示范岗: three posts in force per branch.
  const hours = members.flatMap((member, m) =>
    [0, 1].map((k) => ({
      _id: `${tenantId}_va${k}:${member._id}`,
      tenantId,
      activityId: `${tenantId}_va${k}`,
      memberId: member._id,
      branchId: member.branchId,
      halfHours: 4 + (m % 3),
      via: 'check_in',
      recordedBy: bureau._id,
      at: Date.UTC(YEAR, 4 + k * 4, 10),
    })),
  )
  const designations = branchIds.flatMap((branchId) =>
    [0, 1, 2].map((k) => ({
      _id: `${branchId}_dsg${k}`,
      tenantId,
      branchId,
      memberId: `${branchId}_m${k}`,
      kind: (['model_post', 'pioneer_post', 'responsibility_area'] as const)[k],
      post: '教学示范岗',
      commitment: '每周为学困生义务辅导一次',
      from: `${YEAR}-03-01`,
      to: `${YEAR + 1}-02-28`,
      endedOn: null,
      createdBy: bureau._id,
      createdAt: 0,
    })),
  )
  const write = (collection: string, docs: object[]) => appendFileSync(join(dbDir, `${collection}.db`), lines(docs))
  write('tenants', [{ _id: tenantId, name: '教育局党委' }])
  write('orgs', orgs)
  write('members', [...members, bureau])
  write('bindings', [{ _id: `o_${tenantId}_bureau`, tenantId, memberId: bureau._id, boundAt: 0 }])
  write('meetings', meetings)
  write('meeting_digests', digestsOf(meetings))
  write('study_tasks', tasks)
  write('study_checkins', checkins)
  write('points_totals', totals)
  write('assessment_schemes', [
    { ...benchScheme(), _id: `${tenantId}:${YEAR}`, tenantId, savedBy: bureau._id, savedAt: NOW - 30 * DAY },
  ])
  write('assessment_rounds', [
    {
      _id: roundId,
      tenantId,
      year: YEAR,
      deadline: NOW + 30 * DAY,
      status: 'open',
      publishedAt: null,
      createdBy: bureau._id,
      createdAt: NOW - 7 * DAY,
    },
  ])
  write('assessment_entries', entries)
  write('volunteer_hours', hours)
  // Each branch's year of hours, as every credit keeps it beside the rows.
  write(
    'volunteer_branch_years',
    branchIds.map((branchId) => ({
      _id: `${branchId}:${YEAR}`,
      tenantId,
      branchId,
      year: YEAR,
      halfHours: hours.filter((row) => row.branchId === branchId).reduce((sum, row) => sum + row.halfHours, 0),
    })),
  )
  write('designations', designations)
  // 党费: every closed month of the year per branch (this month is still being collected), one member behind now
  // and then; the yearly cycle's digest per branch; two 发展党员 files per branch.
  write(
    'dues_branch_months',
    branchIds.flatMap((branchId, b) =>
      Array.from({ length: thisMonth }, (_, month) =>
        duesBranchMonth(
          tenantId,
          branchId,
          `${YEAR}-${String(month + 1).padStart(2, '0')}`,
          perBranch,
          (b + month) % 7 === 0 ? 1 : 0,
        ),
      ),
    ),
  )
  write(
    'cycle_digests',
    branchIds.map((branchId, b) =>
      cycleOf(
        tenantId,
        branchId,
        b,
        Array.from({ length: perBranch }, (_, m) => `${branchId}_m${m}`),
      ),
    ),
  )
  write(
    'development_files',
    branchIds.flatMap((branchId) => developmentFiles(tenantId, branchId, bureau._id)),
  )
  return roundId
}

export default async function run(): Promise<Figure[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-assessment-'))
  const dbDir = join(dataDir, 'db')
  mkdirSync(dbDir, { recursive: true })
  // Every collection exists, as in a deployed environment (an empty one answers empty reads).
  for (const name of Object.keys(collectionsFile.collections)) appendFileSync(join(dbDir, `${name}.db`), '')
  const big = writeTenant(dbDir, 't_a500', 500, 20)
  const small = writeTenant(dbDir, 't_a50', 50, 20)
  const t = await startTestEmulator({
    functionsDir: BUILT_FUNCTIONS,
    dataDir,
    workers: 2,
    now: NOW,
    log: (line) => (process.env.BENCH_LOG ? console.log(line) : undefined),
  })
  try {
    const timed = async (openid: string, roundId: string) => {
      const started = performance.now()
      const res = await t.gateway('assessment', { action: 'roundResults', data: { roundId, pageSize: 50 } }, openid)
      const result = res.body as Result<{ total: number; items: { total: number }[] }>
      if (!result.ok) throw new Error(`assessment.roundResults: ${JSON.stringify(result.error)}`)
      return { ms: performance.now() - started, total: result.data.total }
    }
    const measure = async (openid: string, roundId: string, branches: number) => {
      const first = await timed(openid, roundId) // opens the collections, warms the worker
      if (first.total !== branches) throw new Error(`scored ${first.total} branches, expected ${branches}`)
      const samples: number[] = []
      for (let i = 0; i < 5; i++) samples.push((await timed(openid, roundId)).ms)
      return median(samples)
    }
    // The year is really read: every computed indicator of a branch has a figure with something owed.
    const one = await t.gateway(
      'assessment',
      { action: 'branchScore', data: { roundId: big, branchId: 't_a500_b1' } },
      'o_t_a500_bureau',
    )
    const scored = one.body as Result<{
      score: { areas: { indicators: { key: string; figure: IndicatorFigure | null }[] }[] }
    }>
    if (!scored.ok) throw new Error(`assessment.branchScore: ${JSON.stringify(scored.error)}`)
    const empty = scored.data.score.areas
      .flatMap((area) => area.indicators)
      .filter((item) => item.key !== 'a3_1' && item.key !== 'a3_2' && !(item.figure && item.figure.denominator > 0))
    if (empty.length)
      throw new Error(`indicators with no data in the bench year: ${empty.map((i) => i.key).join(', ')}`)
    const at50 = await measure('o_t_a50_bureau', small, 50)
    const at500 = await measure('o_t_a500_bureau', big, 500)
    console.log(`assessment bench: provisional scores — 500 branches ${round(at500)} ms, 50 branches ${round(at50)} ms`)
    return [
      {
        name: 'assessment provisional scores (roundResults), 500 branches',
        value: round(at500),
        unit: 'ms',
        budget: { max: 2000 },
      },
      { name: 'assessment provisional scores (roundResults), 50 branches', value: round(at50), unit: 'ms' },
      { name: 'assessment provisional scores growth 500 : 50 branches', value: round(at500 / at50), unit: '×' },
    ]
  } finally {
    await t.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
