import type { DevelopmentFileDoc, DueItem } from '../../types/lifecycle'
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

/**
 * A run starts no branch and no item after this long. The function's timeout is 20 s, and an item
 * already started (its claim, the send, the credit) can take seconds on a slow day: at a 15 s budget
 * the bench's longest run under load was 17.5 s. 8 s leaves the rest of the timeout as headroom; what
 * a run does not reach, the next hourly run takes (every item sent is claimed, so none goes twice).
 */
export const DUE_SCAN_BUDGET_MS = 8_000
/** Branches reminded at once: each sends one item at a time, so the lanes are what a run gets through in its budget. */
const BRANCH_LANES = 32
/** Claim ids read at once (the `in` of one read). */
const CLAIM_READ = 500

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
 * subscribes again.
 *
 * Reads are per tenant, not per branch: the open files, then the claims of all
 * their items (reads of 500 ids), so a morning with nothing new is a handful of
 * reads and only branches with a fresh item are visited. The run's budget
 * (`budgetMs`, DUE_SCAN_BUDGET_MS on the timer) is checked before each branch
 * and each item; the run's first item always goes, so even a tiny budget moves
 * on, and the next run continues from what is still unclaimed. A file the rules
 * cannot read, or a branch whose send fails, fails alone (`failed`).
 */
export async function dueScan(ports: Ports, { budgetMs = DUE_SCAN_BUDGET_MS }: { budgetMs?: number } = {}) {
  const { store, clock } = ports
  // Wall time, not the domain clock: the budget is about the function's own timeout.
  const started = Date.now()
  const deadline = started + budgetMs
  let begun = false
  const run = {
    timeUp: () => begun && Date.now() > deadline,
    begin: () => {
      begun = true
    },
  }
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
    const { fresh, unreadable } = await freshItemsByBranch(store, tenantFiles, today)
    failed += unreadable
    if (fresh.size === 0) continue
    const [branches, secretaries] = await Promise.all([
      store.findAll(COLLECTIONS.orgs, { _id: store.command.in([...fresh.keys()]) }, { fields: { name: true } }),
      store.findAll(
        COLLECTIONS.members,
        {
          tenantId,
          status: 'active',
          committeePosition: 'secretary',
          branchId: store.command.in([...fresh.keys()]),
        },
        { fields: { branchId: true } },
      ),
    ])
    const nameOf = new Map(branches.map((branch) => [branch._id, branch.name]))
    // Branches side by side (CloudBase answers in parallel); within a branch, one item at a time.
    await inParallel([...fresh], BRANCH_LANES, async ([branchId, items]) => {
      const secretary = secretaries.find((member) => member.branchId === branchId)
      if (!secretary) return
      if (run.timeUp()) {
        unfinished++
        return
      }
      try {
        const result = await remindBranch(ports, {
          tenantId,
          rules,
          secretaryId: secretary._id,
          branchName: nameOf.get(branchId) ?? '',
          items,
          now,
          run,
        })
        sent += result.sent
        if (result.cut) unfinished++
      } catch (error) {
        // One branch's failure (the store, the platform) is logged and left for the next run; the
        // other branches go on.
        console.error(`[dueScan] ${tenantId} ${branchId}`, error)
        failed++
      }
    })
  }
  return { files: files.length, sent, unfinished, failed, ms: Date.now() - started }
}

/**
 * Each branch's items not yet claimed, soonest first. A file the rules cannot read is logged and
 * left out (its branch's other files still go).
 */
async function freshItemsByBranch(
  store: Ports['store'],
  files: DevelopmentFileDoc[],
  today: string,
): Promise<{ fresh: Map<string, DueItem[]>; unreadable: number }> {
  const items: { branchId: string; item: DueItem }[] = []
  let unreadable = 0
  for (const file of files) {
    try {
      for (const item of dueItems(file, today)) items.push({ branchId: file.branchId, item })
    } catch (error) {
      console.error(`[dueScan] ${file.tenantId} ${file.branchId} ${file._id}`, error)
      unreadable++
    }
  }
  const claimed = await alreadyClaimed(
    store,
    items.map(({ item }) => dueSendId(item)),
  )
  const fresh = new Map<string, DueItem[]>()
  for (const { branchId, item } of items) {
    if (claimed.has(dueSendId(item))) continue
    fresh.set(branchId, [...(fresh.get(branchId) ?? []), item])
  }
  for (const branchItems of fresh.values()) branchItems.sort((a, b) => a.days - b.days)
  return { fresh, unreadable }
}

/** One branch's new items to its secretary, soonest first, one at a time, while the run's budget lasts. */
async function remindBranch(
  ports: Ports,
  branch: {
    tenantId: string
    rules: MeetingRules
    secretaryId: string
    branchName: string
    items: DueItem[]
    now: number
    run: { timeUp(): boolean; begin(): void }
  },
): Promise<{ sent: number; cut: boolean }> {
  const { tenantId, rules, secretaryId, branchName, now, run } = branch
  let sent = 0
  for (const item of branch.items) {
    if (run.timeUp()) return { sent, cut: true }
    run.begin()
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

/** Which of these reminders were sent already: reads of CLAIM_READ ids, a few at once. */
async function alreadyClaimed(store: Ports['store'], ids: string[]): Promise<Set<string>> {
  const found = new Set<string>()
  const chunks: string[][] = []
  for (let i = 0; i < ids.length; i += CLAIM_READ) chunks.push(ids.slice(i, i + CLAIM_READ))
  await inParallel(chunks, 4, async (chunk) => {
    const rows = await store.find(
      COLLECTIONS.reminderSends,
      { _id: store.command.in(chunk) },
      { fields: { _id: true } },
    )
    for (const row of rows) found.add(row._id)
  })
  return found
}
