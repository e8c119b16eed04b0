import {
  type GeoPoint,
  MEETING_TYPES,
  type MeetingDetail,
  type MeetingType,
  SCOPES_OF,
  type Scope,
  type ScopeKind,
} from '../../../../types/meetings'

/**
 * What the schedule, edit and 补录 forms hold before they send it: one date
 * and one start time (Asia/Shanghai, from the platform's pickers), a length
 * in minutes, the scope, host and note-taker picked from the roster.
 */
export interface MeetingDraft {
  type: MeetingType
  alsoCounts: MeetingType[]
  scopeKind: ScopeKind
  groupId: string | null
  prospects: boolean
  title: string
  agenda: string
  /** 'YYYY-MM-DD' */
  date: string
  /** 'HH:mm' */
  time: string
  minutes: number
  place: string
  location: GeoPoint | null
  hostId: string | null
  noteTakerId: string | null
}

const SHANGHAI = 8 * 3_600_000

/** 'YYYY-MM-DD' of an instant as Shanghai sees it, `plusDays` later. */
export const shanghaiDay = (ms: number, plusDays = 0) =>
  new Date(ms + SHANGHAI + plusDays * 86_400_000).toISOString().slice(0, 10)

/** 'HH:mm' of an instant as Shanghai sees it. */
export const shanghaiTime = (ms: number) => new Date(ms + SHANGHAI).toISOString().slice(11, 16)

/** The instant a Shanghai date and time name. */
export const instantOf = (date: string, time: string) => Date.parse(`${date}T${time}:00+08:00`)

/** Lengths a meeting may be given (minutes): the picker's choices. */
export const LENGTHS = [30, 60, 90, 120, 150, 180, 240] as const
export const lengthLabel = (minutes: number) =>
  minutes < 60 ? `${minutes}分钟` : `${minutes / 60}小时`.replace('.5小时', '个半小时').replace(/^1个半/, '一个半')

/** Radii a location check-in may use (metres). */
export const RADII = [100, 200, 300, 500, 1000] as const

/** The scopes a meeting of these types may have (every type it counts as must allow it). */
export function scopesFor(types: readonly MeetingType[]): ScopeKind[] {
  return (['branch', 'group', 'committee'] as const).filter((kind) =>
    types.every((type) => SCOPES_OF[type].includes(kind)),
  )
}

/** Other types a meeting of `type` with this scope may also count as (合并召开). */
export function combinableWith(type: MeetingType, scopeKind: ScopeKind): MeetingType[] {
  return MEETING_TYPES.filter((other) => other !== type && other !== 'other' && SCOPES_OF[other].includes(scopeKind))
}

/** A fresh draft: the type's own scope, tomorrow at 15:00 for two hours (a past day for 补录). */
export function blankDraft(type: MeetingType, now: number, past = false): MeetingDraft {
  return {
    type,
    alsoCounts: [],
    scopeKind: SCOPES_OF[type][0],
    groupId: null,
    prospects: false,
    title: '',
    agenda: '',
    date: shanghaiDay(now, past ? -1 : 1),
    time: '15:00',
    minutes: 120,
    place: '',
    location: null,
    hostId: null,
    noteTakerId: null,
  }
}

/** The draft of a meeting being edited. */
export function draftOf(meeting: MeetingDetail): MeetingDraft {
  return {
    type: meeting.type,
    alsoCounts: meeting.alsoCounts,
    scopeKind: meeting.scope.kind,
    groupId: meeting.scope.kind === 'group' ? meeting.scope.groupId : null,
    prospects: meeting.scope.kind === 'branch' && Boolean(meeting.scope.prospects),
    title: meeting.title,
    agenda: meeting.agenda,
    date: shanghaiDay(meeting.startsAt),
    time: shanghaiTime(meeting.startsAt),
    minutes: Math.round((meeting.endsAt - meeting.startsAt) / 60_000),
    place: meeting.place,
    location: meeting.location,
    hostId: meeting.hostId,
    noteTakerId: meeting.noteTakerId,
  }
}

/** A type chosen: its own scope (kept when it still fits), combined types that no longer fit dropped. */
export function withType(draft: MeetingDraft, type: MeetingType): MeetingDraft {
  const scopes = SCOPES_OF[type]
  const scopeKind = scopes.includes(draft.scopeKind) ? draft.scopeKind : scopes[0]
  const allowed = combinableWith(type, scopeKind)
  return { ...draft, type, scopeKind, alsoCounts: draft.alsoCounts.filter((other) => allowed.includes(other)) }
}

/** The scope the draft names; null while a group scope has no group chosen. */
export function scopeOf(draft: MeetingDraft): Scope | null {
  if (draft.scopeKind === 'group') return draft.groupId ? { kind: 'group', groupId: draft.groupId } : null
  if (draft.scopeKind === 'committee') return { kind: 'committee' }
  return draft.prospects ? { kind: 'branch', prospects: true } : { kind: 'branch' }
}

/** The meeting's fields as the contract takes them. */
export function fieldsOf(draft: MeetingDraft) {
  const startsAt = instantOf(draft.date, draft.time)
  return {
    type: draft.type,
    alsoCounts: draft.alsoCounts,
    title: draft.title,
    agenda: draft.agenda,
    startsAt,
    endsAt: startsAt + draft.minutes * 60_000,
    place: draft.place,
    location: draft.location,
    hostId: draft.hostId,
    noteTakerId: draft.noteTakerId,
  }
}

/** An id for one intent (a form's 安排 or 补录): made once, sent with every retry, so a retry makes nothing twice. */
export function requestIdOf(prefix: string, now: number): string {
  return `${prefix}_${now.toString(36)}${Math.random().toString(36).slice(2, 10)}`
}

/** The form's fields as the contract names them: INPUT.INVALID issues stand beside them. */
export const MEETING_FIELDS = [
  'meeting.title',
  'meeting.agenda',
  'meeting.startsAt',
  'meeting.endsAt',
  'meeting.place',
  'meeting.alsoCounts',
  'reason',
] as const
export type MeetingField = (typeof MEETING_FIELDS)[number]
