// 民主评议党员 through the real SDK against the emulator, on 山区学校联合支部 (seven members: 书记, 组织委员,
// 宣传委员, three more 正式党员 and one 预备党员): the rolls frozen at opening, votes once and only in the window,
// refusals that write nothing, the anonymity rule read off every collection, the tally, and the 党员大会's
// decision within the cap, with 不合格's reason and handling recorded and nothing done to anyone by code.
import collectionsFile from '../../database/collections.json'
import type { AppraisalGrade } from '../../types/yearly-cycle'
import { type DemoEmulator, startDemoEmulator } from './helpers/demo'

const at = (iso: string) => new Date(`${iso}+08:00`).getTime()
const NOW = at('2026-12-10T09:00:00')
const OPENS = at('2026-12-10T10:00:00')
const CLOSES = at('2026-12-15T18:00:00')
const BRANCH = 'org_b_shanqu'
const ROUND = `ar_2026_${BRANCH}`
const person = (n: number) => `m_shanqu_0${n}`
const openid = (n: number) => `o_demo_${person(n)}`
const SECRETARY = openid(1)
const PROBATIONARY = 7
const EXEMPT = 6
const APPRAISED = [1, 2, 3, 4, 5, 7].map(person)

let t: DemoEmulator
beforeAll(async () => {
  t = await startDemoEmulator({ at: NOW })
}, 60_000)
afterAll(() => t.stop())

/** Every document of every collection the app knows, read through the SDK (the console's view of the database). */
async function everything(): Promise<Record<string, Record<string, unknown>[]>> {
  const all: Record<string, Record<string, unknown>[]> = {}
  for (const name of Object.keys(collectionsFile.collections)) {
    const docs: Record<string, unknown>[] = []
    for (;;) {
      const page = (await t.db.collection(name).where({}).skip(docs.length).limit(1000).get()) as {
        data: Record<string, unknown>[]
      }
      docs.push(...page.data)
      if (page.data.length < 1000) break
    }
    all[name] = docs
  }
  return all
}

const ballotsOfRound = async () =>
  ((await t.db.collection('ballots').where({ boxId: ROUND }).limit(1000).get()) as { data: Record<string, unknown>[] })
    .data

const marks = (grade: AppraisalGrade, overrides: Record<string, AppraisalGrade> = {}) =>
  Object.fromEntries(APPRAISED.map((id) => [id, overrides[id] ?? grade]))

const written = async () => ({
  voters: await t.count('ballot_voters', { boxId: ROUND }),
  filled: await t.count('ballots', { boxId: ROUND, marks: t.db.command.neq(null) }),
  results: await t.count('appraisal_results', { roundId: ROUND }),
})

let slotOrderAtOpening: unknown[] = []

describe('opening a round', () => {
  it('is refused with fewer than three voters, writing nothing', async () => {
    const res = await t.call(SECRETARY, 'yearly-cycle', 'openAppraisal', {
      branchId: BRANCH,
      year: 2026,
      votingOpensAt: OPENS,
      votingClosesAt: CLOSES,
      exemptions: [1, 2, 3, 4].map((n) => ({ memberId: person(n), reason: 'away' as const, note: '' })),
    })
    expect(res).toMatchObject({ ok: false, error: { code: 'APPRAISAL.TOO_FEW_VOTERS' } })
    expect(await t.count('appraisal_rounds', { branchId: BRANCH })).toBe(0)
    expect(await t.count('ballots', { boxId: ROUND })).toBe(0)
  })

  it('an exemption for “other” needs a written reason', async () => {
    const res = await t.call(SECRETARY, 'yearly-cycle', 'openAppraisal', {
      branchId: BRANCH,
      year: 2026,
      votingOpensAt: OPENS,
      votingClosesAt: CLOSES,
      exemptions: [{ memberId: person(EXEMPT), reason: 'other', note: '' }],
    })
    expect(res).toMatchObject({ ok: false, error: { code: 'INPUT.INVALID' } })
    expect(await t.count('appraisal_rounds', { branchId: BRANCH })).toBe(0)
  })

  it('freezes who is appraised (预备党员 too) and who votes (正式党员 not exempted), with a slot per voter', async () => {
    const opened = await t.callOk(SECRETARY, 'yearly-cycle', 'openAppraisal', {
      branchId: BRANCH,
      year: 2026,
      votingOpensAt: OPENS,
      votingClosesAt: CLOSES,
      exemptions: [{ memberId: person(EXEMPT), reason: 'illness', note: '病休至明年三月' }],
    })
    // 30% of six appraised, rounded down: one 优秀.
    expect(opened).toEqual({ roundId: ROUND, appraisees: 6, voters: 5, excellentCap: 1 })
    const round = await t.callOk(SECRETARY, 'yearly-cycle', 'appraisalRound', { branchId: BRANCH, year: 2026 })
    expect(round.round?.appraisees.map((p) => [p.memberId, p.probationary])).toEqual(
      APPRAISED.map((id) => [id, id === person(PROBATIONARY)]),
    )
    expect(round.round?.exemptions).toEqual([
      expect.objectContaining({ memberId: person(EXEMPT), reason: 'illness', note: '病休至明年三月' }),
    ])
    expect(round.round?.phase).toBe('self_review')
    const slots = await ballotsOfRound()
    expect(slots).toHaveLength(5)
    expect(slots.every((slot) => slot.marks === null)).toBe(true)
    slotOrderAtOpening = slots.map((slot) => slot._id)
  })

  it('opens once a year per branch', async () => {
    const again = await t.call(SECRETARY, 'yearly-cycle', 'openAppraisal', {
      branchId: BRANCH,
      year: 2026,
      votingOpensAt: OPENS,
      votingClosesAt: CLOSES,
    })
    expect(again).toMatchObject({ ok: false, error: { code: 'APPRAISAL.EXISTS' } })
    expect(await t.count('ballots', { boxId: ROUND })).toBe(5)
  })
})

describe('voting', () => {
  it.each<[string, string, Record<string, AppraisalGrade>, string]>([
    ['a vote before voting opens', openid(2), marks('qualified'), 'APPRAISAL.NOT_OPEN'],
  ])('%s is refused and writes nothing', async (_case, who, ballot, code) => {
    const before = await written()
    expect(await t.call(who, 'yearly-cycle', 'castBallot', { roundId: ROUND, marks: ballot })).toMatchObject({
      ok: false,
      error: { code },
    })
    expect(await written()).toEqual(before)
  })

  it('opens at its hour; a 预备党员, an exempted member and a short ballot are refused, writing nothing', async () => {
    t.emu.clock.set(OPENS)
    const before = await written()
    const refusals = [
      [openid(PROBATIONARY), marks('qualified'), 'APPRAISAL.NOT_VOTER'],
      [openid(EXEMPT), marks('qualified'), 'APPRAISAL.NOT_VOTER'],
      ['o_demo_m_shiyan_06', marks('qualified'), 'APPRAISAL.NOT_VOTER'],
      [openid(2), { [person(1)]: 'qualified' as const }, 'APPRAISAL.BALLOT_INCOMPLETE'],
      [openid(2), { ...marks('qualified'), [person(EXEMPT)]: 'qualified' as const }, 'APPRAISAL.BALLOT_INCOMPLETE'],
    ] as const
    for (const [who, ballot, code] of refusals) {
      const res = await t.call(who, 'yearly-cycle', 'castBallot', { roundId: ROUND, marks: ballot })
      expect(res.ok ? 'ok' : res.error.code).toBe(code)
    }
    expect(await written()).toEqual(before)
  })

  it('counts a vote once: a second vote is refused and changes nothing', async () => {
    await t.callOk(openid(1), 'yearly-cycle', 'castBallot', {
      roundId: ROUND,
      marks: marks('qualified', { [person(2)]: 'excellent' }),
    })
    const before = await written()
    const filledBefore = (await ballotsOfRound()).filter((slot) => slot.marks !== null)
    const again = await t.call(openid(1), 'yearly-cycle', 'castBallot', { roundId: ROUND, marks: marks('unqualified') })
    expect(again).toMatchObject({ ok: false, error: { code: 'APPRAISAL.ALREADY_VOTED' } })
    expect(await written()).toEqual(before)
    expect((await ballotsOfRound()).filter((slot) => slot.marks !== null)).toEqual(filledBefore)
    expect(await t.callOk(openid(1), 'yearly-cycle', 'myAppraisal', { year: 2026 })).toMatchObject({
      round: { phase: 'voting', mayVote: true, voted: true },
    })
  })

  it('two votes sent at once by one voter count once', async () => {
    const ballot = { roundId: ROUND, marks: marks('qualified', { [person(2)]: 'excellent' }) }
    const both = await Promise.all([
      t.call(openid(2), 'yearly-cycle', 'castBallot', ballot),
      t.call(openid(2), 'yearly-cycle', 'castBallot', ballot),
    ])
    expect(both.map((res) => (res.ok ? 'ok' : res.error.code)).sort()).toEqual(['APPRAISAL.ALREADY_VOTED', 'ok'])
    expect(await t.count('ballot_voters', { boxId: ROUND, memberId: person(2) })).toBe(1)
    expect((await written()).filled).toBe(2)
  })

  it('lets the committee see who has voted, never what', async () => {
    await t.callOk(openid(3), 'yearly-cycle', 'castBallot', {
      roundId: ROUND,
      marks: marks('qualified', { [person(4)]: 'basic' }),
    })
    await t.callOk(openid(4), 'yearly-cycle', 'castBallot', {
      roundId: ROUND,
      marks: marks('qualified', { [person(2)]: 'excellent', [person(4)]: 'unqualified' }),
    })
    const participation = await t.callOk(SECRETARY, 'yearly-cycle', 'appraisalParticipation', { roundId: ROUND })
    expect(participation.voted.map((p) => p.memberId)).toEqual([1, 2, 3, 4].map(person))
    expect(participation.notVoted.map((p) => p.memberId)).toEqual([person(5)])
    expect(JSON.stringify(participation)).not.toMatch(/excellent|qualified|basic|unqualified/)
    const early = await t.call(SECRETARY, 'yearly-cycle', 'appraisalTally', { roundId: ROUND })
    expect(early).toMatchObject({ ok: false, error: { code: 'APPRAISAL.NOT_CLOSED' } })
  })

  it('refuses a late vote once voting has closed, writing nothing', async () => {
    t.emu.clock.set(CLOSES)
    const before = await written()
    const late = await t.call(openid(5), 'yearly-cycle', 'castBallot', { roundId: ROUND, marks: marks('qualified') })
    expect(late).toMatchObject({ ok: false, error: { code: 'APPRAISAL.CLOSED' } })
    expect(await written()).toEqual(before)
  })
})

describe('the anonymity rule, read off every collection', () => {
  it('keeps who voted apart from what was voted: nothing anywhere joins a voter to a ballot', async () => {
    const db = await everything()
    const ballots = db.ballots.filter((doc) => doc.boxId === ROUND)
    const filled = ballots.filter((doc) => doc.marks !== null)
    expect(filled).toHaveLength(4)
    // A ballot holds the box and the marks, nothing else; every ballot rates the same people, so its shape names no one.
    for (const ballot of ballots) expect(Object.keys(ballot).sort()).toEqual(['_id', 'boxId', 'marks', 'tenantId'])
    for (const ballot of filled) expect(Object.keys(ballot.marks as object).sort()).toEqual([...APPRAISED].sort())
    // A voter record holds who voted in which box, nothing else: no ballot id, no time.
    const voters = db.ballot_voters.filter((doc) => doc.boxId === ROUND)
    expect(voters).toHaveLength(4)
    for (const voter of voters) expect(Object.keys(voter).sort()).toEqual(['_id', 'boxId', 'memberId', 'tenantId'])
    // No document of any collection names a ballot's id, or holds a voter's id beside what they marked.
    const ballotIds = ballots.map((ballot) => String(ballot._id))
    for (const [name, docs] of Object.entries(db)) {
      for (const doc of docs) {
        if (name === 'ballots') continue
        const text = JSON.stringify(doc)
        for (const id of ballotIds) expect({ name, mentions: text.includes(id) }).toEqual({ name, mentions: false })
      }
    }
    const audit = db.audit_log.filter((entry) => String(entry.targetId) === ROUND)
    expect(audit.map((entry) => entry.action)).toEqual(['yearly-cycle.openAppraisal'])
    expect(JSON.stringify(db.audit_log)).not.toContain('castBallot')
    // Votes filled the slots opened before anyone voted: no ballot was created, and no id chosen, at a vote.
    // (Which order a database lists them in is its own: the emulator's store, like nedb's indexes, lists a
    // changed document last, as an operation log would — the residual risk the design note states.)
    expect(ballots.map((ballot) => ballot._id).sort()).toEqual([...slotOrderAtOpening].sort())
    // Nothing of the vote was paid or recorded as a fact before the decision (its time would date the vote).
    expect(db.domain_events.filter((event) => event.sourceId === ROUND)).toEqual([])
  })
})

describe('results and the 党员大会’s decision', () => {
  it('shows counts per member appraised after the close, naming no voter', async () => {
    const tally = await t.callOk(SECRETARY, 'yearly-cycle', 'appraisalTally', { roundId: ROUND })
    expect(tally).toMatchObject({ phase: 'counting', ballots: 4, voters: 5, excellentCap: 1, decisions: null })
    const row = (n: number) => tally.rows.find((r) => r.memberId === person(n))
    expect(row(2)?.counts).toEqual({ excellent: 3, qualified: 1, basic: 0, unqualified: 0 })
    expect(row(4)?.counts).toEqual({ excellent: 0, qualified: 2, basic: 1, unqualified: 1 })
    expect(row(PROBATIONARY)).toMatchObject({ probationary: true, ballots: 4 })
    expect(tally.rows.map((r) => r.memberId)).toEqual(APPRAISED)
  })

  it.each<[string, Record<string, unknown>[], string]>([
    [
      'two 优秀 where the cap allows one',
      APPRAISED.map((memberId, i) => ({ memberId, grade: i < 2 ? 'excellent' : 'qualified' })),
      'APPRAISAL.EXCELLENT_CAP',
    ],
    [
      'a member left out',
      APPRAISED.slice(1).map((memberId) => ({ memberId, grade: 'qualified' })),
      'APPRAISAL.DECISIONS_INCOMPLETE',
    ],
    [
      'the exempted member given a 等次',
      [...APPRAISED, person(EXEMPT)].map((memberId) => ({ memberId, grade: 'qualified' })),
      'APPRAISAL.DECISIONS_INCOMPLETE',
    ],
    [
      '不合格 without a written reason',
      APPRAISED.map((memberId) => ({
        memberId,
        grade: memberId === person(4) ? 'unqualified' : 'qualified',
        outcome: memberId === person(4) ? 'rectify' : null,
      })),
      'INPUT.INVALID',
    ],
  ])('%s is refused and records nothing', async (_case, decisions, code) => {
    const res = await t.callUnchecked(SECRETARY, 'yearly-cycle', 'decideAppraisal', { roundId: ROUND, decisions })
    expect(res).toMatchObject({ ok: false, error: { code } })
    expect(await t.count('appraisal_results', { roundId: ROUND })).toBe(0)
    expect(await t.count('appraisal_rounds', { _id: ROUND, status: 'open' })).toBe(1)
  })

  it('a member of the branch cannot decide', async () => {
    const res = await t.call(openid(2), 'yearly-cycle', 'decideAppraisal', {
      roundId: ROUND,
      decisions: APPRAISED.map((memberId) => ({ memberId, grade: 'qualified' as const })),
    })
    expect(res).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } })
  })

  it('records the decision: 不合格 with its reason and handling, as outcomes only; the voters’ taking part as points facts', async () => {
    const decidedAt = CLOSES + 86_400_000
    t.emu.clock.set(decidedAt)
    const member4Before = await t.db.collection('members').doc(person(4)).get()
    const decided = await t.callOk(SECRETARY, 'yearly-cycle', 'decideAppraisal', {
      roundId: ROUND,
      decisions: APPRAISED.map((memberId) => ({
        memberId,
        grade: (memberId === person(2)
          ? 'excellent'
          : memberId === person(4)
            ? 'unqualified'
            : 'qualified') as AppraisalGrade,
        reason: memberId === person(4) ? '全年三次无故缺席组织生活，经批评教育仍未改正' : null,
        outcome: memberId === person(4) ? ('rectify' as const) : null,
      })),
    })
    expect(decided.counts).toEqual({ excellent: 1, qualified: 4, basic: 0, unqualified: 1 })
    const result = await t.db
      .collection('appraisal_results')
      .doc(`${ROUND}:${person(4)}`)
      .get()
    expect(result.data).toMatchObject({
      grade: 'unqualified',
      outcome: 'rectify',
      reason: expect.stringContaining('缺席'),
    })
    // Nothing happens to the member by code: the roster is as it was.
    expect((await t.db.collection('members').doc(person(4)).get()).data).toEqual(member4Before.data)
    const events = (await t.db.collection('domain_events').where({ sourceId: ROUND }).get()) as unknown as {
      data: { kind: string; memberId: string; at: number }[]
    }
    expect(events.data.map((event) => event.memberId).sort()).toEqual([1, 2, 3, 4].map(person))
    expect(events.data.every((event) => event.kind === 'appraisal.voted' && event.at === decidedAt)).toBe(true)
    expect(await t.callOk(openid(4), 'yearly-cycle', 'myAppraisal', { year: 2026 })).toMatchObject({
      round: { phase: 'decided', myGrade: 'unqualified' },
    })
    const again = await t.call(SECRETARY, 'yearly-cycle', 'decideAppraisal', {
      roundId: ROUND,
      decisions: APPRAISED.map((memberId) => ({ memberId, grade: 'qualified' as const })),
    })
    expect(again).toMatchObject({ ok: false, error: { code: 'APPRAISAL.DECIDED' } })
  })

  it('the points function pays taking part by its catalogue rule; the 等次 stays the meeting’s', async () => {
    await t.emu.fireTrigger('points', 'settle')
    const ledger = (await t.db.collection('points_ledger').where({ ruleKey: 'appraisal_voted' }).get()) as unknown as {
      data: { memberId: string; points: number }[]
    }
    expect(ledger.data.map((entry) => entry.memberId).sort()).toEqual([1, 2, 3, 4].map(person))
    const tally = await t.callOk(SECRETARY, 'yearly-cycle', 'appraisalTally', { roundId: ROUND })
    expect(tally.decisions?.find((d) => d.memberId === person(2))?.grade).toBe('excellent')
  })

  it('the bureau’s year view shows the branch’s 民主评议 done with its counts', async () => {
    const year = await t.callOk('o_demo_m_bureau_01', 'yearly-cycle', 'yearOverview', { year: 2026, filter: 'all' })
    expect(year.items.find((row) => row.branchId === BRANCH)?.appraisal).toEqual({
      phase: 'decided',
      counts: { excellent: 1, qualified: 4, basic: 0, unqualified: 1 },
    })
  })
})
