import type { api } from '../../types/api'
import type { TalkDoc } from '../../types/yearly-cycle'
import { shanghaiDate } from '../domain/time'
import { talkCoverage as coverageOf } from '../domain/yearly-cycle/talk-coverage'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import { readPage } from '../runtime/read-page'
import type { Handler } from '../runtime/router'
import { DuplicateIdError } from '../runtime/store'
import { loadBranch, loadMember, requireAccess } from '../shared/branch-access'
import { refreshDigest } from './digest'
import { branchMembers, namesOf, peopleOf } from './people'
import { isBranchSecretary, mayManage } from './scope'

/**
 * 记录谈心谈话: a talk the caller held with another active member of their own
 * branch, on a day not after today. One document whoever of the two records
 * it; its id is the client's requestId, so a retried save records once.
 */
export const recordTalk: Handler<(typeof api)['yearly-cycle']['recordTalk']> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const me = caller.member
  if (input.withMemberId === me._id) throw new DomainError('TALK.SELF')
  const other = await loadMember(store, caller, input.withMemberId)
  if (!me.branchId || other.branchId !== me.branchId || other.status !== 'active') {
    throw new DomainError('TALK.OTHER_BRANCH')
  }
  const now = clock.now()
  if (input.on > shanghaiDate(now)) throw new DomainError('DATE.IN_FUTURE', '谈话日期不能晚于今天')
  const year = Number(input.on.slice(0, 4))
  const talk: TalkDoc = {
    _id: input.requestId,
    tenantId: me.tenantId,
    branchId: me.branchId,
    year,
    pair: [me._id, other._id].sort() as [string, string],
    on: input.on,
    topic: input.topic,
    summary: input.summary,
    recordedBy: me._id,
    recordedAt: now,
  }
  try {
    await store.insert(COLLECTIONS.talks, talk)
  } catch (error) {
    if (!(error instanceof DuplicateIdError)) throw error
    const first = await store.get(COLLECTIONS.talks, input.requestId)
    if (first?.recordedBy !== me._id) throw new DomainError('INPUT.INVALID', '请求编号重复，请重新提交')
    return { id: first._id, duplicate: true }
  }
  await refreshDigest(store, me.tenantId, me.branchId, year, now)
  return { id: talk._id, duplicate: false }
}

/**
 * Talks of a year, newest first: the caller's own (with their summaries), or
 * with `branchId` the branch's for those who follow it. A summary is read only
 * by the two people and the branch's secretary; committee members,
 * instructors, 总支书记 and bureau staff see who, when and the topic.
 */
export const listTalks: Handler<(typeof api)['yearly-cycle']['listTalks']> = async (input, { caller, store }) => {
  const me = caller.member
  let where: Record<string, unknown> = { tenantId: me.tenantId, pair: me._id, year: input.year }
  let readsSummaries = false
  if (input.branchId) {
    const branch = await loadBranch(store, caller, input.branchId)
    requireAccess(caller, branch, 'read')
    where = { tenantId: me.tenantId, branchId: branch._id, year: input.year }
    readsSummaries = isBranchSecretary(caller, branch._id)
  }
  const page = await readPage(
    store,
    COLLECTIONS.talks,
    where,
    [
      ['on', 'desc'],
      ['_id', 'asc'],
    ],
    input,
  )
  const names = await namesOf(
    store,
    page.items.flatMap((talk) => talk.pair),
  )
  return {
    ...page,
    items: page.items.map((talk) => ({
      id: talk._id,
      with: talk.pair.map((memberId) => ({ memberId, name: names.get(memberId) ?? '已离开的党员' })),
      on: talk.on,
      topic: talk.topic,
      summary: readsSummaries || talk.pair.includes(me._id) ? talk.summary : null,
    })),
  }
}

/** The members of the caller's branch to record a talk with. */
export const talkPartners: Handler<(typeof api)['yearly-cycle']['talkPartners']> = async (
  _input,
  { caller, store },
) => {
  const me = caller.member
  if (!me.branchId) return { branchId: null, items: [] }
  const members = await branchMembers(store, me.tenantId, me.branchId)
  return {
    branchId: me.branchId,
    items: members
      .filter((member) => member._id !== me._id)
      .map((member) => ({ memberId: member._id, name: member.name, committee: member.committeePosition !== null })),
  }
}

/** A branch's coverage of a year, with the names the gaps refer to. */
export const talkCoverage: Handler<(typeof api)['yearly-cycle']['talkCoverage']> = async (input, { caller, store }) => {
  const branch = await loadBranch(store, caller, input.branchId)
  requireAccess(caller, branch, 'read')
  const [members, talks] = await Promise.all([
    branchMembers(store, branch.tenantId, branch._id),
    store.findAll(COLLECTIONS.talks, { tenantId: branch.tenantId, branchId: branch._id, year: input.year }),
  ])
  const coverage = coverageOf(peopleOf(members), talks)
  return {
    ...coverage,
    branchName: branch.name,
    names: Object.fromEntries(members.map((member) => [member._id, member.name])),
    mayRemind: mayManage(caller, branch),
  }
}
