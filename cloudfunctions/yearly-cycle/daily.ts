import { addDays, shanghaiDate, shanghaiMinute, shanghaiPeriods } from '../domain/time'
import { COLLECTIONS } from '../runtime/collections'
import type { Ports } from '../runtime/ports'
import { after, within } from '../runtime/range'
import type { Store } from '../runtime/store'
import { addRuns, eachItem, type ItemsRun } from '../shared/timer-items'
import { refreshDigest } from './digest'
import { secretaryReportId } from './ids'
import { CYCLE_PAGES, type Notice, notifyMembers } from './notify'

const HOUR = 3_600_000
const DAY = 24 * HOUR
/** A run stops starting new work after this long (the function's timeout is 60 s); the next run goes on. */
const RUN_MS = 45_000

/**
 * The yearly cycle's daily timer (every 10 minutes from 08:00 to 08:50): reminders that fall due — voters
 * who have not voted in a 民主测评 closing within 24 h, owners of 整改 items due within 7 days, secretaries
 * without a 述职报告 three days before the deadline — each at most once (the send ids are per round, item or
 * report), then the year digests of branches whose roster changed since their digest or that have none yet
 * this year. Each round, item and branch starts only before the run's deadline and fails alone (logged, the
 * others go on); the morning's later runs resume what one did not reach, sending nothing twice.
 */
export async function cycleDaily(ports: Ports) {
  const { store, clock } = ports
  const now = clock.now()
  const deadline = Date.now() + RUN_MS
  const branchName = await branchNames(store)
  const votes = await remindClosingVotes(ports, now, branchName, deadline)
  const owners = await remindDueRectifications(ports, now, branchName, deadline)
  const reports = await remindReportsDue(ports, now, branchName, deadline)
  const digests = await refreshStaleDigests(store, now, deadline)
  const { failed, unreached } = addRuns(votes.run, owners.run, reports.run, digests)
  return {
    votersReminded: votes.sent,
    ownersReminded: owners.sent,
    secretariesReminded: reports.sent,
    digestsRefreshed: digests.done,
    failed,
    unreached,
  }
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

type BranchName = (branchId: string) => string
type Reminded = { sent: number; run: ItemsRun }
/** What one item (a round, a 整改 item) reminds: whom, in which tenant, with which message. */
type Reminder = { tenantId: string; recipients: { memberId: string; branchName: string }[]; notice: Notice }

/**
 * Each item's reminder through eachItem: an item starts only before the run's deadline, fails alone, and
 * counts as unreached when its sends were cut (the morning's next run goes on from the send ids).
 */
async function remindEach<T extends { _id: string }>(
  ports: Ports,
  label: string,
  items: readonly T[],
  now: number,
  deadline: number,
  reminderOf: (item: T) => Promise<Reminder> | Reminder,
): Promise<Reminded> {
  let sent = 0
  const run = await eachItem(
    label,
    items,
    deadline,
    (item) => item._id,
    async (item) => {
      const { tenantId, recipients, notice } = await reminderOf(item)
      const notified = await notifyMembers(ports, tenantId, recipients, notice, now, deadline)
      sent += notified.sent
      return !notified.cut
    },
  )
  return { sent, run }
}

async function remindClosingVotes(
  ports: Ports,
  now: number,
  branchName: BranchName,
  deadline: number,
): Promise<Reminded> {
  const { store } = ports
  const rounds = await store.findAll(COLLECTIONS.appraisalRounds, {
    status: 'open',
    votingClosesAt: within(store, now, now + DAY),
  })
  const open = rounds.filter((round) => round.votingOpensAt <= now)
  return remindEach(ports, 'cycleDaily votes', open, now, deadline, async (round) => {
    const voted = await store.findAll(
      COLLECTIONS.ballotVoters,
      { tenantId: round.tenantId, boxId: round._id },
      { fields: { memberId: true } },
    )
    const done = new Set(voted.map((voter) => voter.memberId))
    return {
      tenantId: round.tenantId,
      recipients: round.voters
        .filter((id) => !done.has(id))
        .map((memberId) => ({ memberId, branchName: branchName(round.branchId) })),
      notice: {
        sendId: (memberId) => `appraisal:${round._id}:${memberId}`,
        slot: 'appraisal-closing',
        page: CYCLE_PAGES.appraisal,
        title: '民主测评即将截止',
        when: shanghaiMinute(round.votingClosesAt),
        note: '您还没有投票，请在截止前完成（不记名）',
      },
    }
  })
}

async function remindDueRectifications(
  ports: Ports,
  now: number,
  branchName: BranchName,
  deadline: number,
): Promise<Reminded> {
  const { store } = ports
  const today = shanghaiDate(now)
  const days = Array.from({ length: 8 }, (_, i) => addDays(today, i))
  const items = await store.findAll(COLLECTIONS.rectifications, { status: 'open', dueOn: store.command.in(days) })
  return remindEach(ports, 'cycleDaily rectifications', items, now, deadline, (item) => ({
    tenantId: item.tenantId,
    recipients: [{ memberId: item.ownerId, branchName: branchName(item.branchId) }],
    notice: {
      sendId: (memberId) => `rectify:${item._id}:${memberId}`,
      slot: 'rectification-due',
      page: `${CYCLE_PAGES.rectify}?orgLifeId=${encodeURIComponent(item.orgLifeId)}`,
      title: `整改到期：${item.problem}`,
      when: `${item.dueOn.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$1年$2月$3日')} 23:59`,
      note: '请按期完成整改并销号',
    },
  }))
}

async function remindReportsDue(
  ports: Ports,
  now: number,
  branchName: BranchName,
  deadline: number,
): Promise<Reminded> {
  const { store } = ports
  const rounds = await store.findAll(COLLECTIONS.reportRounds, {
    status: 'open',
    deadline: within(store, now, now + 3 * DAY),
  })
  return remindEach(ports, 'cycleDaily reports', rounds, now, deadline, async (round) => {
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
    return {
      tenantId: round.tenantId,
      recipients: owing.map((secretary) => ({
        memberId: secretary._id,
        branchName: branchName(secretary.branchId ?? ''),
      })),
      notice: {
        sendId: (memberId) => `report:${round._id}:${memberId}`,
        slot: 'report-due',
        page: CYCLE_PAGES.report,
        title: '书记述职报告即将截止',
        when: shanghaiMinute(round.deadline),
        note: '请尽快提交本年度述职报告',
      },
    }
  })
}

/**
 * Digests a write did not refresh: branches whose members changed (joined, left, moved, took a committee seat)
 * since their digest was computed, and branches with no digest of this year yet (new branches, the first days of
 * January). A digest refreshed by an earlier run of the morning is not computed again.
 */
async function refreshStaleDigests(store: Store, now: number, deadline: number): Promise<ItemsRun> {
  const year = Number(shanghaiPeriods(now).year)
  const since = now - DAY - HOUR
  const [changed, moves, branches, digests] = await Promise.all([
    store.findAll(
      COLLECTIONS.members,
      { updatedAt: after(store, since) },
      { fields: { tenantId: true, branchId: true, updatedAt: true } },
    ),
    store.findAll(
      COLLECTIONS.membershipChanges,
      { at: after(store, since) },
      { fields: { tenantId: true, branchId: true, otherBranchId: true, at: true } },
    ),
    store.findAll(COLLECTIONS.orgs, { kind: 'branch', status: 'active' }, { fields: { _id: true, tenantId: true } }),
    store.findAll(COLLECTIONS.cycleDigests, { year }, { fields: { _id: true, branchId: true, updatedAt: true } }),
  ])
  const tenantOf = new Map(branches.map((branch) => [branch._id, branch.tenantId]))
  const digestedAt = new Map(digests.map((digest) => [digest.branchId, digest.updatedAt]))
  /** The latest change of each branch's members. */
  const changedAt = new Map<string, number>()
  const touch = (branchId: string | null | undefined, at: number) => {
    if (branchId) changedAt.set(branchId, Math.max(changedAt.get(branchId) ?? 0, at))
  }
  for (const member of changed) touch(member.branchId, member.updatedAt)
  for (const move of moves) for (const branchId of [move.branchId, move.otherBranchId]) touch(branchId, move.at)
  const stale = branches
    .map((branch) => branch._id)
    .filter((branchId) => {
      const digested = digestedAt.get(branchId)
      const change = changedAt.get(branchId)
      return digested === undefined || (change !== undefined && digested <= change)
    })
  return eachItem(
    'cycleDaily digests',
    stale,
    deadline,
    (branchId) => branchId,
    async (branchId) => {
      const tenantId = tenantOf.get(branchId)
      if (tenantId) await refreshDigest(store, tenantId, branchId, year, now)
      return undefined
    },
  )
}
