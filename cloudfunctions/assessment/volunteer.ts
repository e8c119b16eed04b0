import type { api } from '../../types/api'
import type { VolunteerActivityDoc, VolunteerHoursDoc, VolunteerSignupDoc } from '../../types/assessment'
import { domainEventId } from '../../types/events'
import { branchAccess } from '../domain/access/branch-access'
import { creditRefusal, lengthInHalfHours, signUpRefusal } from '../domain/assessment/volunteer'
import { periodBounds, shanghaiDate } from '../domain/time'
import type { Caller } from '../runtime/caller'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import { recordEvent } from '../runtime/domain-events'
import { within } from '../runtime/range'
import type { Handler } from '../runtime/router'
import { DuplicateIdError, type Store } from '../runtime/store'
import { writeAudit } from '../shared/audit'
import { loadBranch, requireAccess } from '../shared/branch-access'
import { checkInCodes } from '../shared/check-in-code'
import { membersByIds } from '../shared/members'
import { payEventsNow } from './pay-now'
import { insertOnce } from './store'

/** Check-in opens this long before the start and closes at the end. */
const CHECK_IN_OPENS_MS = 30 * 60_000
/** Wrong codes a member may type for one activity before typing is refused. */
const MAX_WRONG_CODES = 10

export const signupId = (activityId: string, memberId: string) => `${activityId}:${memberId}`
/** The code's subject: an activity id, prefixed so it can never equal a meeting's. */
const codeSubject = (activityId: string) => `volunteer:${activityId}`

async function loadActivity(store: Store, caller: Caller, activityId: string): Promise<VolunteerActivityDoc> {
  const activity = await store.get(COLLECTIONS.volunteerActivities, activityId)
  if (!activity || activity.tenantId !== caller.member.tenantId) throw new DomainError('VOLUNTEER.NOT_FOUND')
  return activity
}

/** Who runs an activity: the bureau's (for every branch) by bureau staff; a branch's by whoever manages the branch. */
async function mayManage(store: Store, caller: Caller, activity: VolunteerActivityDoc): Promise<boolean> {
  if (activity.branchId === null) return caller.roles.includes('bureau_staff')
  const branch = await store.get(COLLECTIONS.orgs, activity.branchId)
  return branch !== null && branchAccess(caller.member, branch) === 'manage'
}

async function loadManagedActivity(store: Store, caller: Caller, activityId: string) {
  const activity = await loadActivity(store, caller, activityId)
  if (!(await mayManage(store, caller, activity))) throw new DomainError('AUTH.FORBIDDEN')
  return activity
}

/** 发布志愿服务活动: for a branch the caller manages, or (bureau staff) for every branch; a retry answers the same activity. */
export const publishVolunteerActivity: Handler<typeof api.assessment.publishVolunteerActivity> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const tenantId = caller.member.tenantId
  const now = clock.now()
  const retried = await store.get(COLLECTIONS.volunteerActivities, input.requestId)
  if (retried) {
    if (retried.tenantId !== tenantId || retried.createdBy !== caller.member._id)
      throw new DomainError('AUTH.FORBIDDEN')
    return { id: retried._id }
  }
  if (input.branchId === null) {
    if (!caller.roles.includes('bureau_staff')) throw new DomainError('AUTH.FORBIDDEN')
  } else requireAccess(caller, await loadBranch(store, caller, input.branchId), 'manage')
  if (input.startsAt <= now) throw new DomainError('MEETING.IN_PAST', '活动开始时间已过，请选择之后的时间')
  const activity: VolunteerActivityDoc = {
    _id: input.requestId,
    tenantId,
    branchId: input.branchId,
    title: input.title,
    place: input.place,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    places: input.places,
    signed: 0,
    status: 'published',
    createdBy: caller.member._id,
    createdAt: now,
  }
  if (!(await insertOnce(store, COLLECTIONS.volunteerActivities, activity))) return { id: activity._id }
  await writeAudit(ctx, {
    action: 'assessment.publishVolunteerActivity',
    targetId: activity._id,
    summary: `发布志愿服务活动“${activity.title}”`,
    before: null,
    after: activity,
  })
  return { id: activity._id }
}

/** Activities of the caller's branch and the bureau's (bureau staff: all), upcoming first (soonest), then past (latest). */
export const listVolunteerActivities: Handler<typeof api.assessment.listVolunteerActivities> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const tenantId = caller.member.tenantId
  const now = clock.now()
  const { command: _ } = store
  const open = caller.roles.includes('bureau_staff') ? {} : { branchId: _.in([caller.member.branchId, null]) }
  // The last year's activities: older ones live on in the member's hours, not in this list.
  const activities = await store.findAll(COLLECTIONS.volunteerActivities, {
    tenantId,
    status: 'published',
    startsAt: _.gte(now - 366 * 86_400_000),
    ...open,
  })
  const upcoming = activities.filter((a) => a.endsAt > now).sort((a, b) => a.startsAt - b.startsAt)
  const past = activities.filter((a) => a.endsAt <= now).sort((a, b) => b.startsAt - a.startsAt)
  const ordered = [...upcoming, ...past]
  const page = ordered.slice((input.page - 1) * input.pageSize, input.page * input.pageSize)
  const ids = page.map((a) => a._id)
  const [signups, hours] = ids.length
    ? await Promise.all([
        store.find(COLLECTIONS.volunteerSignups, {
          tenantId,
          memberId: caller.member._id,
          activityId: _.in(ids),
          status: 'signed',
        }),
        store.find(COLLECTIONS.volunteerHours, { tenantId, memberId: caller.member._id, activityId: _.in(ids) }),
      ])
    : [[], []]
  const signed = new Map(signups.map((s) => [s.activityId, s]))
  const credited = new Set(hours.map((h) => h.activityId))
  return {
    items: page.map((a) => {
      const mine = signed.get(a._id)
      return {
        id: a._id,
        title: a.title,
        place: a.place,
        startsAt: a.startsAt,
        endsAt: a.endsAt,
        places: a.places,
        signed: a.signed,
        mine: credited.has(a._id) || mine?.checkedInAt ? ('attended' as const) : mine ? ('signed' as const) : null,
      }
    }),
    total: ordered.length,
    page: input.page,
  }
}

/** One activity as its page shows it; the sign-ups with check-ins and hours to whoever runs it. */
export const getVolunteerActivity: Handler<typeof api.assessment.getVolunteerActivity> = async (input, ctx) => {
  const { caller, store } = ctx
  const activity = await loadActivity(store, caller, input.activityId)
  const canManage = await mayManage(store, caller, activity)
  if (!canManage && activity.branchId !== null && activity.branchId !== caller.member.branchId)
    throw new DomainError('VOLUNTEER.NOT_OPEN_TO_YOU')
  const tenantId = activity.tenantId
  const [mine, myHours] = await Promise.all([
    store.get(COLLECTIONS.volunteerSignups, signupId(activity._id, caller.member._id)),
    store.get(COLLECTIONS.volunteerHours, signupId(activity._id, caller.member._id)),
  ])
  let signups: { memberId: string; name: string; checkedInAt: number | null; hours: number | null }[] = []
  if (canManage) {
    const [rows, hours] = await Promise.all([
      store.findAll(COLLECTIONS.volunteerSignups, { tenantId, activityId: activity._id, status: 'signed' }),
      store.findAll(COLLECTIONS.volunteerHours, { tenantId, activityId: activity._id }),
    ])
    const names = await membersByIds(
      store,
      rows.map((row) => row.memberId),
    )
    const halfHours = new Map(hours.map((h) => [h.memberId, h.halfHours]))
    signups = rows
      .sort((a, b) => a.at - b.at)
      .map((row) => ({
        memberId: row.memberId,
        name: names.get(row.memberId)?.name ?? '（已不在名册）',
        checkedInAt: row.checkedInAt,
        hours: halfHours.has(row.memberId) ? (halfHours.get(row.memberId) ?? 0) / 2 : null,
      }))
  }
  return {
    id: activity._id,
    title: activity.title,
    place: activity.place,
    startsAt: activity.startsAt,
    endsAt: activity.endsAt,
    places: activity.places,
    signed: activity.signed,
    maxHours: lengthInHalfHours(activity) / 2,
    cancelled: activity.status === 'cancelled',
    mine: {
      signed: mine?.status === 'signed',
      checkedInAt: mine?.status === 'signed' ? mine.checkedInAt : null,
      hours: myHours ? myHours.halfHours / 2 : null,
    },
    canManage,
    signups,
  }
}

/**
 * 报名 / 取消报名: the place count lives on the activity, and the sign-up and
 * the count change in one transaction, so two members racing for the last
 * place cannot both have it. Signing up twice (a retry) answers the first.
 */
export const signUpVolunteer: Handler<typeof api.assessment.signUpVolunteer> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const now = clock.now()
  await loadActivity(store, caller, input.activityId)
  const member = caller.member
  const id = signupId(input.activityId, member._id)
  return store.transaction(async (tx) => {
    const activity = await tx.get(COLLECTIONS.volunteerActivities, input.activityId)
    if (!activity) throw new DomainError('VOLUNTEER.NOT_FOUND')
    const existing = await tx.get(COLLECTIONS.volunteerSignups, id)
    const placesLeft = (signed: number) => Math.max(0, activity.places - signed)
    const isSigned = existing?.status === 'signed'
    if (isSigned !== input.cancel) return { signed: isSigned, placesLeft: placesLeft(activity.signed) }
    const refusal = signUpRefusal(activity, member, activity.signed, input.cancel, now)
    if (refusal) throw new DomainError(refusal)
    const signed = activity.signed + (input.cancel ? -1 : 1)
    const status = input.cancel ? ('cancelled' as const) : ('signed' as const)
    if (existing) await tx.update(COLLECTIONS.volunteerSignups, id, { status, at: now })
    else {
      const row: VolunteerSignupDoc = {
        _id: id,
        tenantId: activity.tenantId,
        activityId: activity._id,
        memberId: member._id,
        branchId: member.branchId ?? '',
        status,
        at: now,
        checkedInAt: null,
        wrongCodes: 0,
      }
      await tx.insert(COLLECTIONS.volunteerSignups, row)
    }
    await tx.update(COLLECTIONS.volunteerActivities, activity._id, { signed })
    return { signed: !input.cancel, placesLeft: placesLeft(signed) }
  })
}

function requireCheckInOpen(activity: VolunteerActivityDoc, now: number) {
  if (activity.status === 'cancelled') throw new DomainError('VOLUNTEER.CANCELLED')
  if (now < activity.startsAt - CHECK_IN_OPENS_MS || now > activity.endsAt)
    throw new DomainError('VOLUNTEER.CHECKIN_CLOSED')
}

/** 签到码 on the organiser's screen: the meetings check-in's signed minute code, from the shared layer. */
export const volunteerCheckInCode: Handler<typeof api.assessment.volunteerCheckInCode> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const activity = await loadManagedActivity(store, caller, input.activityId)
  const now = clock.now()
  requireCheckInOpen(activity, now)
  const codes = checkInCodes(store, COLLECTIONS.volunteerSecrets, activity.tenantId)
  const { shortCode, refreshAt } = await codes.current(codeSubject(activity._id), now)
  return { shortCode, refreshAt: Math.min(refreshAt, activity.endsAt), closesAt: activity.endsAt }
}

/** 签到: a signed-up member types the organiser's current code; ten wrong codes and typing is refused. */
export const volunteerCheckIn: Handler<typeof api.assessment.volunteerCheckIn> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const activity = await loadActivity(store, caller, input.activityId)
  const now = clock.now()
  const id = signupId(activity._id, caller.member._id)
  const signup = await store.get(COLLECTIONS.volunteerSignups, id)
  if (signup?.status !== 'signed') throw new DomainError('VOLUNTEER.NOT_SIGNED')
  if (signup.checkedInAt !== null) return { checkedInAt: signup.checkedInAt, first: false }
  requireCheckInOpen(activity, now)
  if (signup.wrongCodes >= MAX_WRONG_CODES) throw new DomainError('VOLUNTEER.TOO_MANY_TRIES')
  const codes = checkInCodes(store, COLLECTIONS.volunteerSecrets, activity.tenantId)
  if (!(await codes.isValid(codeSubject(activity._id), input.shortCode, now))) {
    await store.update(COLLECTIONS.volunteerSignups, id, { wrongCodes: store.command.inc(1) })
    throw new DomainError('VOLUNTEER.CODE_INVALID')
  }
  // Conditional: two taps at once record the first instant only.
  const changed = await store.updateWhere(
    COLLECTIONS.volunteerSignups,
    { _id: id, checkedInAt: null },
    { checkedInAt: now },
  )
  if (changed === 0) {
    const first = await store.get(COLLECTIONS.volunteerSignups, id)
    return { checkedInAt: first?.checkedInAt ?? now, first: false }
  }
  return { checkedInAt: now, first: true }
}

/**
 * 登记时长: after the end, hours in half hours up to the activity's length,
 * for members who signed up; never the organiser's own (someone else records
 * theirs). Every entry is judged before anything is written; each member is
 * credited once (the hours' id is activity + member), and each credit records
 * one `volunteer.hours` event that the points function pays at once (or its
 * timer later), once.
 */
export const recordVolunteerHours: Handler<typeof api.assessment.recordVolunteerHours> = async (input, ctx) => {
  const { caller, store, clock, functions } = ctx
  const activity = await loadManagedActivity(store, caller, input.activityId)
  const now = clock.now()
  const tenantId = activity.tenantId
  const memberIds = [...new Set(input.entries.map((entry) => entry.memberId))]
  if (memberIds.includes(caller.member._id)) throw new DomainError('VOLUNTEER.OWN_HOURS')
  for (const entry of input.entries) {
    const refusal = creditRefusal(activity, entry.hours, now)
    if (refusal) throw new DomainError(refusal)
  }
  const signups = await store.findAll(COLLECTIONS.volunteerSignups, {
    tenantId,
    activityId: activity._id,
    status: 'signed',
    memberId: store.command.in(memberIds),
  })
  const byMember = new Map(signups.map((row) => [row.memberId, row]))
  const missing = memberIds.find((memberId) => !byMember.has(memberId))
  if (missing) throw new DomainError('VOLUNTEER.NOT_SIGNED', '只能为报名参加该活动的党员登记时长')
  let credited = 0
  let alreadyCredited = 0
  const events: string[] = []
  for (const memberId of memberIds) {
    const signup = byMember.get(memberId) as VolunteerSignupDoc
    const hours = input.entries.find((entry) => entry.memberId === memberId)?.hours ?? 0
    const row: VolunteerHoursDoc = {
      _id: signupId(activity._id, memberId),
      tenantId,
      activityId: activity._id,
      memberId,
      branchId: signup.branchId,
      halfHours: hours * 2,
      via: signup.checkedInAt === null ? 'hand' : 'check_in',
      recordedBy: caller.member._id,
      at: now,
    }
    if (!(await creditOnce(store, row))) {
      alreadyCredited++
      continue
    }
    credited++
    await recordEvent(store, {
      tenantId,
      kind: 'volunteer.hours',
      memberId,
      sourceId: activity._id,
      at: now,
      recordedBy: caller.member._id,
      units: hours,
    })
    events.push(domainEventId('volunteer.hours', activity._id, memberId))
  }
  if (credited)
    await writeAudit(ctx, {
      action: 'assessment.recordVolunteerHours',
      targetId: activity._id,
      summary: `登记志愿服务“${activity.title}”时长 ${credited} 人`,
      before: null,
      after: { entries: input.entries },
    })
  await payEventsNow(functions, events, `志愿服务“${activity.title}”`)
  return { credited, alreadyCredited }
}

/**
 * Writes a member's hours and adds them to their branch's year in one
 * transaction: the branch's total never drifts from the rows. False when the
 * member was credited before (the rows' id is activity + member).
 */
async function creditOnce(store: Store, row: VolunteerHoursDoc): Promise<boolean> {
  const year = Number(shanghaiDate(row.at).slice(0, 4))
  const totalId = `${row.branchId}:${year}`
  try {
    await store.transaction(async (tx) => {
      if (await tx.get(COLLECTIONS.volunteerHours, row._id))
        throw new DuplicateIdError(COLLECTIONS.volunteerHours, row._id)
      await tx.insert(COLLECTIONS.volunteerHours, row)
      const total = await tx.get(COLLECTIONS.volunteerBranchYears, totalId)
      if (total)
        await tx.update(COLLECTIONS.volunteerBranchYears, totalId, { halfHours: total.halfHours + row.halfHours })
      else
        await tx.insert(COLLECTIONS.volunteerBranchYears, {
          _id: totalId,
          tenantId: row.tenantId,
          branchId: row.branchId,
          year,
          halfHours: row.halfHours,
        })
    })
    return true
  } catch (error) {
    if (error instanceof DuplicateIdError) return false
    throw error
  }
}

/** The caller's hours credited in a year, activity by activity (latest first). */
export const myVolunteerHours: Handler<typeof api.assessment.myVolunteerHours> = async (input, ctx) => {
  const { caller, store } = ctx
  const tenantId = caller.member.tenantId
  const { start, end } = periodBounds(String(input.year))
  const { command: _ } = store
  const rows = await store.findAll(COLLECTIONS.volunteerHours, {
    tenantId,
    memberId: caller.member._id,
    at: within(store, start, end),
  })
  const activities = rows.length
    ? await store.findAll(COLLECTIONS.volunteerActivities, {
        tenantId,
        _id: _.in(rows.map((row) => row.activityId)),
      })
    : []
  const byId = new Map(activities.map((a) => [a._id, a]))
  const items = rows
    .map((row) => ({ row, activity: byId.get(row.activityId) }))
    .sort((a, b) => (b.activity?.startsAt ?? b.row.at) - (a.activity?.startsAt ?? a.row.at))
    .map(({ row, activity }) => ({
      activityId: row.activityId,
      title: activity?.title ?? '志愿服务',
      on: shanghaiDate(activity?.startsAt ?? row.at),
      hours: row.halfHours / 2,
    }))
  return { hours: rows.reduce((sum, row) => sum + row.halfHours, 0) / 2, items }
}
