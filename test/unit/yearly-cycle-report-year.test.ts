// 书记述职 ratings and their summary, who may rate, and the bureau's row for a branch's year.
import { orgLifeProgress } from '../../cloudfunctions/domain/yearly-cycle/org-life-progress'
import { ratingSummary, reportStatus } from '../../cloudfunctions/domain/yearly-cycle/report-rating'
import { type Rater, ratingRefusal } from '../../cloudfunctions/domain/yearly-cycle/report-refusal'
import { type BranchYear, passesYearFilter, yearRow } from '../../cloudfunctions/domain/yearly-cycle/year-row'
import { type ReportRating, YEAR_FILTERS } from '../../types/yearly-cycle'

const at = (iso: string) => new Date(`${iso}+08:00`).getTime()

describe('述职 rating summary (好/较好/一般/差)', () => {
  it.each<[string, ReportRating[], ReportRating | null, number | null]>([
    ['no ratings yet', [], null, null],
    ['one 好', ['good'], 'good', 1],
    ['three 好, one 一般', ['good', 'good', 'fair', 'good'], 'good', 0.75],
    ['two 好 and two 一般: the cautious median', ['good', 'fair', 'good', 'fair'], 'fair', 0.5],
    ['较好 in the middle', ['good', 'fairly_good', 'fair'], 'fairly_good', 0.667],
    ['mostly 差', ['poor', 'poor', 'fair', 'good', 'poor'], 'poor', 0.2],
  ])('%s → %s', (_case, ratings, overall, goodShare) => {
    expect(ratingSummary(ratings)).toMatchObject({ overall, goodShare, total: ratings.length })
  })
  it('counts each rating', () => {
    expect(ratingSummary(['good', 'fair', 'good']).counts).toEqual({ good: 2, fairly_good: 0, fair: 1, poor: 0 })
  })
  it.each([
    ['no report', null, 'missing'],
    ['in before the deadline', { submittedAt: at('2027-01-10T17:00:00') }, 'submitted'],
    ['in at the deadline', { submittedAt: at('2027-01-15T18:00:00') }, 'submitted'],
    ['a minute late', { submittedAt: at('2027-01-15T18:01:00') }, 'late'],
  ])('%s → %s', (_case, report, status) => {
    expect(reportStatus(report, at('2027-01-15T18:00:00'))).toBe(status)
  })
})

describe('who may rate a 述职报告', () => {
  const report = { branchId: 'b1', secretaryId: 'sec1' }
  const open: { status: 'open' | 'closed'; membersRate: boolean } = { status: 'open', membersRate: true }
  const staff: Rater = { id: 'staff', bureauStaff: true, branchId: null }
  const member: Rater = { id: 'm1', bureauStaff: false, branchId: 'b1' }
  it.each<[string, typeof open, Rater, boolean, string | null]>([
    ['bureau staff', open, staff, false, null],
    ['a member of the branch when members rate', open, member, false, null],
    ['a member of the branch when they do not', { ...open, membersRate: false }, member, false, 'AUTH.FORBIDDEN'],
    ['a member of another branch', open, { ...member, branchId: 'b2' }, false, 'AUTH.FORBIDDEN'],
    [
      'the secretary rating their own report',
      open,
      { id: 'sec1', bureauStaff: false, branchId: 'b1' },
      false,
      'REPORT.OWN_REPORT',
    ],
    [
      'bureau staff who also wrote it (a secretary with a grant)',
      open,
      { ...staff, id: 'sec1' },
      false,
      'REPORT.OWN_REPORT',
    ],
    ['a second rating', open, staff, true, 'REPORT.ALREADY_RATED'],
    ['after the round closed', { ...open, status: 'closed' as const }, staff, false, 'REPORT.ROUND_CLOSED'],
  ])('%s', (_case, round, rater, rated, refusal) => {
    expect(ratingRefusal(report, round, rater, rated)).toBe(refusal)
  })
})

describe("the bureau's year view", () => {
  const DONE_ORG_LIFE = orgLifeProgress({
    theme: '主题',
    opinionsClosed: true,
    opinions: 3,
    talks: { required: 6, covered: 6 },
    selfExaminations: { expected: 6, submitted: 6 },
    meetingHeld: true,
    rectifications: { total: 2, closed: 2 },
    reportSubmitted: true,
  })
  const complete: BranchYear = {
    branchId: 'b1',
    name: '第一小学党支部',
    talks: { share: 1, gaps: 0 },
    orgLife: DONE_ORG_LIFE,
    appraisal: { phase: 'decided', counts: { excellent: 2, qualified: 8, basic: 0, unqualified: 0 } },
    report: { status: 'late', bureau: ratingSummary(['good', 'fairly_good']) },
  }
  it.each<[string, BranchYear, boolean, string[]]>([
    ['everything done (report late but in)', complete, true, ['all']],
    [
      'two members not talked with',
      { ...complete, talks: { share: 0.667, gaps: 2 } },
      false,
      ['all', 'incomplete', 'talks'],
    ],
    ['no 民主评议 yet', { ...complete, appraisal: null }, false, ['all', 'incomplete', 'appraisal']],
    [
      '民主评议 still counting',
      { ...complete, appraisal: { phase: 'counting', counts: null } },
      false,
      ['all', 'incomplete', 'appraisal'],
    ],
    [
      'no 述职报告',
      { ...complete, report: { status: 'missing', bureau: null } },
      false,
      ['all', 'incomplete', 'report'],
    ],
  ])('%s', (_case, branch, isComplete, filters) => {
    const row = yearRow(branch)
    expect(row.complete).toBe(isComplete)
    expect(YEAR_FILTERS.filter((filter) => passesYearFilter(row, filter))).toEqual(filters)
  })
  it('shows the 述职 rating and the step the 组织生活会 is at', () => {
    const row = yearRow({ ...complete, orgLife: orgLifeProgress({ ...emptyFacts(), theme: '主题' }) })
    expect(row.report).toEqual({ status: 'late', overall: 'fairly_good' })
    expect(row.orgLife).toEqual({ done: 1, of: 7, current: 'opinions' })
    expect(passesYearFilter(row, 'org_life')).toBe(true)
  })
})

function emptyFacts() {
  return {
    theme: null,
    opinionsClosed: false,
    opinions: 0,
    talks: { required: 6, covered: 0 },
    selfExaminations: { expected: 6, submitted: 0 },
    meetingHeld: false,
    rectifications: { total: 0, closed: 0 },
    reportSubmitted: false,
  }
}
