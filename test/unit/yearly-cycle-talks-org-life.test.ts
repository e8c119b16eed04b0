// 谈心谈话 coverage as a secretary counts it, and the seven steps of the 组织生活会.
import { type OrgLifeFacts, orgLifeProgress } from '../../cloudfunctions/domain/yearly-cycle/org-life-progress'
import { type BranchPeople, talkCoverage } from '../../cloudfunctions/domain/yearly-cycle/talk-coverage'
import type { TalkGap } from '../../types/yearly-cycle'

// 第一小学党支部: 书记 sec, 组织委员 org, 宣传委员 pub; members a, b, c.
const BRANCH: BranchPeople = { committeeIds: ['sec', 'org', 'pub'], memberIds: ['sec', 'org', 'pub', 'a', 'b', 'c'] }
const talk = (x: string, y: string) => ({ pair: [x, y] as [string, string] })
const COMMITTEE_TALKS = [talk('sec', 'org'), talk('pub', 'sec'), talk('org', 'pub')]

describe('谈心谈话 coverage', () => {
  it.each<[string, BranchPeople, { pair: [string, string] }[], number, number, TalkGap[]]>([
    [
      'nobody has talked yet',
      BRANCH,
      [],
      6,
      0,
      [
        { kind: 'pair', a: 'sec', b: 'org' },
        { kind: 'pair', a: 'sec', b: 'pub' },
        { kind: 'pair', a: 'org', b: 'pub' },
        { kind: 'member', memberId: 'a' },
        { kind: 'member', memberId: 'b' },
        { kind: 'member', memberId: 'c' },
      ],
    ],
    [
      'the committee has talked among itself (either may have recorded it)',
      BRANCH,
      COMMITTEE_TALKS,
      6,
      3,
      [
        { kind: 'member', memberId: 'a' },
        { kind: 'member', memberId: 'b' },
        { kind: 'member', memberId: 'c' },
      ],
    ],
    [
      'members divided among the committee: each talked with one of them',
      BRANCH,
      [...COMMITTEE_TALKS, talk('a', 'sec'), talk('org', 'b'), talk('c', 'pub')],
      6,
      6,
      [],
    ],
    [
      'two ordinary members talking covers neither',
      BRANCH,
      [...COMMITTEE_TALKS, talk('a', 'b'), talk('c', 'pub')],
      6,
      4,
      [
        { kind: 'member', memberId: 'a' },
        { kind: 'member', memberId: 'b' },
      ],
    ],
    [
      'the secretary has not talked with the 宣传委员',
      BRANCH,
      [talk('sec', 'org'), talk('org', 'pub'), talk('a', 'sec'), talk('b', 'sec'), talk('c', 'sec')],
      6,
      5,
      [{ kind: 'pair', a: 'sec', b: 'pub' }],
    ],
    [
      'a small branch without a committee: everyone talks with the secretary',
      { committeeIds: ['sec'], memberIds: ['sec', 'a', 'b'] },
      [talk('sec', 'a')],
      2,
      1,
      [{ kind: 'member', memberId: 'b' }],
    ],
    [
      'an inactive committee member is not owed a talk',
      { committeeIds: ['sec', 'gone'], memberIds: ['sec', 'a'] },
      [talk('sec', 'a')],
      1,
      1,
      [],
    ],
  ])('%s', (_case, people, talks, required, covered, gaps) => {
    expect(talkCoverage(people, talks)).toMatchObject({ required, covered, gaps, noCommittee: false })
  })

  it('gives the share done, three places', () => {
    expect(talkCoverage(BRANCH, COMMITTEE_TALKS).share).toBe(0.5)
    expect(talkCoverage(BRANCH, [talk('sec', 'org')]).share).toBe(0.167)
  })

  it('says so when a branch has nobody to hold the talks', () => {
    expect(talkCoverage({ committeeIds: [], memberIds: ['a', 'b'] }, [])).toEqual({
      required: 0,
      covered: 0,
      share: null,
      gaps: [],
      noCommittee: true,
    })
  })
})

describe('组织生活会 progress', () => {
  const START: OrgLifeFacts = {
    theme: null,
    opinionsClosed: false,
    opinions: 0,
    talks: { required: 6, covered: 0 },
    selfExaminations: { expected: 6, submitted: 0 },
    meetingHeld: false,
    rectifications: { total: 0, closed: 0 },
    reportSubmitted: false,
  }
  const DONE: OrgLifeFacts = {
    theme: '学思想、强党性',
    opinionsClosed: true,
    opinions: 12,
    talks: { required: 6, covered: 6 },
    selfExaminations: { expected: 6, submitted: 6 },
    meetingHeld: true,
    rectifications: { total: 3, closed: 3 },
    reportSubmitted: true,
  }
  const statuses = (facts: OrgLifeFacts) => orgLifeProgress(facts).steps.map((step) => step.status)

  it.each<[string, OrgLifeFacts, string[], number, string | null]>([
    ['not begun', START, Array(7).fill('not_started'), 0, 'theme'],
    [
      'theme set, opinions coming in',
      { ...START, theme: '学思想、强党性', opinions: 4 },
      ['done', 'in_progress', 'not_started', 'not_started', 'not_started', 'not_started', 'not_started'],
      1,
      'opinions',
    ],
    [
      'opinions closed, 4 of 6 talks, 5 of 6 对照检查',
      {
        ...START,
        theme: '主题',
        opinionsClosed: true,
        talks: { required: 6, covered: 4 },
        selfExaminations: { expected: 6, submitted: 5 },
      },
      ['done', 'done', 'in_progress', 'in_progress', 'not_started', 'not_started', 'not_started'],
      2,
      'talks',
    ],
    [
      'held, 2 of 3 整改 items closed, report in',
      { ...DONE, rectifications: { total: 3, closed: 2 } },
      ['done', 'done', 'done', 'done', 'done', 'in_progress', 'done'],
      6,
      'rectification',
    ],
    [
      'held but no 整改清单 drawn up',
      { ...DONE, rectifications: { total: 0, closed: 0 } },
      ['done', 'done', 'done', 'done', 'done', 'not_started', 'done'],
      6,
      'rectification',
    ],
    ['all seven done', DONE, Array(7).fill('done'), 7, null],
  ])('%s', (_case, facts, expected, done, current) => {
    expect(statuses(facts)).toEqual(expected)
    expect(orgLifeProgress(facts)).toMatchObject({ done, of: 7, current })
  })

  it('shows each step’s figure', () => {
    const progress = orgLifeProgress({ ...START, selfExaminations: { expected: 15, submitted: 12 } })
    expect(progress.steps.find((step) => step.step === 'self_examinations')).toEqual({
      step: 'self_examinations',
      status: 'in_progress',
      done: 12,
      of: 15,
    })
  })
})
