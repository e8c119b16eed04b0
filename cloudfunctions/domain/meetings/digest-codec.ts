import type { DigestEntry } from '../../../types/meeting-digest'
import { MEETING_TYPES, type MeetingType } from '../../../types/meetings'

/**
 * The digest's wire form: one short string per meeting instead of an object
 * of numbers, so a year of 500 branches is a few MB the bureau reads quickly.
 * `GL|lvrp0wxc|4ldqo|s|2026-Q1|org_g1|b`: type and combined types (a letter
 * each), start (ms, base 36), length (ms, base 36), status (s/c), the
 * period it makes up, its 党小组, b when entered by 补录. The record is kept
 * apart: `lvrp9abc~1` — when it became complete (ms, base 36; empty while it
 * is not) and, for a 党员大会, whether it had a quorum (1/0).
 */
const LETTERS: Record<MeetingType, string> = {
  general_meeting: 'G',
  committee_meeting: 'C',
  group_meeting: 'g',
  lecture: 'L',
  theme_day: 'T',
  org_life: 'O',
  appraisal: 'A',
  study: 'S',
  other: 'X',
}
const TYPE_OF = new Map(MEETING_TYPES.map((type) => [LETTERS[type], type]))

const base36 = (n: number) => n.toString(36)
const number36 = (text: string) => Number.parseInt(text, 36)

export function encodeEntry(entry: Omit<DigestEntry, 'recordedAt' | 'quorate'>): string {
  const types = [entry.type, ...(entry.alsoCounts ?? [])].map((type) => LETTERS[type]).join('')
  const length = entry.endsAt === undefined ? '' : base36(entry.endsAt - entry.startsAt)
  return [
    types,
    base36(entry.startsAt),
    length,
    entry.status === 'cancelled' ? 'c' : 's',
    entry.makeUpFor ?? '',
    entry.groupId ?? '',
    entry.backfilled ? 'b' : '',
  ].join('|')
}

/** A stored entry as the rule reads it: the codec's string, or an object a digest kept before it. */
export function decodeEntry(stored: string | DigestEntry): DigestEntry {
  if (typeof stored !== 'string') return stored
  const [types, start, length, status, makeUpFor, groupId, backfilled] = stored.split('|')
  const [type, ...alsoCounts] = [...types].map((letter) => TYPE_OF.get(letter) ?? 'other')
  const startsAt = number36(start)
  const entry: DigestEntry = {
    type,
    alsoCounts,
    startsAt,
    endsAt: length ? startsAt + number36(length) : undefined,
    status: status === 'c' ? 'cancelled' : 'scheduled',
    makeUpFor: makeUpFor || null,
  }
  if (groupId) entry.groupId = groupId
  if (backfilled) entry.backfilled = true
  return entry
}

export function encodeRecord(record: Pick<DigestEntry, 'recordedAt' | 'quorate'>): string {
  const recorded = record.recordedAt === null || record.recordedAt === undefined ? '' : base36(record.recordedAt)
  return `${recorded}~${record.quorate === undefined ? '' : record.quorate ? '1' : '0'}`
}

export function decodeRecord(stored: string | undefined): Pick<DigestEntry, 'recordedAt' | 'quorate'> {
  if (stored === undefined) return {}
  const [recorded, quorate] = stored.split('~')
  return {
    recordedAt: recorded ? number36(recorded) : null,
    ...(quorate ? { quorate: quorate === '1' } : {}),
  }
}
