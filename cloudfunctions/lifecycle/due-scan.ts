import type { DueItem } from '../../types/lifecycle'
import type { MeetingRules } from '../../types/meetings'
import { isConfigured } from '../../types/subscribe-templates'
import { groupBy } from '../domain/group-by'
import { dueItems } from '../domain/lifecycle/development-due'
import { shanghaiDate } from '../domain/time'
import { COLLECTIONS } from '../runtime/collections'
import { inParallel } from '../runtime/in-parallel'
import type { Ports } from '../runtime/ports'
import { loadRules } from '../shared/meeting-rules'
import { sendToMembers } from '../shared/messaging/subscribe-send'
import { OPEN_STAGES } from './development-lists'

/** The page a reminder opens: the person's file, where the step is recorded. */
export const DUE_REMINDER_PAGE = 'subpackages/lifecycle/pages/file/index'

/** Work stops starting here and the next run picks up what is left; the function's timeout is 20 s. */
const RUN_BUDGET_MS = 15_000
/** Branches reminded at once. */
const BRANCH_LANES = 16

/**
 * The claim of one reminder: once per file, kind and due day (a step whose due
 * day moves, as a probation extended, is a new reminder), whoever the secretary is.
 */
export const dueSendId = (item: Pick<DueItem, 'fileId' | 'kind' | 'on'>) => `dev:${item.fileId}:${item.kind}:${item.on}`

/**
 * 发展党员 reminders, the 'dueScan' timer (hourly 07:30–11:30: a later run sends
 * only what an earlier one did not reach, so even a big county's first morning
 * — 2,000 new items, test/bench/lifecycle-due.bench.ts — is done by noon). For
 * each tenant whose 发展党员待办 template is configured, each branch's due list
 * (dueItems, 30 days ahead and overdue) goes to the branch secretary, one
 * subscribe message per item not yet claimed. Items are sent one at a time so a
 * secretary's one-time credits are spent on as many items as they cover, and an
 * item met with no credit is not claimed: it goes out once the secretary
 * subscribes again. Each branch checks the run's deadline before it starts and
 * fails alone; what a run does not reach, the next run takes.
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
    // Not configured for the tenant: nothing is sent, and nothing claimed, for any branch.
    if (!isConfigured(rules.templates.developmentDue)) continue
    const byBranch = groupBy(tenantFiles, (file) => file.branchId)
    const [branches, secretaries] = await Promise.all([
      store.findAll(COLLECTIONS.orgs, { _id: store.command.in([...byBranch.keys()]) }, { fields: { name: true } }),
      store.findAll(
        COLLECTIONS.members,
        {
          tenantId,
          status: 'active',
          committeePosition: 'secretary',
          branchId: store.command.in([...byBranch.keys()]),
        },
        { fields: { branchId: true } },
      ),
    ])
    const nameOf = new Map(branches.map((branch) => [branch._id, branch.name]))
    // Branches side by side (CloudBase answers in parallel); within a branch, one item at a time.
    await inParallel([...byBranch], BRANCH_LANES, async ([branchId, branchFiles]) => {
      const secretary = secretaries.find((member) => member.branchId === branchId)
      if (!secretary) return
      if (Date.now() > deadline) {
        unfinished++
        return
      }
      try {
        const result = await remindBranch(ports, {
          tenantId,
          rules,
          secretaryId: secretary._id,
          branchName: nameOf.get(branchId) ?? '',
          items: branchFiles.flatMap((file) => dueItems(file, today)),
          now,
          deadline,
        })
        sent += result.sent
        if (result.cut) unfinished++
      } catch (error) {
        // One branch's failure (a file the rules cannot read, the store) is logged and left for
        // tomorrow's run; the other branches go on.
        console.error(`[dueScan] ${tenantId} ${branchId}`, error)
        failed++
      }
    })
  }
  return { files: files.length, sent, unfinished, failed, ms: Date.now() - started }
}

/** One branch's new items to its secretary, soonest first, one at a time, until the run's deadline. */
async function remindBranch(
  ports: Ports,
  branch: {
    tenantId: string
    rules: MeetingRules
    secretaryId: string
    branchName: string
    items: DueItem[]
    now: number
    deadline: number
  },
): Promise<{ sent: number; cut: boolean }> {
  const { tenantId, rules, secretaryId, branchName, now } = branch
  const claimed = await alreadyClaimed(ports, branch.items.map(dueSendId))
  const fresh = branch.items.filter((item) => !claimed.has(dueSendId(item))).sort((a, b) => a.days - b.days)
  let sent = 0
  for (const item of fresh) {
    if (Date.now() > branch.deadline) return { sent, cut: true }
    const result = await sendToMembers(
      ports,
      { tenantId, rules, use: 'developmentDue', members: [secretaryId], memberIdOf: (id) => id, width: 1 },
      () => ({
        sendId: dueSendId(item),
        meetingId: null,
        slot: `development-${item.kind}`,
        page: `${DUE_REMINDER_PAGE}?id=${encodeURIComponent(item.fileId)}`,
        values: { item: item.text, personName: item.name, dueOn: item.on, branchName },
        now,
      }),
    )
    // Nothing went out: no credit left (or the platform refused): the rest wait for the next run
    // rather than asking again item by item.
    if (result.sent === 0) break
    sent += result.sent
  }
  return { sent, cut: false }
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
