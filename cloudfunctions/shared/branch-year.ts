import type { SourceKey } from '../../types/assessment'
import type { SchoolKind } from '../../types/bureau'
import type { ComplianceItem } from '../../types/meetings'
import type { OrgDoc } from '../../types/roster'
import { designatedInYear } from '../domain/assessment/designation'
import type { BranchYearData } from '../domain/assessment/figures'
import { targetedIn } from '../domain/bureau/rates'
import { schoolKindOf } from '../domain/bureau/school-kind'
import { groupBy } from '../domain/group-by'
import { onTimeInYear } from '../domain/lifecycle/development-on-time'
import { periodsOfYear } from '../domain/meeting-compliance/periods'
import { periodBounds, periodKeyOf, shanghaiDate } from '../domain/time'
import { COLLECTIONS } from '../runtime/collections'
import type { Store } from '../runtime/store'
import { loadComplianceView } from './compliance-view'
import { loadCycleYears } from './cycle-years'

/**
 * The sources whose year this reader fills into `BranchYearData`. A source
 * whose reader is not here is not offered: an indicator that would always read zero is worse than none.
 */
export const YEAR_DATA_SOURCES: readonly SourceKey[] = [
  'meetings_compliance',
  'theme_days',
  'study_participation',
  'points_activity',
  'talk_coverage',
  'org_life',
  'appraisal',
  'volunteer_hours',
  'model_posts',
  'dues_collection',
  'development_on_time',
]

export type RankedBranch = Pick<OrgDoc, '_id' | 'tenantId' | 'kind' | 'name' | 'ancestors' | 'order'> & {
  schoolKind: SchoolKind
}

/** Every branch of the tenant in tree order, with its 学校类型 as the bureau's rankings read it. */
export async function tenantBranches(store: Store, tenantId: string): Promise<RankedBranch[]> {
  const orgs = await store.findAll(
    COLLECTIONS.orgs,
    { tenantId, kind: 'branch', status: 'active' },
    {
      fields: {
        _id: true,
        tenantId: true,
        kind: true,
        name: true,
        ancestors: true,
        order: true,
        schools: true,
        createdAt: true,
      },
    },
  )
  return orgs
    .sort((a, b) => a.order - b.order)
    .map(({ schools, ...org }) => ({ ...org, schoolKind: schoolKindOf({ name: org.name, schools }) }))
}

/**
 * Each branch's year as the assessment's computed indicators read it — the
 * 三会一课 items judged so far from the meetings digests and the tenant's rule
 * set, study targets and check-ins, points activity — for any number of
 * branches in a fixed number of reads (one branch or the tenant's 500 cost the
 * same queries; only the rows grow).
 */
export async function branchYears(
  store: Store,
  tenantId: string,
  branches: readonly Pick<OrgDoc, '_id'>[],
  year: number,
  now: number,
): Promise<Map<string, BranchYearData>> {
  const ids = new Set(branches.map((branch) => branch._id))
  // Active members per branch: the study targets and the points denominator both count them.
  const active = store.countBy(COLLECTIONS.members, { tenantId, status: 'active' }, 'branchId')
  const [compliance, study, points, activeMembers, engagement, dues, cycle, development] = await Promise.all([
    complianceOfYear(
      store,
      tenantId,
      [...ids].map((_id) => ({ _id })),
      year,
      now,
    ),
    studyOfYear(store, tenantId, ids, year, now, active),
    pointsOfYear(store, tenantId, year),
    active,
    engagementOfYear(store, tenantId, year),
    duesOfYear(store, tenantId, year, now),
    cycleOfYear(store, tenantId, ids, year, now),
    developmentOfYear(store, tenantId, year, now),
  ])
  const data = new Map<string, BranchYearData>()
  for (const id of ids) {
    data.set(id, {
      meetings: { compliance: compliance.get(id) ?? [] },
      study: study.get(id) ?? { targeted: 0, checkedIn: 0 },
      points: {
        members: Math.max(0, (activeMembers.get(id) ?? 0) - (points.exempt.get(id) ?? 0)),
        withEntries: points.withEntries.get(id) ?? 0,
      },
      assessment: {
        members: activeMembers.get(id) ?? 0,
        volunteerHalfHours: engagement.halfHours.get(id) ?? 0,
        designatedMembers: engagement.designated.get(id) ?? 0,
      },
      lifecycle: {
        dues: dues.get(id) ?? { owedMonths: 0, settledMonths: 0 },
        development: development.get(id) ?? { due: 0, onTime: 0 },
      },
      yearlyCycle: cycle.get(id),
    })
  }
  return data
}

/**
 * Every 三会一课 requirement falling due in the year's months, judged by the
 * one compliance view the bureau's matrix, overview and exports share (so a
 * branch's figure here agrees with its row there): evidence-based, each
 * requirement judged once, in the month its period ends.
 */
async function complianceOfYear(
  store: Store,
  tenantId: string,
  branches: readonly Pick<OrgDoc, '_id'>[],
  year: number,
  now: number,
) {
  const view = await loadComplianceView(store, tenantId, branches, periodBounds(String(year)), now)
  const months = periodsOfYear(year, 'month')
  const items = new Map<string, ComplianceItem[]>()
  for (const { _id } of branches)
    items.set(
      _id,
      months.flatMap((month) => view.cell(_id, month).items),
    )
  return items
}

/**
 * Study tasks of the year already begun: members targeted (the branch's active
 * members, or those the task lists) and check-ins, per branch.
 */
async function studyOfYear(
  store: Store,
  tenantId: string,
  ids: ReadonlySet<string>,
  year: number,
  now: number,
  activeMembers: Promise<Map<string | null, number>>,
) {
  const today = shanghaiDate(now)
  const { command: _ } = store
  const tasks = (
    await store.findAll(
      COLLECTIONS.studyTasks,
      // Date-only strings compare in calendar order; the port types its comparisons for numbers.
      { tenantId, dueOn: _.and([_.gte(`${year}-01-01` as never) as never, _.lte(`${year}-12-31` as never) as never]) },
      { fields: { _id: true, branchIds: true, memberIds: true, startsOn: true } },
    )
  ).filter((task) => task.startsOn <= today)
  const figures = new Map<string, { targeted: number; checkedIn: number }>()
  if (tasks.length === 0) return figures
  const listedIds = tasks.flatMap((task) => task.memberIds ?? [])
  const [active, checkins, listed] = await Promise.all([
    activeMembers,
    store.countBy(COLLECTIONS.studyCheckins, { tenantId, taskId: _.in(tasks.map((task) => task._id)) }, 'branchId'),
    listedIds.length
      ? store.findAll(
          COLLECTIONS.members,
          { tenantId, _id: _.in([...new Set(listedIds)]) },
          { fields: { _id: true, branchId: true } },
        )
      : Promise.resolve([]),
  ])
  const branchOf = new Map(listed.map((member) => [member._id, member.branchId]))
  for (const id of ids) {
    // The bureau's 学习参与 counts a task's targets by the same rule (`targetedIn`).
    const targeted = tasks.reduce(
      (sum, task) =>
        sum +
        targetedIn(
          task,
          id,
          active.get(id) ?? 0,
          (task.memberIds ?? []).filter((memberId) => branchOf.get(memberId) === id).length,
        ),
      0,
    )
    figures.set(id, { targeted, checkedIn: checkins.get(id) ?? 0 })
  }
  return figures
}

/** Members with a ledger entry this year (the points function's branch totals) and exempt members, per branch. */
async function pointsOfYear(store: Store, tenantId: string, year: number) {
  const [totals, exempt] = await Promise.all([
    store.findAll(
      COLLECTIONS.pointsTotals,
      { tenantId, scope: 'branch', period: String(year) },
      { fields: { _id: true, subjectId: true, members: true } },
    ),
    store.countBy(COLLECTIONS.pointsExempt, { tenantId }, 'branchId'),
  ])
  return {
    withEntries: new Map(totals.map((row) => [row.subjectId, row.members ?? 0])),
    exempt,
  }
}

/**
 * 志愿服务 hours credited in the year (by the branch the member was in) and
 * members holding a 示范岗 / 先锋岗 / 责任区 some day of the year, per branch.
 */
async function engagementOfYear(store: Store, tenantId: string, year: number) {
  const { command: _ } = store
  const [totals, designations] = await Promise.all([
    // Each branch's year is one row kept with every credit: 500 branches read 500 rows, not their hours.
    store.findAll(
      COLLECTIONS.volunteerBranchYears,
      { tenantId, year },
      { fields: { _id: true, branchId: true, halfHours: true } },
    ),
    store.findAll(
      COLLECTIONS.designations,
      // Date-only strings compare in calendar order; the port types its comparisons for numbers.
      { tenantId, to: _.gte(`${year}-01-01` as never), from: _.lte(`${year}-12-31` as never) },
      { fields: { _id: true, branchId: true, memberId: true, from: true, to: true, endedOn: true } },
    ),
  ])
  return {
    halfHours: new Map(totals.map((row) => [row.branchId, row.halfHours])),
    designated: designatedInYear(designations, year),
  }
}

/**
 * 党费: member-months owed and settled in the year's closed months (this month is still being
 * collected), per branch, from the lifecycle function's branch-months — twelve small rows a branch,
 * rewritten with every dues write, never the members' ledgers.
 */
async function duesOfYear(store: Store, tenantId: string, year: number, now: number) {
  const { command: _ } = store
  // Summed per branch by the database (two aggregations of the year's closed months), not 12 rows a branch read.
  const closed = { tenantId, year, month: _.lt(periodKeyOf(now, 'month') as never) }
  const [owed, settled] = await Promise.all([
    store.sumBy(COLLECTIONS.duesBranchMonths, closed, 'branchId', 'owedMonths'),
    store.sumBy(COLLECTIONS.duesBranchMonths, closed, 'branchId', 'settledMonths'),
  ])
  const figures = new Map<string, { owedMonths: number; settledMonths: number }>()
  for (const [branchId, owedMonths] of owed)
    if (branchId !== null) figures.set(branchId, { owedMonths, settledMonths: settled.get(branchId) ?? 0 })
  return figures
}

/**
 * 谈心谈话 coverage, the 组织生活会's steps done and whether 民主评议 is decided, per branch, from the
 * yearly-cycle function's digests (one per branch and year) judged as the bureau's year view judges
 * them (`branchYearOf`, with the linked 组织生活会 meeting held by its evidence).
 */
async function cycleOfYear(store: Store, tenantId: string, ids: ReadonlySet<string>, year: number, now: number) {
  const judge = await loadCycleYears(store, tenantId, year, now)
  const figures = new Map<string, NonNullable<BranchYearData['yearlyCycle']>>()
  for (const id of ids) {
    const { digest, judged } = judge({ _id: id, name: '' }, null)
    figures.set(id, {
      talks: { required: digest?.talks.required ?? 0, covered: digest?.talks.covered ?? 0 },
      orgLife: { done: judged.orgLife.done, of: judged.orgLife.of },
      appraisalDecided: digest?.appraisal?.status === 'decided',
    })
  }
  return figures
}

/**
 * 发展党员 deadlines of the year judged so far and those met, per branch, from the development files
 * (`onTimeInYear`: a deadline counts once its step is done or it has passed; a file closed before it owes
 * nothing after).
 */
async function developmentOfYear(store: Store, tenantId: string, year: number, now: number) {
  const files = await store.findAll(
    COLLECTIONS.developmentFiles,
    { tenantId },
    { fields: { _id: true, branchId: true, steps: true, closed: true } },
  )
  const today = shanghaiDate(now)
  const figures = new Map<string, { due: number; onTime: number }>()
  for (const [branchId, ofBranch] of groupBy(files, (file) => file.branchId))
    figures.set(branchId, onTimeInYear(ofBranch, year, today))
  return figures
}
