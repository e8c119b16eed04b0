import type { api } from '../../types/api'
import type { AttendanceDoc, AttendanceStatus, MeetingDoc } from '../../types/meetings'
import { judgeCheckIn } from '../domain/meetings/check-in-window'
import { metresBetween } from '../domain/meetings/distance'
import { parseScene, SLOT_MS, sceneOf, slotOf, tokenFor, tokenIsValid } from '../domain/meetings/qr-token'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import { miniProgramCode } from '../runtime/mini-program-code'
import type { Handler } from '../runtime/router'
import { DuplicateIdError, type Store } from '../runtime/store'
import { loadRules } from '../shared/meeting-rules'
import { recordAttendanceEvent } from './events'
import { attendanceId, CHECKIN_PAGE } from './ids'
import { loadManagedMeeting, loadMeeting, requireLive } from './meeting-access'
import { tenantSecret } from './rules'
import { refreshShareCard } from './share-card'
import { countsOf } from './views'

/** 签到码: the secretary's phone shows this and asks again when `refreshAt` passes. */
export const checkInCode: Handler<typeof api.meetings.checkInCode> = async (input, ctx) => {
  const { caller, store, files, clock } = ctx
  const { meeting } = await loadManagedMeeting(store, caller, input.meetingId)
  requireLive(meeting)
  const now = clock.now()
  if (now > meeting.endsAt) throw new DomainError('MEETING.CLOSED')
  const slot = slotOf(now)
  const token = tokenFor(await tenantSecret(store, meeting.tenantId), meeting._id, slot)
  const scene = sceneOf(meeting._id, token)
  let imageUrl: string | null = null
  if (input.image) {
    const png = await miniProgramCode(CHECKIN_PAGE, scene)
    // One file per meeting, overwritten each slot: storage does not fill up with expired codes.
    const fileID = await files.upload(`meetings/${meeting.tenantId}/${meeting._id}/checkin.png`, png)
    imageUrl = await files.link(fileID, 120)
  }
  return {
    token,
    scene,
    path: `${CHECKIN_PAGE}?scene=${encodeURIComponent(scene)}`,
    refreshAt: (slot + 1) * SLOT_MS,
    imageUrl,
    counts: await countsOf(store, meeting),
  }
}

/** Writes one member's attendance once: a second write finds the first and answers it. */
export async function recordOnce(store: Store, row: AttendanceDoc): Promise<{ row: AttendanceDoc; first: boolean }> {
  try {
    await store.insert(COLLECTIONS.meetingAttendance, row)
    return { row, first: true }
  } catch (error) {
    if (!(error instanceof DuplicateIdError)) throw error
    const existing = await store.get(COLLECTIONS.meetingAttendance, row._id)
    if (!existing) throw error
    return { row: existing, first: false }
  }
}

function resolveTarget(input: { meetingId?: string; token?: string; scene?: string }) {
  if (input.scene) {
    const parsed = parseScene(input.scene)
    if (!parsed) throw new DomainError('MEETING.TOKEN_INVALID')
    return parsed
  }
  if (!input.meetingId || !input.token) throw new DomainError('MEETING.TOKEN_INVALID')
  return { meetingId: input.meetingId, token: input.token }
}

function judgeLocation(meeting: MeetingDoc, position: { latitude: number; longitude: number } | null) {
  if (!meeting.location) return
  if (!position) throw new DomainError('MEETING.LOCATION_REQUIRED')
  const metres = metresBetween(meeting.location, position)
  if (metres > meeting.location.radiusMeters) {
    throw new DomainError('MEETING.TOO_FAR', `您距会议地点约${Math.round(metres)}米，请到场后再签到`)
  }
}

/** 扫码签到: the token proves presence at the secretary's screen within the last minute. */
export const checkIn: Handler<typeof api.meetings.checkIn> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const target = resolveTarget(input)
  const now = clock.now()
  const { meeting, attendee } = await loadMeeting(store, caller, target.meetingId).catch((error: unknown) => {
    // A forged scene naming some other id must not tell meetings apart from tokens.
    if (error instanceof DomainError && error.code === 'MEETING.NOT_FOUND')
      throw new DomainError('MEETING.TOKEN_INVALID')
    throw error
  })
  requireLive(meeting)
  if (!tokenIsValid(await tenantSecret(store, meeting.tenantId), meeting._id, target.token, now)) {
    throw new DomainError('MEETING.TOKEN_INVALID')
  }
  if (!attendee) throw new DomainError('MEETING.NOT_ATTENDEE')
  const existing = await store.get(COLLECTIONS.meetingAttendance, attendanceId(meeting._id, caller.member._id))
  if (existing) return { status: existing.status, at: existing.at, first: false, title: meeting.title }
  const rules = await loadRules(store, meeting.tenantId)
  const verdict = judgeCheckIn(meeting, rules, now)
  if (verdict === 'not open')
    throw new DomainError('MEETING.NOT_OPEN', `签到将于会议开始前${rules.checkInOpensMinutes}分钟开放`)
  if (verdict === 'closed') throw new DomainError('MEETING.CLOSED')
  judgeLocation(meeting, input.position)
  const status: AttendanceStatus = verdict
  const { row, first } = await recordOnce(store, {
    _id: attendanceId(meeting._id, caller.member._id),
    tenantId: meeting.tenantId,
    meetingId: meeting._id,
    branchId: meeting.branchId,
    memberId: caller.member._id,
    status,
    via: 'code',
    at: now,
    recordedBy: caller.member._id,
  })
  if (first) {
    await recordAttendanceEvent(store, row, caller.member._id)
    await refreshShareCard(ctx, meeting, now)
  }
  return { status: row.status, at: row.at, first, title: meeting.title }
}
