import type { api } from '../../types/api'
import type { OrgDoc } from '../../types/roster'
import type { CycleReminderDoc, ReminderItem } from '../../types/yearly-cycle'
import { shanghaiDate, shanghaiMinute } from '../domain/time'
import { appraisalPhase } from '../domain/yearly-cycle/appraisal-round'
import { talkCoverage } from '../domain/yearly-cycle/talk-coverage'
import { talkReminderTargets } from '../domain/yearly-cycle/talk-reminders'
import { passesYearFilter } from '../domain/yearly-cycle/year-row'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import type { Handler, HandlerContext } from '../runtime/router'
import { DuplicateIdError } from '../runtime/store'
import { writeAudit } from '../shared/audit'
import { loadBranch, requireAccess } from '../shared/branch-access'
import { queueRobot } from '../shared/messaging/robot-queue'
import { loadRound } from './appraisal'
import { CYCLE_PAGES, notifyMembers } from './notify'
import { branchMembers, peopleOf, secretaryOf } from './people'
import { yearRows } from './year'

const yearEnd = (year: number) => `${year}年12月31日 23:59`

interface Reminder {
  branch: OrgDoc
  year: number
  item: ReminderItem
  recipients: readonly string[]
  title: string
  when: string
  note: string
  page: string
  /** The lines the branch's WeCom group robot posts (bold title first). */
  robot: string[]
}

/**
 * A hand reminder (提醒) of the yearly cycle, at most once a day per branch
 * and item: claimed first in cycle_reminders (a second tap that day is
 * CYCLE.REMINDED_TODAY and sends nothing), then a subscribe message to each
 * person named who holds a credit, and the branch's group robot.
 */
async function remindOnce(
  ctx: HandlerContext,
  reminder: Reminder,
): Promise<{ reminded: number; robotQueued: boolean }> {
  const { caller, store, clock } = ctx
  const { branch, year, item } = reminder
  const now = clock.now()
  const day = shanghaiDate(now)
  const id = `${branch._id}:${year}:${item}:${day}`
  const claim: CycleReminderDoc = {
    _id: id,
    tenantId: branch.tenantId,
    branchId: branch._id,
    year,
    item,
    day,
    reminded: reminder.recipients.length,
    robotQueued: false,
    by: caller.member._id,
    at: now,
  }
  try {
    await store.insert(COLLECTIONS.cycleReminders, claim)
  } catch (error) {
    if (error instanceof DuplicateIdError) throw new DomainError('CYCLE.REMINDED_TODAY')
    throw error
  }
  await notifyMembers(
    ctx,
    branch.tenantId,
    reminder.recipients.map((memberId) => ({ memberId, branchName: branch.name })),
    {
      sendId: (memberId) => `cycle:${id}:${memberId}`,
      slot: `cycle-${item}`,
      page: reminder.page,
      title: reminder.title,
      when: reminder.when,
      note: reminder.note,
    },
    now,
  )
  const robotQueued = await queueRobot(store, {
    id: `cycle:${id}`,
    tenantId: branch.tenantId,
    branchId: branch._id,
    markdown: reminder.robot.join('\n'),
    now,
  })
  if (robotQueued) await store.update(COLLECTIONS.cycleReminders, id, { robotQueued })
  await writeAudit(ctx, {
    action: 'yearly-cycle.remind',
    targetId: branch._id,
    summary: `${reminder.title}：${branch.name}（${reminder.recipients.length}人）`,
    before: null,
    after: { item, reminded: reminder.recipients.length, robotQueued },
  })
  return { reminded: reminder.recipients.length, robotQueued }
}

/** 提醒谈心谈话: the committee pairs that have not talked, and the secretary while members are still owed a talk. */
export const remindTalks: Handler<(typeof api)['yearly-cycle']['remindTalks']> = async (input, ctx) => {
  const { caller, store } = ctx
  const branch = await loadBranch(store, caller, input.branchId)
  requireAccess(caller, branch, 'manage')
  const [members, talks] = await Promise.all([
    branchMembers(store, branch.tenantId, branch._id),
    store.findAll(COLLECTIONS.talks, { tenantId: branch.tenantId, branchId: branch._id, year: input.year }),
  ])
  const { gaps } = talkCoverage(peopleOf(members), talks)
  const recipients = talkReminderTargets(gaps, secretaryOf(members)?._id ?? null)
  if (recipients.length === 0) throw new DomainError('CYCLE.NOTHING_OWED')
  const names = new Map(members.map((member) => [member._id, member.name]))
  const { reminded } = await remindOnce(ctx, {
    branch,
    year: input.year,
    item: 'talks',
    recipients,
    title: '谈心谈话提醒',
    when: yearEnd(input.year),
    note: `本年度还有${gaps.length}项谈心谈话未完成`,
    page: CYCLE_PAGES.talks,
    robot: [
      '**谈心谈话提醒**',
      `> 支部：${branch.name}`,
      `> 本年度还有<font color="warning">${gaps.length}项</font>谈心谈话未完成`,
      `> 请${recipients.map((id) => names.get(id)).join('、')}同志尽快安排`,
    ],
  })
  return { reminded }
}

/** 提醒未投票: the voters who have not voted, while voting is open. */
export const remindVoters: Handler<(typeof api)['yearly-cycle']['remindVoters']> = async (input, ctx) => {
  const { store, clock } = ctx
  const { round, branch } = await loadRound(ctx, input.roundId, 'manage')
  const phase = appraisalPhase(round, clock.now())
  if (phase === 'self_review') throw new DomainError('APPRAISAL.NOT_OPEN')
  if (phase !== 'voting') throw new DomainError('APPRAISAL.CLOSED')
  const voted = await store.findAll(
    COLLECTIONS.ballotVoters,
    { tenantId: round.tenantId, boxId: round._id },
    { fields: { memberId: true } },
  )
  const done = new Set(voted.map((voter) => voter.memberId))
  const recipients = round.voters.filter((id) => !done.has(id))
  if (recipients.length === 0) throw new DomainError('CYCLE.NOTHING_OWED', '全部党员已投票，无需提醒')
  const { reminded } = await remindOnce(ctx, {
    branch,
    year: round.year,
    item: 'voters',
    recipients,
    title: '民主测评投票提醒',
    when: shanghaiMinute(round.votingClosesAt),
    note: '民主测评即将截止，请尽快投票',
    page: CYCLE_PAGES.appraisal,
    robot: [
      '**民主测评投票提醒**',
      `> 支部：${branch.name}`,
      `> 截止：${shanghaiMinute(round.votingClosesAt)}`,
      `> 还有<font color="warning">${recipients.length}名</font>党员未投票，请尽快在小程序中投票（不记名）`,
    ],
  })
  return { reminded }
}

const YEAR_ITEM_TITLES: Record<'talks' | 'org_life' | 'appraisal' | 'report', { title: string; page: string }> = {
  talks: { title: '谈心谈话', page: CYCLE_PAGES.talks },
  org_life: { title: '组织生活会', page: CYCLE_PAGES.orgLife },
  appraisal: { title: '民主评议党员', page: CYCLE_PAGES.appraisal },
  report: { title: '书记抓党建述职', page: CYCLE_PAGES.report },
}

/** 提醒书记: the bureau (an instructor, a 总支书记) reminds a branch's secretary of one item the year still owes. */
export const remindYearItem: Handler<(typeof api)['yearly-cycle']['remindYearItem']> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const branch = await loadBranch(store, caller, input.branchId)
  requireAccess(caller, branch, 'read')
  const [row] = await yearRows(store, branch.tenantId, input.year, [branch], clock.now())
  if (!passesYearFilter(row, input.item)) throw new DomainError('CYCLE.NOTHING_OWED')
  const secretary = secretaryOf(await branchMembers(store, branch.tenantId, branch._id))
  const { title, page } = YEAR_ITEM_TITLES[input.item]
  return remindOnce(ctx, {
    branch,
    year: input.year,
    item: input.item,
    recipients: secretary ? [secretary._id] : [],
    title: `${title}督办提醒`,
    when: yearEnd(input.year),
    note: `请尽快完成本年度${title}`,
    page,
    robot: [
      `**督办提醒：${title}**`,
      `> 支部：${branch.name}`,
      `> 本年度${title}尚未完成`,
      `请${secretary ? `${secretary.name}同志` : '支部书记'}尽快落实`,
    ],
  })
}
