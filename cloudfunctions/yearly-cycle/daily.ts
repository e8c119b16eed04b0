import { addDays, shanghaiDate, shanghaiMinute, shanghaiPeriods } from '../domain/time'
import { COLLECTIONS } from '../runtime/collections'
import type { Ports } from '../runtime/ports'
import { after, within } from '../runtime/range'
import type { Store } from '../runtime/store'
import { refreshDigest } from './digest'
import { secretaryReportId } from './ids'
import { CYCLE_PAGES, notifyMembers } from './notify'

const HOUR = 3_600_000
const DAY = 24 * HOUR
/** A run stops starting new work after this long (the function's timeout is 60 s); the next run goes on. */
const RUN_MS = 45_000

/**
 * The yearly cycle's daily timer (08:00): reminders that fall due — voters
 * who have not voted in a 民主测评 closing within 24 h, owners of 整改 items
 * due within 7 days, secretaries without a 述职报告 three days before the
 * deadline — each at most once (the send ids are per round, item or report),
 * then the year digests of branches whose roster changed since yesterday or
 * that have none yet this year.
 */
export async function cycleDaily(ports: Ports) {
  const { store, clock } = ports
  const now = clock.now()
  const stopAt = Date.now() + RUN_MS
  const branchName = await branchNames(store)
  const votersReminded = await remindClosingVotes(ports, now, branchName)
  const ownersReminded = await remindDueRectifications(ports, now, branchName)
  const secretariesReminded = await remindReportsDue(ports, now, branchName)
  const digestsRefreshed = await refreshStaleDigests(store, now, stopAt)
  return { votersReminded, ownersReminded, secretariesReminded, digestsRefreshed }
}

/** Every branch's name, across tenants (the timer serves them all), for the 地点 of a message. */
async function branchNames(store: Store): Promise<(branchId: string) => string> {
  const branches = await store.findAll(
    COLLECTIONS.orgs,
    { kind: 'branch', status: 'active' },
    { fields: { _id: true, name: true } },
  )
  const names = new Map(branches.map((branch) => [branch._id, branch.name]))
  return (branchId) => names.get(branchId) ?? ''
}

async function remindClosingVotes(ports: Ports, now: number, branchName: (id: string) => string): Promise<number> {
  const { store } = ports
  const rounds = await store.findAll(COLLECTIONS.appraisalRounds, {
    status: 'open',
    votingClosesAt: within(store, now, now + DAY),
  })
  let sent = 0
  for (const round of rounds) {
    if (round.votingOpensAt > now) continue
    const voted = await store.findAll(
      COLLECTIONS.ballotVoters,
      { tenantId: round.tenantId, boxId: round._id },
      { fields: { memberId: true } },
    )
    const done = new Set(voted.map((voter) => voter.memberId))
    sent += await notifyMembers(
      ports,
      round.tenantId,
      round.voters
        .filter((id) => !done.has(id))
        .map((memberId) => ({ memberId, branchName: branchName(round.branchId) })),
      {
        sendId: (memberId) => `appraisal:${round._id}:${memberId}`,
        slot: 'appraisal-closing',
        page: CYCLE_PAGES.appraisal,
        title: '民主测评即将截止',
        when: shanghaiMinute(round.votingClosesAt),
        note: '您还没有投票，请在截止前完成（不记名）',
      },
      now,
    )
  }
  return sent
}

async function remindDueRectifications(ports: Ports, now: number, branchName: (id: string) => string): Promise<number> {
  const { store } = ports
  const today = shanghaiDate(now)
  const days = Array.from({ length: 8 }, (_, i) => addDays(today, i))
  const items = await store.findAll(COLLECTIONS.rectifications, { status: 'open', dueOn: store.command.in(days) })
  let sent = 0
  for (const item of items) {
    sent += await notifyMembers(
      ports,
      item.tenantId,
      [{ memberId: item.ownerId, branchName: branchName(item.branchId) }],
      {
        sendId: (memberId) => `rectify:${item._id}:${memberId}`,
        slot: 'rectification-due',
        page: `${CYCLE_PAGES.rectify}?orgLifeId=${encodeURIComponent(item.orgLifeId)}`,
        title: `整改到期：${item.problem}`,
        when: `${item.dueOn.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$1年$2月$3日')} 23:59`,
        note: '请按期完成整改并销号',
      },
      now,
    )
  }
  return sent
}

async function remindReportsDue(ports: Ports, now: number, branchName: (id: string) => string): Promise<number> {
  const { store } = ports
  const rounds = await store.findAll(COLLECTIONS.reportRounds, {
    status: 'open',
    deadline: within(store, now, now + 3 * DAY),
  })
  let sent = 0
  for (const round of rounds) {
    const [secretaries, reports] = await Promise.all([
      store.findAll(
        COLLECTIONS.members,
        { tenantId: round.tenantId, status: 'active', committeePosition: 'secretary' },
        { fields: { _id: true, branchId: true } },
      ),
      store.findAll(
        COLLECTIONS.secretaryReports,
        { tenantId: round.tenantId, roundId: round._id },
        { fields: { _id: true } },
      ),
    ])
    const submitted = new Set(reports.map((report) => report._id))
    const owing = secretaries.filter(
      (secretary) => secretary.branchId && !submitted.has(secretaryReportId(round._id, secretary.branchId)),
    )
    sent += await notifyMembers(
      ports,
      round.tenantId,
      owing.map((secretary) => ({ memberId: secretary._id, branchName: branchName(secretary.branchId ?? '') })),
      {
        sendId: (memberId) => `report:${round._id}:${memberId}`,
        slot: 'report-due',
        page: CYCLE_PAGES.report,
        title: '书记述职报告即将截止',
        when: shanghaiMinute(round.deadline),
        note: '请尽快提交本年度述职报告',
      },
      now,
    )
  }
  return sent
}

/**
 * Digests a write did not refresh: branches whose members changed (joined,
 * left, moved, took a committee seat) since the last run, and branches with
 * no digest of this year yet (new branches, the first days of January).
 */
async function refreshStaleDigests(store: Store, now: number, stopAt: number): Promise<number> {
  const year = Number(shanghaiPeriods(now).year)
  const since = now - DAY - HOUR
  const [changed, moves, branches, digests] = await Promise.all([
    store.findAll(
      COLLECTIONS.members,
      { updatedAt: after(store, since) },
      { fields: { tenantId: true, branchId: true } },
    ),
    store.findAll(
      COLLECTIONS.membershipChanges,
      { at: after(store, since) },
      { fields: { tenantId: true, branchId: true, otherBranchId: true } },
    ),
    store.findAll(COLLECTIONS.orgs, { kind: 'branch', status: 'active' }, { fields: { _id: true, tenantId: true } }),
    store.findAll(COLLECTIONS.cycleDigests, { year }, { fields: { _id: true, branchId: true } }),
  ])
  const tenantOf = new Map(branches.map((branch) => [branch._id, branch.tenantId]))
  const stale = new Set<string>([
    ...changed.flatMap((member) => (member.branchId ? [member.branchId] : [])),
    ...moves.flatMap((move) => [move.branchId, ...(move.otherBranchId ? [move.otherBranchId] : [])]),
  ])
  const digested = new Set(digests.map((digest) => digest.branchId))
  for (const branch of branches) if (!digested.has(branch._id)) stale.add(branch._id)
  let refreshed = 0
  for (const branchId of stale) {
    const tenantId = tenantOf.get(branchId)
    if (!tenantId) continue
    if (Date.now() > stopAt) break
    await refreshDigest(store, tenantId, branchId, year, now)
    refreshed++
  }
  return refreshed
}
