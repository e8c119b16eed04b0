// 民主评议党员: who is appraised and who votes, the 优秀 cap, the voting window, ballots, tallies, the
// 党员大会's decision — and the anonymity rule, tested on the document shapes it stores.
import { decisionRefusal } from '../../cloudfunctions/domain/yearly-cycle/appraisal-decision'
import { appraisalRoll, type RollMember } from '../../cloudfunctions/domain/yearly-cycle/appraisal-roll'
import { appraisalPhase, voteRefusal } from '../../cloudfunctions/domain/yearly-cycle/appraisal-round'
import { gradeCounts, tallyBallots } from '../../cloudfunctions/domain/yearly-cycle/appraisal-tally'
import { emptySlots, pickSlot, type RandomBytes } from '../../cloudfunctions/domain/yearly-cycle/ballot-box'
import { excellentCap } from '../../cloudfunctions/domain/yearly-cycle/excellent-cap'
import { type AppraisalGrade, BallotDoc, BallotVoterDoc } from '../../types/yearly-cycle'

const at = (iso: string) => new Date(`${iso}+08:00`).getTime()

/** A deterministic byte source (xorshift), standing in for crypto.randomBytes. */
function seeded(seed: number): RandomBytes {
  let state = seed >>> 0 || 1
  return (size) =>
    Uint8Array.from({ length: size }, () => {
      state ^= state << 13
      state ^= state >>> 17
      state ^= state << 5
      return (state >>> 0) & 0xff
    })
}

describe('who is appraised and who votes', () => {
  const members: RollMember[] = [
    { id: 'wang', memberType: 'formal', status: 'active' },
    { id: 'li', memberType: 'formal', status: 'active' },
    { id: 'zhao', memberType: 'probationary', status: 'active' },
    { id: 'sun', memberType: 'formal', status: 'active' },
    { id: 'qian', memberType: 'formal', status: 'inactive' },
  ]
  it.each<[string, string[], string[], string[]]>([
    ['预备党员 are appraised but do not vote', [], ['wang', 'li', 'zhao', 'sun'], ['wang', 'li', 'sun']],
    ['an exempted member (病休) does neither', ['sun'], ['wang', 'li', 'zhao'], ['wang', 'li']],
    ['an exempted 预备党员 is not appraised', ['zhao'], ['wang', 'li', 'sun'], ['wang', 'li', 'sun']],
  ])('%s', (_case, exempt, appraisees, voters) => {
    expect(appraisalRoll(members, new Set(exempt))).toEqual({ appraisees, voters })
  })
})

describe('the 优秀 cap (rounded down, so the share is never exceeded)', () => {
  it.each([
    [10, 30, 3],
    [7, 30, 2],
    [9, 30, 2],
    [3, 30, 0],
    [50, 30, 15],
    [51, 30, 15],
    [20, 20, 4],
    [10, 0, 0],
    [10, 100, 10],
  ])('%i members at %i%% → %i', (members, percent, cap) => {
    expect(excellentCap(members, percent)).toBe(cap)
  })
})

describe('the voting window and who may vote', () => {
  const round = {
    votingOpensAt: at('2026-12-10T08:00:00'),
    votingClosesAt: at('2026-12-15T18:00:00'),
    status: 'open' as const,
    voters: ['wang', 'li', 'sun'],
    appraisees: ['wang', 'li', 'zhao', 'sun'],
  }
  const full = { wang: 'qualified', li: 'excellent', zhao: 'qualified', sun: 'basic' }
  it.each<[string, string, boolean, Record<string, string>, number, string | null]>([
    ['a formal member while voting is open', 'wang', false, full, at('2026-12-12T09:00:00'), null],
    ['at the opening minute', 'wang', false, full, at('2026-12-10T08:00:00'), null],
    ['a minute before it opens (still 自评)', 'wang', false, full, at('2026-12-10T07:59:00'), 'APPRAISAL.NOT_OPEN'],
    ['at the deadline: late', 'wang', false, full, at('2026-12-15T18:00:00'), 'APPRAISAL.CLOSED'],
    ['a 预备党员', 'zhao', false, full, at('2026-12-12T09:00:00'), 'APPRAISAL.NOT_VOTER'],
    [
      'someone who joined after the roll was frozen',
      'new',
      false,
      full,
      at('2026-12-12T09:00:00'),
      'APPRAISAL.NOT_VOTER',
    ],
    ['a second vote', 'wang', true, full, at('2026-12-12T09:00:00'), 'APPRAISAL.ALREADY_VOTED'],
    ['a second vote after the close', 'wang', true, full, at('2026-12-16T09:00:00'), 'APPRAISAL.CLOSED'],
    [
      'a ballot leaving out the voter’s own line',
      'wang',
      false,
      { li: 'excellent', zhao: 'qualified', sun: 'basic' },
      at('2026-12-12T09:00:00'),
      'APPRAISAL.BALLOT_INCOMPLETE',
    ],
    [
      'a ballot rating someone not appraised',
      'wang',
      false,
      { ...full, qian: 'unqualified' },
      at('2026-12-12T09:00:00'),
      'APPRAISAL.BALLOT_INCOMPLETE',
    ],
  ])('%s', (_case, voter, voted, marks, now, refusal) => {
    expect(voteRefusal(round, voter, voted, marks, now)).toBe(refusal)
  })
  it.each([
    ['2026-12-01T09:00:00', 'open', 'self_review'],
    ['2026-12-12T09:00:00', 'open', 'voting'],
    ['2026-12-16T09:00:00', 'open', 'counting'],
    ['2026-12-20T09:00:00', 'decided', 'decided'],
  ] as const)('at %s a %s round is in %s', (instant, status, phase) => {
    expect(appraisalPhase({ ...round, status }, at(instant))).toBe(phase)
  })
})

describe('tallies: counts per member, no voter anywhere', () => {
  const roll = ['wang', 'li', 'zhao']
  const ballot = (wang: AppraisalGrade, li: AppraisalGrade, zhao: AppraisalGrade) => ({ marks: { wang, li, zhao } })
  it('counts each member’s 等次 and skips empty slots', () => {
    const result = tallyBallots(roll, [
      ballot('excellent', 'qualified', 'qualified'),
      ballot('excellent', 'qualified', 'basic'),
      ballot('qualified', 'qualified', 'unqualified'),
      { marks: null },
    ])
    expect(result.ballots).toBe(3)
    expect(result.rows).toEqual([
      {
        memberId: 'wang',
        counts: { excellent: 2, qualified: 1, basic: 0, unqualified: 0 },
        ballots: 3,
        excellentShare: 0.667,
      },
      {
        memberId: 'li',
        counts: { excellent: 0, qualified: 3, basic: 0, unqualified: 0 },
        ballots: 3,
        excellentShare: 0,
      },
      {
        memberId: 'zhao',
        counts: { excellent: 0, qualified: 1, basic: 1, unqualified: 1 },
        ballots: 3,
        excellentShare: 0,
      },
    ])
  })
  it('gives the same result whatever order the ballots come in', () => {
    const ballots = [ballot('excellent', 'basic', 'qualified'), ballot('qualified', 'qualified', 'qualified')]
    expect(tallyBallots(roll, ballots)).toEqual(tallyBallots(roll, [...ballots].reverse()))
  })
  it('tallies a 50-member branch (2,500 marks)', () => {
    const members = Array.from({ length: 50 }, (_, i) => `m${i}`)
    const grades: AppraisalGrade[] = ['excellent', 'qualified', 'qualified', 'basic']
    const ballots = members.map((_, v) => ({
      marks: Object.fromEntries(members.map((id, i) => [id, grades[(i + v) % 4]])),
    }))
    const result = tallyBallots(members, ballots)
    expect(result.ballots).toBe(50)
    expect(result.rows.every((row) => row.ballots === 50)).toBe(true)
    const marks = result.rows.reduce(
      (sum, row) => sum + row.counts.excellent + row.counts.qualified + row.counts.basic + row.counts.unqualified,
      0,
    )
    expect(marks).toBe(2500)
    expect(result.rows[0].counts).toEqual({ excellent: 13, qualified: 25, basic: 12, unqualified: 0 })
  })
  it('sums decided 等次', () => {
    expect(gradeCounts(['excellent', 'qualified', 'qualified', 'unqualified'])).toEqual({
      excellent: 1,
      qualified: 2,
      basic: 0,
      unqualified: 1,
    })
  })
})

describe('the 党员大会’s decision', () => {
  const roll = Array.from({ length: 10 }, (_, i) => `m${i}`)
  const decide = (excellent: number, skip = 0) =>
    roll
      .slice(skip)
      .map((memberId, i) => ({ memberId, grade: (i < excellent ? 'excellent' : 'qualified') as AppraisalGrade }))
  it.each([
    ['3 优秀 of 10 at 30%', decide(3), null],
    ['4 优秀 of 10 at 30%', decide(4), 'APPRAISAL.EXCELLENT_CAP'],
    ['a member left without a 等次', decide(2, 1), 'APPRAISAL.DECISIONS_INCOMPLETE'],
    [
      'a member decided twice',
      [...decide(2), { memberId: 'm0', grade: 'basic' as AppraisalGrade }],
      'APPRAISAL.DECISIONS_INCOMPLETE',
    ],
    [
      'someone not appraised',
      [...decide(2).slice(1), { memberId: 'x', grade: 'basic' as AppraisalGrade }],
      'APPRAISAL.DECISIONS_INCOMPLETE',
    ],
  ])('%s', (_case, decisions, refusal) => {
    expect(decisionRefusal(roll, 30, decisions)).toBe(refusal)
  })
})

describe('anonymity: who voted and what was voted cannot be joined', () => {
  const VOTER_KEYS = Object.keys(BallotVoterDoc.shape).sort()
  const BALLOT_KEYS = Object.keys(BallotDoc.shape).sort()

  it('stores only the box in common', () => {
    expect(VOTER_KEYS).toEqual(['_id', 'boxId', 'memberId', 'tenantId'])
    expect(BALLOT_KEYS).toEqual(['_id', 'boxId', 'marks', 'tenantId'])
  })

  it.each(['voterId', 'memberId', 'at', 'createdAt', 'votedAt', 'updatedAt', 'requestId', 'seq', 'order'])(
    'refuses a ballot carrying %s',
    (field) => {
      const slot = { _id: 'a1b2c3d4e5f60718293a4b5c', tenantId: 't1', boxId: 'ar_1', marks: null }
      expect(BallotDoc.safeParse(slot).success).toBe(true)
      expect(BallotDoc.safeParse({ ...slot, [field]: 1 }).success).toBe(false)
    },
  )

  it.each(['ballotId', 'slot', 'marks', 'at', 'votedAt', 'requestId'])(
    'refuses a voter record carrying %s',
    (field) => {
      const voted = { _id: 'ar_1:m_wang', tenantId: 't1', boxId: 'ar_1', memberId: 'm_wang' }
      expect(BallotVoterDoc.safeParse(voted).success).toBe(true)
      expect(BallotVoterDoc.safeParse({ ...voted, [field]: 'x' }).success).toBe(false)
    },
  )

  it('refuses a ballot id made from the voter or the time', () => {
    for (const _id of ['ar_1:m_wang', `ar_1-${at('2026-12-12T09:00:00')}`, 'm_wang']) {
      expect(BallotDoc.safeParse({ _id, tenantId: 't1', boxId: 'ar_1', marks: null }).success).toBe(false)
    }
  })

  it('opens one empty slot per voter, with random ids', () => {
    const slots = emptySlots('t1', 'ar_1', 5, seeded(7))
    expect(slots).toHaveLength(5)
    expect(new Set(slots.map((slot) => slot._id)).size).toBe(5)
    for (const slot of slots) expect(BallotDoc.parse(slot)).toEqual({ ...slot, marks: null })
  })

  it('fills a slot drawn at random, not the first free one, so the slots’ order is not the voting order', () => {
    const ids = emptySlots('t1', 'ar_1', 5, seeded(11)).map((slot) => slot._id)
    const firstVoterSlot = new Map(ids.map((id) => [id, 0]))
    const random = seeded(2026)
    for (let run = 0; run < 2000; run++) {
      const slot = pickSlot(ids, random) as string
      firstVoterSlot.set(slot, (firstVoterSlot.get(slot) ?? 0) + 1)
    }
    for (const count of firstVoterSlot.values()) expect(count).toBeGreaterThan(300)
    expect(pickSlot([], random)).toBeNull()
  })
})
