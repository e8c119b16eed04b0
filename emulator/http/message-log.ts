/**
 * 消息记录 for the demo (dev only): what reached people, read from what the
 * emulator keeps — subscribe messages and share-card updates in the outbox,
 * robot posts in the robot queue — and named with the demo's members, branches
 * and templates. The H5 dev page (subpackages/dev/pages/messages) shows it;
 * nothing of it exists on CloudBase, where the platform delivers for real.
 */

import type { LoggedCard, LoggedMessage, LoggedRobotPost, MessageLog } from '../../types/message-log'
import { TEMPLATE_USE_LABELS, TEMPLATE_USES, type TemplateUse } from '../../types/subscribe-templates'
import type { OutboxEntry } from '../outbox'
import type { Store } from '../store/store'

type Doc = Record<string, unknown>

export interface MessageSources {
  outbox: OutboxEntry[]
  bindings: Doc[]
  members: Doc[]
  orgs: Doc[]
  rules: Doc[]
  robotQueue: Doc[]
  meetings: Doc[]
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '')
const num = (value: unknown): number | null => (typeof value === 'number' ? value : null)

/** Template id → what it is used for, across the tenants' 订阅消息 tables (old bare ids too). */
function templateUseLabels(rules: Doc[]): Map<string, string> {
  const labels = new Map<string, string>()
  for (const doc of rules) {
    const templates = (doc.templates ?? {}) as Record<string, unknown>
    for (const use of TEMPLATE_USES) {
      const entry = templates[use]
      const id = typeof entry === 'string' ? entry : text((entry as Doc | undefined)?.templateId)
      if (!id) continue
      const label = TEMPLATE_USE_LABELS[use as TemplateUse].title
      labels.set(id, labels.has(id) && labels.get(id) !== label ? `${labels.get(id)}、${label}` : label)
    }
  }
  return labels
}

/** Everything sent between `from` and `to` (epoch ms, either open), newest first. */
export function buildMessageLog(sources: MessageSources, from: number | null, to: number | null): MessageLog {
  const within = (at: number | null) => at !== null && (from === null || at >= from) && (to === null || at <= to)
  const memberOfOpenid = new Map(sources.bindings.map((binding) => [text(binding._id), text(binding.memberId)]))
  const members = new Map(sources.members.map((member) => [text(member._id), member]))
  const orgs = new Map(sources.orgs.map((org) => [text(org._id), org]))
  const labels = templateUseLabels(sources.rules)

  const byMember = new Map<string, LoggedMessage[]>()
  for (const entry of sources.outbox) {
    if (entry.apiName !== 'subscribeMessage.send') continue
    const at = Date.parse(entry.time)
    if (!within(at)) continue
    const memberId = memberOfOpenid.get(text(entry.params.touser)) ?? `openid:${text(entry.params.touser)}`
    const data = (entry.params.data ?? {}) as Record<string, { value?: unknown }>
    const templateId = text(entry.params.template_id)
    const list = byMember.get(memberId) ?? []
    list.push({
      id: String(entry.id),
      at,
      use: labels.get(templateId) ?? templateId,
      templateId,
      page: text(entry.params.page),
      fields: Object.entries(data).map(([keyword, field]) => ({ keyword, value: String(field?.value ?? '') })),
    })
    byMember.set(memberId, list)
  }

  const cards = cardsByBranch(sources, within)
  const postsByBranch = new Map<string, LoggedRobotPost[]>()
  for (const post of sources.robotQueue) {
    const at = num(post.sentAt) ?? num(post.createdAt)
    if (!within(at)) continue
    const list = postsByBranch.get(text(post.branchId)) ?? []
    list.push({
      id: text(post._id),
      at: at ?? 0,
      status: text(post.status),
      text: text(post.markdown),
      error: text(post.lastError) || null,
    })
    postsByBranch.set(text(post.branchId), list)
  }

  const newest = <T extends { at: number }>(list: T[]) => list.sort((a, b) => b.at - a.at)
  return {
    from,
    to,
    members: [...byMember]
      .map(([memberId, messages]) => {
        const member = members.get(memberId)
        return {
          memberId,
          name: text(member?.name) || memberId,
          branchName: text(orgs.get(text(member?.branchId))?.name),
          messages: newest(messages),
        }
      })
      .sort((a, b) => b.messages[0].at - a.messages[0].at),
    branches: [...new Set([...postsByBranch.keys(), ...cards.keys()])]
      .map((branchId) => ({
        branchId,
        name: text(orgs.get(branchId)?.name) || branchId,
        robotPosts: newest(postsByBranch.get(branchId) ?? []),
        cards: cards.get(branchId) ?? [],
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh')),
  }
}

/** Each shared card (动态消息) of a meeting, with the figures its latest update set. */
function cardsByBranch(sources: MessageSources, within: (at: number | null) => boolean): Map<string, LoggedCard[]> {
  const created = new Map<string, number>()
  const updates = new Map<string, { at: number; params: Doc }[]>()
  for (const entry of sources.outbox) {
    const at = Date.parse(entry.time)
    if (entry.apiName === 'updatableMessage.createActivityId') {
      const id = text(entry.result?.activity_id)
      if (id) created.set(id, at)
    }
    if (entry.apiName === 'updatableMessage.setUpdatableMsg') {
      const id = text(entry.params.activity_id)
      updates.set(id, [...(updates.get(id) ?? []), { at, params: entry.params }])
    }
  }
  const out = new Map<string, LoggedCard[]>()
  for (const meeting of sources.meetings) {
    const activity = meeting.activity as Doc | null | undefined
    const activityId = text(activity?.id)
    if (!activityId) continue
    const shown = (updates.get(activityId) ?? []).filter((update) => within(update.at))
    const createdAt = created.get(activityId) ?? null
    if (shown.length === 0 && !within(createdAt)) continue
    const last = shown[shown.length - 1]
    const parameters = ((last?.params.template_info as Doc | undefined)?.parameter_list ?? []) as Doc[]
    const value = (name: string) => {
      const found = parameters.find((parameter) => parameter.name === name)
      return found ? text(found.value) : null
    }
    const branchId = text(meeting.branchId)
    out.set(branchId, [
      ...(out.get(branchId) ?? []),
      {
        meetingId: text(meeting._id),
        title: text(meeting.title),
        activityId,
        createdAt,
        expiresAt: num(activity?.expiresAt),
        updates: shown.length,
        memberCount: value('member_count'),
        roomLimit: value('room_limit'),
        updatedAt: last?.at ?? null,
      },
    ])
  }
  return out
}

/** The log from the emulator's own store and outbox. */
export async function readMessageLog(
  store: Store,
  outbox: OutboxEntry[],
  from: number | null,
  to: number | null,
): Promise<MessageLog> {
  const all = async (name: string, filter: Doc = {}): Promise<Doc[]> =>
    store.exists(name) ? (await store.collection(name)).find(filter) : []
  const [bindings, members, orgs, rules, robotQueue, meetings] = await Promise.all([
    all('bindings'),
    all('members'),
    all('orgs'),
    all('meeting_rules'),
    all('robot_queue'),
    all('meetings', { activity: { $ne: null } }),
  ])
  return buildMessageLog({ outbox, bindings, members, orgs, rules, robotQueue, meetings }, from, to)
}
