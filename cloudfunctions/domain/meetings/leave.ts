/** 请假 is asked for before the meeting starts; after that the secretary marks attendance instead. */
export function leaveRefusal(meeting: { startsAt: number }, now: number): 'MEETING.STARTED' | null {
  return now >= meeting.startsAt ? 'MEETING.STARTED' : null
}
