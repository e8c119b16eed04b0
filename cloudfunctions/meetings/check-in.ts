import type { api } from '../../types/api'
import type { AttendanceDoc, AttendanceStatus, Coordinates, MeetingDoc } from '../../types/meetings'
import { judgeCheckIn, windowOf } from '../domain/meetings/check-in-window'
import { judgeDistance } from '../domain/meetings/distance'
import {
  MAX_WRONG_SHORT_CODES,
  parseScene,
  SHORT_SLOT_MS,
  SLOT_MS,
  sceneOf,
  shortCodeFor,
  shortCodeIsValid,
  slotOf,
  tokenFor,
  tokenIsValid,
} from '../domain/meetings/qr-token'
import { shanghaiShort } from '../domain/time'
import type { Caller } from '../runtime/caller'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import { miniProgramCode } from '../runtime/mini-program-code'
import type { Handler } from '../runtime/router'
import { DuplicateIdError, type Store } from '../runtime/store'
import { loadRules } from '../shared/meeting-rules'
import { insertRow } from './events'
import { attendanceId, CHECKIN_PAGE } from './ids'
import { loadManagedMeeting, loadMeeting, requireLive } from './meeting-access'
import { tenantSecret } from './rules'
import { refreshShareCard } from './share-card'
import { countsOf } from './views'

/**
 * 签到码: the secretary's phone shows this while check-in is open and asks
 * again when `refreshAt` passes: the 小程序码 (its scene opens the check-in
 * page from the phone camera) and the short code members type.
 */
export const checkInCode: Handler<typeof api.meetings.checkInCode> = async (input, ctx) => {
  const { caller, store, files, clock } = ctx
  const { meeting } = await loadManagedMeeting(store, caller, input.meetingId)
  requireLive(meeting)
  const now = clock.now()
  if (now > meeting.endsAt) throw new DomainError('MEETING.CLOSED')
  const rules = await loadRules(store, meeting.tenantId)
  const { opensAt } = windowOf(meeting, rules)
  if (now < opensAt) throw new DomainError('MEETING.NOT_OPEN', `签到将于${shanghaiShort(opensAt)}开放`)
  const secret = await tenantSecret(store, meeting.tenantId)
  const slot = slotOf(now)
  const token = tokenFor(secret, meeting._id, slot)
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
    shortCode: shortCodeFor(secret, meeting._id, Math.floor(now / SHORT_SLOT_MS)),
    // The image turns over every slot; the short code with it, whichever comes first.
    refreshAt: Math.min((slot + 1) * SLOT_MS, (Math.floor(now / SHORT_SLOT_MS) + 1) * SHORT_SLOT_MS),
    imageUrl,
    closesAt: meeting.endsAt,
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

type Target = { meetingId: string; proof: { token: string } | { shortCode: string } }

function resolveTarget(input: { meetingId?: string; token?: string; shortCode?: string; scene?: string }): Target {
  if (input.scene) {
    const parsed = parseScene(input.scene)
    if (!parsed) throw new DomainError('MEETING.TOKEN_INVALID')
    return { meetingId: parsed.meetingId, proof: { token: parsed.token } }
  }
  if (input.meetingId && input.token) return { meetingId: input.meetingId, proof: { token: input.token } }
  if (input.meetingId && input.shortCode) return { meetingId: input.meetingId, proof: { shortCode: input.shortCode } }
  throw new DomainError('MEETING.TOKEN_INVALID')
}

/** The distance rule: fails closed — no position, a position out of range or too far is refused. */
function judgeLocation(meeting: MeetingDoc, position: Coordinates | null) {
  if (!meeting.location) return
  const judged = judgeDistance(meeting.location, position)
  if (judged.verdict === 'near') return
  if (judged.verdict === 'no position') throw new DomainError('MEETING.LOCATION_REQUIRED')
  throw new DomainError(
    'MEETING.TOO_FAR',
    judged.metres === null
      ? '无法确认您的位置，请到场后重新定位签到'
      : `您距会议地点约${Math.round(judged.metres)}米（须在${meeting.location.radiusMeters}米内），请到场后再签到`,
  )
}

/**
 * A typed short code: checked against this and the previous minute's; ten
 * wrong ones for a meeting and typing is refused (a 6-digit code cannot be
 * guessed within that), while scanning and hand marking still work.
 */
async function checkShortCode(
  store: Store,
  secret: string,
  meeting: MeetingDoc,
  caller: Caller,
  code: string,
  now: number,
) {
  const id = attendanceId(meeting._id, caller.member._id)
  const tries = await store.get(COLLECTIONS.meetingCheckInTries, id)
  if ((tries?.wrong ?? 0) >= MAX_WRONG_SHORT_CODES) throw new DomainError('MEETING.TOO_MANY_TRIES')
  if (shortCodeIsValid(secret, meeting._id, code, now)) return
  if ((await store.update(COLLECTIONS.meetingCheckInTries, id, { wrong: store.command.inc(1), lastAt: now })) === 0) {
    try {
      await store.insert(COLLECTIONS.meetingCheckInTries, {
        _id: id,
        tenantId: meeting.tenantId,
        wrong: 1,
        lastAt: now,
      })
    } catch (error) {
      if (!(error instanceof DuplicateIdError)) throw error
      await store.update(COLLECTIONS.meetingCheckInTries, id, { wrong: store.command.inc(1), lastAt: now })
    }
  }
  throw new DomainError('MEETING.TOKEN_INVALID', '签到码不正确或已过期，请输入书记屏幕上的最新签到码')
}

/**
 * 签到: the token (scanned) or the short code (typed) proves presence at the
 * secretary's screen within the last minute; a meeting with a place also
 * needs the member's position within its radius. Only members still in the
 * meeting's branch may check in (one transferred out may not).
 */
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
  const secret = await tenantSecret(store, meeting.tenantId)
  if ('token' in target.proof) {
    if (!tokenIsValid(secret, meeting._id, target.proof.token, now)) throw new DomainError('MEETING.TOKEN_INVALID')
  }
  if (!attendee || caller.member.branchId !== meeting.branchId) throw new DomainError('MEETING.NOT_ATTENDEE')
  const existing = await store.get(COLLECTIONS.meetingAttendance, attendanceId(meeting._id, caller.member._id))
  if (existing)
    return { status: existing.status, at: existing.at, first: false, title: meeting.title, meetingId: meeting._id }
  const rules = await loadRules(store, meeting.tenantId)
  const verdict = judgeCheckIn(meeting, rules, now)
  if (verdict === 'not open')
    throw new DomainError('MEETING.NOT_OPEN', `签到将于会议开始前${rules.checkInOpensMinutes}分钟开放`)
  if (verdict === 'closed') throw new DomainError('MEETING.CLOSED')
  if ('shortCode' in target.proof) await checkShortCode(store, secret, meeting, caller, target.proof.shortCode, now)
  judgeLocation(meeting, input.position)
  const status: AttendanceStatus = verdict
  const row = {
    _id: attendanceId(meeting._id, caller.member._id),
    tenantId: meeting.tenantId,
    meetingId: meeting._id,
    branchId: meeting.branchId,
    memberId: caller.member._id,
    status,
    via: 'code' as const,
    at: now,
    recordedBy: caller.member._id,
    // Paid from the start: a check-in half an hour early earns nothing before the meeting begins.
    pendingEvent: { correction: false, at: now, payableFrom: meeting.startsAt },
  }
  const first = await insertRow(store, row)
  if (!first) {
    const stored = await store.get(COLLECTIONS.meetingAttendance, row._id)
    return {
      status: stored?.status ?? status,
      at: stored?.at ?? now,
      first: false,
      title: meeting.title,
      meetingId: meeting._id,
    }
  }
  await refreshShareCard(ctx, meeting, now)
  return { status, at: now, first: true, title: meeting.title, meetingId: meeting._id }
}
