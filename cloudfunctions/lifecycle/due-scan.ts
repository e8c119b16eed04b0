import type { DueItem } from '../../types/lifecycle'
import { groupBy } from '../domain/group-by'
import { dueItems } from '../domain/lifecycle/development-due'
import { shanghaiDate } from '../domain/time'
import { COLLECTIONS } from '../runtime/collections'
import type { Ports } from '../runtime/ports'
import { loadRules } from '../shared/meeting-rules'
import { sendToMembers } from '../shared/messaging/subscribe-send'
import { OPEN_STAGES } from './development-lists'

/** The page a reminder opens: the person's file, where the step is recorded. */
export const DUE_REMINDER_PAGE = 'subpackages/lifecycle/pages/file/index'

/** Work stops starting here and tomorrow's run picks up what is left; the function's timeout is 20 s. */
const RUN_BUDGET_MS = 15_000

/**
 * The claim of one reminder: once per file, kind and due day (a step whose due
 * day moves, as a probation extended, is a new reminder), whoever the secretary is.
 */
export const dueSendId = (item: Pick<DueItem, 'fileId' | 'kind' | 'on'>) => `dev:${item.fileId}:${item.kind}:${item.on}`

type Branch = { _id: string; name: string }
type Secretary = { _id: string; branchId: string | null }

/**
 * 发展党员 reminders, the daily 'dueScan' timer (07:30): for each tenant whose
 * 发展党员待办 template is configured, each branch's due list (dueItems, 30
 * days ahead and overdue) goes to the branch secretary, one subscribe message
 * per item not yet claimed. Items are sent one at a time so a secretary's
 * one-time credits are spent on as many items as they cover, and an item with
 * no credit left is not claimed: it goes out once the secretary subscribes
 * again. Each branch checks the run's deadline before it starts and fails
 * alone; what a run does not reach, tomorrow's takes.
 */
export async function dueScan(ports: Ports) {
  const { store, clock } = ports
  const started = Date.now()
  const deadline = started + RUN_BUDGET_MS
  const now = clock.now()
  const today = shanghaiDate(now)
  const files = await store.findAll(COLLECTIONS.developmentFiles, { stage: store.command.in(OPEN_STAGES) })
  let sent = 0
  let unfinished = 0
  let failed = 0
  for (const [tenantId, tenantFiles] of groupBy(files, (file) => file.tenantId)) {
    const rules = await loadRules(store, tenantId)
    const due = tenantFiles.flatMap((file) => dueItems(file, today).map((item) => ({ item, file })))
    if (due.length === 0) continue
    const claimed = await alreadyClaimed(
      ports,
      due.map(({ item }) => dueSendId(item)),
    )
    const fresh = due.filter(({ item }) => !claimed.has(dueSendId(item)))
    if (fresh.length === 0) continue
    const byBranch = groupBy(fresh, ({ file }) => file.branchId)
    const [branches, secretaries] = await Promise.all([
      store.findAll(
        COLLECTIONS.orgs,
        { _id: store.command.in([...byBranch.keys()]) },
        { fields: { name: true } },
      ) as Promise<Branch[]>,
      store.findAll(
        COLLECTIONS.members,
        {
          tenantId,
          status: 'active',
          committeePosition: 'secretary',
          branchId: store.command.in([...byBranch.keys()]),
        },
        { fields: { branchId: true } },
      ) as Promise<Secretary[]>,
    ])
    const nameOf = new Map(branches.map((branch) => [branch._id, branch.name]))
    for (const [branchId, items] of byBranch) {
      const secretary = secretaries.find((member) => member.branchId === branchId)
      if (!secretary) continue
      if (Date.now() > deadline) {
        unfinished++
        continue
      }
      try {
        for (const { item } of items.sort((a, b) => a.item.days - b.item.days)) {
          if (Date.now() > deadline) {
            unfinished++
            break
          }
          const result = await sendToMembers(
            ports,
            { tenantId, rules, use: 'developmentDue', members: [secretary], memberIdOf: (m) => m._id, width: 1 },
            () => ({
              sendId: dueSendId(item),
              meetingId: null,
              slot: `development-${item.kind}`,
              page: `${DUE_REMINDER_PAGE}?id=${encodeURIComponent(item.fileId)}`,
              values: {
                item: item.text,
                personName: item.name,
                dueOn: item.on,
                branchName: nameOf.get(branchId) ?? '',
              },
              now,
            }),
          )
          // Not configured for the tenant: nothing of it is sent, for any branch.
          if (!result.configured) break
          sent += result.sent
        }
      } catch (error) {
        // One branch's failure is logged and left for tomorrow's run; the other branches go on.
        console.error(`[dueScan] ${tenantId} ${branchId}`, error)
        failed++
      }
    }
  }
  return { files: files.length, sent, unfinished, failed, ms: Date.now() - started }
}

async function alreadyClaimed({ store }: Pick<Ports, 'store'>, ids: string[]): Promise<Set<string>> {
  const found = new Set<string>()
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await store.find(
      COLLECTIONS.reminderSends,
      { _id: store.command.in(ids.slice(i, i + 500)) },
      { fields: { _id: true } },
    )
    for (const row of rows) found.add(row._id)
  }
  return found
}
