import type { api } from '../../types/api'
import type { ReminderDoc } from '../../types/bureau'
import { MEETING_TYPE_LABELS } from '../../types/labels'
import type { ComplianceItem } from '../../types/meetings'
import { owedItems } from '../domain/meeting-compliance/cells'
import { shanghaiDate } from '../domain/time'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import type { Handler } from '../runtime/router'
import { DuplicateIdError } from '../runtime/store'
import { writeAudit } from '../shared/audit'
import { loadBranch, requireAccess } from '../shared/branch-access'
import { queueRobot } from '../shared/messaging/robot-queue'
import { branchCell } from './cell-detail'

/** '党小组会（低年级党小组）': an owed item as the reminder names it. */
const itemName = (item: ComplianceItem) =>
  `${MEETING_TYPE_LABELS[item.type]}${item.groupName ? `（${item.groupName}）` : ''}`

/** The reminder's lines: what has not been held, what waits for its record, what fell below quorum. */
function owedLines(items: readonly ComplianceItem[]): string[] {
  const line = (label: string, statuses: string[]) => {
    const names = items.filter((item) => statuses.includes(item.status)).map(itemName)
    return names.length ? [`> ${label}：<font color="warning">${names.join('、')}</font>`] : []
  }
  return [
    ...line('尚未开展', ['due', 'missing']),
    ...line('待补记录', ['awaiting_record']),
    ...line('未达法定人数', ['no_quorum']),
  ]
}

/**
 * 提醒支部书记: records that the bureau reminded a behind branch of the meetings
 * it owes in a period, once per branch, period and day, and posts it to the
 * branch's WeCom group robot through the robot queue (shared/messaging) when the
 * branch has one. A subscribe message needs a meeting to point at (the
 * meetings channel sends per meeting), so the secretary otherwise sees the
 * reminder on the matrix row (remindedAt).
 */
export const remindSecretary: Handler<typeof api.bureau.remindSecretary> = async (input, ctx) => {
  const { store, caller, clock } = ctx
  const branch = await loadBranch(store, caller, input.branchId)
  requireAccess(caller, branch, 'read')
  const items = owedItems((await branchCell(ctx, branch, input.period)).items)
  if (items.length === 0) throw new DomainError('BUREAU.NOTHING_OWED')
  const owed = [...new Set(items.map((item) => item.type))]
  const now = clock.now()
  const [secretary] = await store.find(
    COLLECTIONS.members,
    { tenantId: branch.tenantId, branchId: branch._id, status: 'active', committeePosition: 'secretary' },
    { limit: 1, fields: { _id: true, name: true } },
  )
  const id = `${branch._id}:${input.period}:${shanghaiDate(now)}`
  const names = items.map(itemName).join('、')
  const robotQueued = await queueRobot(store, {
    id: `bureau:${id}`,
    tenantId: branch.tenantId,
    branchId: branch._id,
    markdown: [
      '**教育局党委督办提醒**',
      `> 支部：${branch.name}`,
      `> 期间：${input.period}`,
      ...owedLines(items),
      `请${secretary ? `${secretary.name}同志` : '支部书记'}尽快开展并补录考勤和会议记录（如已逾期请补开）。`,
    ].join('\n'),
    now,
  })
  const doc: ReminderDoc = {
    _id: id,
    tenantId: branch.tenantId,
    branchId: branch._id,
    period: input.period,
    owed,
    secretaryId: secretary?._id ?? null,
    robotQueued,
    by: caller.member._id,
    byName: caller.member.name,
    at: now,
  }
  let reminded = true
  try {
    await store.insert(COLLECTIONS.bureauReminders, doc)
    await writeAudit(ctx, {
      action: 'bureau.remindSecretary',
      targetId: branch._id,
      summary: `提醒${branch.name}落实${input.period}的${names}`,
      before: null,
      after: { owed },
    })
  } catch (error) {
    if (!(error instanceof DuplicateIdError)) throw error
    reminded = false
  }
  return { reminded, owed, robotQueued, secretaryName: secretary?.name ?? null }
}
