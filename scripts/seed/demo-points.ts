/**
 * Demo points, a lived year: the default rule catalogue, and the ledger the
 * points function would have written from the demo's facts — every study
 * check-in and every meeting attended (出席/迟到) as a processed domain event
 * paid under its rule's caps (so 按时参加组织生活 stops at its yearly cap in
 * spring, as it does for a real branch), volunteer claims members made and
 * their secretaries decided over the year (one refused, one this week still
 * pending), and this week's volunteer service. Totals are what the ledger's
 * increments would have kept (totalsOf), so leaderboards, ranks and 积分等级
 * read yearly figures that reconcile with the ledger.
 */

import { applyCaps } from '../../cloudfunctions/domain/points/caps'
import { DEFAULT_CATALOGUE } from '../../cloudfunctions/domain/points/default-rules'
import { addMonthsLocal, periodBounds, periodKeyOf, shanghaiPeriods } from '../../cloudfunctions/domain/time'
import type { Award } from '../../cloudfunctions/points/ledger'
import { totalsOf } from '../../cloudfunctions/points/totals'
import { type DomainEvent, type DomainEventKind, domainEventId } from '../../types/events'
import type { ClaimDoc, LedgerEntry, PointsRulesDoc } from '../../types/points'
import type { DemoBureau } from './demo-bureau'
import { demoMeetingFacts } from './demo-meetings'
import type { SeedBatch, SeedOptions } from './demo-parts'
import { demoStudyFacts } from './demo-study'

const HOUR = 3_600_000
const DAY = 24 * HOUR
/** A paid fact is marked processed by the minute timer shortly after it happened. */
const PROCESSED_AFTER = 60_000

/** Something that pays points, as recordAward takes it: a fact of another domain (an event) or a secretary's decision. */
type Payment = Omit<Award, 'tenantId' | 'overCap'>

export function demoPoints(bureau: DemoBureau, now: number, options: SeedOptions): SeedBatch[] {
  const tenantId = bureau.tenants[0]._id
  const rules: PointsRulesDoc = { _id: tenantId, tenantId, ...DEFAULT_CATALOGUE, updatedAt: now, updatedBy: 'seed' }
  const rule = (key: string) => DEFAULT_CATALOGUE.rules.find((r) => r.key === key) ?? DEFAULT_CATALOGUE.rules[0]
  const byId = new Map(bureau.members.map((member) => [member._id, member]))
  const events: DomainEvent[] = []
  const payments: Payment[] = []
  const since = options.history ? 0 : periodBounds(periodKeyOf(now, 'month')).start
  const fact = (kind: DomainEventKind, sourceId: string, memberId: string, at: number) => {
    if (at < since) return
    const member = byId.get(memberId)
    const paying = DEFAULT_CATALOGUE.rules.find((candidate) => candidate.auto === kind)
    if (!member?.branchId || !paying) return
    const _id = domainEventId(kind, sourceId, memberId)
    events.push({
      _id,
      tenantId,
      kind,
      memberId,
      sourceId,
      at,
      recordedBy: memberId,
      processedAt: at + PROCESSED_AFTER,
    })
    payments.push({
      key: `evt:${_id}`,
      member: { _id: member._id, branchId: member.branchId },
      rule: paying,
      requested: paying.points,
      reason: '',
      grantedBy: 'system',
      grantedByName: '系统',
      at,
      sourceEvent: _id,
    })
  }
  for (const checkin of demoStudyFacts(bureau, now, options).checkins)
    fact('study.checkin', checkin.taskId, checkin.memberId, checkin.at)
  for (const row of demoMeetingFacts(bureau, now).attendance) {
    if (row.status === 'present' || row.status === 'late')
      fact(row.status === 'present' ? 'meeting.present' : 'meeting.late', row.meetingId, row.memberId, row.at)
  }

  const claims = demoClaims(bureau, now).filter((claim) => claim.createdAt >= since)
  for (const claim of claims.filter((candidate) => candidate.status === 'approved')) {
    const member = byId.get(claim.memberId)
    const secretary = bureau.members.find((m) => m._id === claim.decidedBy)
    if (!member || !secretary) continue
    payments.push({
      key: `claim:${claim._id}`,
      member: { _id: member._id, branchId: claim.branchId },
      rule: rule(claim.ruleKey),
      requested: claim.points,
      reason: claim.note,
      grantedBy: secretary._id,
      grantedByName: secretary.name,
      at: claim.createdAt + DAY,
      sourceEvent: `claim:${claim._id}`,
    })
  }
  // This week's volunteer service, recorded by hand: every fifth member, two days ago.
  bureau.members
    .filter((member) => member.branchId)
    .forEach((member, index) => {
      if (index % 5 !== 0) return
      payments.push({
        key: `seed:${member._id}:volunteer`,
        member: { _id: member._id, branchId: member.branchId as string },
        rule: rule('volunteer'),
        requested: rule('volunteer').points,
        reason: '周末社区志愿服务',
        grantedBy: 'seed',
        grantedByName: '系统',
        at: now - 2 * DAY,
        sourceEvent: null,
      })
    })

  const entries = ledgerOf(tenantId, payments)
  return [
    ['points_rules', [rules]],
    ['domain_events', events],
    ['points_claims', claims],
    ['points_ledger', entries],
    ['points_totals', [...totalsOf(entries).values()]],
  ]
}

/**
 * The ledger the payments make, in the order they happened, each cut to what
 * its rule's day, month and year caps leave (as recordAward does for events;
 * the demo's decisions stay under the caps, so none of them is cut).
 */
function ledgerOf(tenantId: string, payments: Payment[]): LedgerEntry[] {
  const used = new Map<string, number>()
  return [...payments]
    .sort((a, b) => a.at - b.at || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((payment) => {
      const periods = shanghaiPeriods(payment.at)
      const usageKey = (period: string) => `${payment.member._id}:${payment.rule.key}:${period}`
      const usage = {
        day: used.get(usageKey(periods.day)) ?? 0,
        month: used.get(usageKey(periods.month)) ?? 0,
        year: used.get(usageKey(periods.year)) ?? 0,
      }
      const { points, capped } = applyCaps(payment.requested, payment.rule.caps, usage)
      for (const period of [periods.day, periods.month, periods.year])
        used.set(usageKey(period), (used.get(usageKey(period)) ?? 0) + Math.abs(points))
      return {
        _id: payment.key,
        tenantId,
        memberId: payment.member._id,
        branchId: payment.member.branchId,
        ruleKey: payment.rule.key,
        ruleName: payment.rule.name,
        points,
        requested: payment.requested,
        capped,
        reason: payment.reason,
        grantedBy: payment.grantedBy,
        grantedByName: payment.grantedByName,
        at: payment.at,
        sourceEvent: payment.sourceEvent,
        ...periods,
      }
    })
}

const VOLUNTEER_NOTES = [
  '参加社区“七彩假期”留守儿童陪伴志愿服务半天',
  '参加县图书馆周末阅读推广志愿服务',
  '参加文明城市创建交通劝导志愿服务',
  '参加敬老院重阳节慰问志愿服务',
]

/**
 * 积分申报 over the year: in each branch, members who are not its secretary
 * claim volunteer service every few months and the secretary approves the
 * next day; one claim in 实验小学 was refused with a reason, and one made
 * this week in 实验小学 waits for the secretary (支部待办).
 */
export function demoClaims(bureau: DemoBureau, now: number): ClaimDoc[] {
  const tenantId = bureau.tenants[0]._id
  const thisMonth = periodBounds(periodKeyOf(now, 'month')).start
  const claims: ClaimDoc[] = []
  const volunteer = DEFAULT_CATALOGUE.rules.find((rule) => rule.key === 'volunteer')
  if (!volunteer) return claims
  for (const branch of bureau.orgs.filter((org) => org.kind === 'branch')) {
    const members = bureau.members.filter((member) => member.branchId === branch._id && member.status === 'active')
    const secretary = members.find((member) => member.committeePosition === 'secretary')
    if (!secretary) continue
    members
      .filter((member) => member !== secretary)
      .forEach((member, index) => {
        // Every other member claims in two months of the year, a different pair each.
        if (index % 2 === 1) return
        for (const ago of [2 + (index % 5), 7 + (index % 4)]) {
          const createdAt = addMonthsLocal(thisMonth, -ago) + (8 + index) * DAY + 20 * HOUR
          const id = `pc_demo_${periodKeyOf(createdAt, 'month')}_${member._id}`
          const refused = member._id === 'm_shiyan_04' && ago === 7 + (index % 4)
          claims.push({
            _id: id,
            tenantId,
            memberId: member._id,
            memberName: member.name,
            branchId: branch._id,
            ruleKey: volunteer.key,
            ruleName: volunteer.name,
            points: refused ? 4 : 2,
            note: refused ? '参加学校运动会服务' : VOLUNTEER_NOTES[(index + ago) % VOLUNTEER_NOTES.length],
            photos: [],
            kind: 'claim',
            proposedBy: member._id,
            proposedByName: member.name,
            status: refused ? 'rejected' : 'approved',
            decidedBy: secretary._id,
            decisionReason: refused ? '学校运动会服务属本职工作，不计入志愿服务' : null,
            createdAt,
          })
        }
      })
  }
  const waiting = bureau.members.find((member) => member._id === 'm_shiyan_08')
  if (waiting) {
    claims.push({
      _id: 'pc_demo_pending',
      tenantId,
      memberId: waiting._id,
      memberName: waiting.name,
      branchId: 'org_b_shiyan',
      ruleKey: volunteer.key,
      ruleName: volunteer.name,
      points: 2,
      note: '周末参加“书香进社区”阅读推广志愿服务',
      photos: [],
      kind: 'claim',
      proposedBy: waiting._id,
      proposedByName: waiting.name,
      status: 'pending',
      decidedBy: null,
      decisionReason: null,
      createdAt: now - 3 * DAY,
    })
  }
  return claims
}
