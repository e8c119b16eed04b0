// The yearly round end to end through the real SDK: a scheme of offered sources only, the branch's
// provisional score moving with its meetings, self-assessment with evidence, submit, scoring, publish.
import { demoScheme } from '../../scripts/seed/demo-assessment'
import type { BranchScore, Scheme } from '../../types/assessment'
import { SOURCE_KEYS } from '../../types/assessment'
import { schemeWorkbook } from '../fixtures/scheme-workbook'
import { as, type DemoEmulator, startDemoEmulator } from './helpers/demo'

let t: DemoEmulator
const HOUR = 3_600_000
const at = (iso: string) => new Date(`${iso}+08:00`).getTime()
const BRANCH = 'org_b_shiyan'
const NOW = at('2026-11-18T10:00:00')

beforeAll(async () => {
  t = await startDemoEmulator({ at: NOW })
  // The branch starts the year with no meetings on record, so one held meeting visibly moves its score.
  for (const collection of ['meetings', 'meeting_digests']) {
    await t.db.collection(collection).where({ branchId: BRANCH }).remove()
  }
  // The demo's own scheme and rounds make way for the ones this suite saves and opens.
  for (const collection of ['assessment_schemes', 'assessment_rounds', 'assessment_entries', 'assessment_results']) {
    await t.db.collection(collection).where({ tenantId: 't_demo' }).remove()
  }
})
afterAll(() => t.stop())

const code = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'ok' : res.error?.code)

const SCHEME: Scheme = {
  year: 2026,
  name: '2026年度五星支部创建考核细则',
  areas: [
    {
      key: 'org_life',
      name: '组织生活',
      indicators: [
        {
          key: 'sanhui',
          name: '三会一课',
          kind: 'computed',
          source: 'meetings_compliance',
          scoring: { method: 'ratio', target: 1 },
          maxScore: 20,
          guidance: '',
        },
        {
          key: 'study',
          name: '学习打卡',
          kind: 'computed',
          source: 'study_participation',
          scoring: { method: 'ratio', target: 0.9 },
          maxScore: 10,
          guidance: '',
        },
      ],
    },
    {
      key: 'role',
      name: '作用发挥',
      indicators: [
        { key: 'brand', name: '党建品牌', kind: 'self', evidenceRequired: true, maxScore: 10, guidance: '' },
      ],
    },
  ],
  stars: [
    { stars: 3, minScore: 20 },
    { stars: 4, minScore: 25 },
    { stars: 5, minScore: 35 },
  ],
}

async function uploadPhoto(folder: string): Promise<string> {
  const res = (await t.cloud.uploadFile({
    cloudPath: `${folder}/${process.pid}-${Math.random().toString(36).slice(2)}.png`,
    fileContent: Buffer.from('89504e470d0a1a0a', 'hex'),
  })) as { fileID: string }
  return res.fileID
}

const indicator = (score: BranchScore, key: string) => {
  const found = score.areas.flatMap((area) => area.indicators).find((item) => item.key === key)
  if (!found) throw new Error(`no indicator ${key}`)
  return found
}

test('every source is offered now that each domain has its reader; a catalogue naming another is refused by row', async () => {
  const { sources } = await t.callOk(as.bureau, 'assessment', 'offeredSources', {})
  expect(sources.map((item) => item.source)).toEqual(SOURCE_KEYS)
  // (A source whose domain or reader is missing is refused: the unit tables of offeredSources and the
  // catalogue import hold that; here every domain is deployed.)
  // The import says which row names a source that does not exist.
  const fileID = (
    (await t.cloud.uploadFile({
      cloudPath: `imports/t_demo/m_bureau_01/${process.pid}-scheme.xlsx`,
      fileContent: await schemeWorkbook([
        ['基础保障', '阵地建设', 10, '数据', '阵地建设达标率', '按比例', '100%', ''],
        ['星级', '五星', 9, '', '', '', '', ''],
      ]),
    })) as { fileID: string }
  ).fileID
  const preview = await t.callOk(as.bureau, 'assessment', 'previewSchemeImport', { fileID, year: 2026 })
  expect(preview.scheme).toBeNull()
  expect(preview.problems.map((problem) => problem.message)).toContain(
    '第 2 行：数据来源“阵地建设达标率”不在可选范围内',
  )
  expect(await t.count('assessment_schemes', {})).toBe(0)
  // The raw upload is not kept once read.
  expect(await storedFile(fileID)).toBe(false)
})

test("a branch's computed score rises when a meeting of the branch is held and recorded", async () => {
  await t.callOk(as.bureau, 'assessment', 'saveScheme', SCHEME)
  const { roundId } = await t.callOk(as.bureau, 'assessment', 'openRound', {
    year: 2026,
    deadline: at('2026-12-20T18:00:00'),
  })
  const before = await t.callOk(as.secretary, 'assessment', 'branchScore', { roundId, branchId: BRANCH })
  expect(before.status).toBe('open')
  expect(before.score.provisional).toBe(true)
  const sanhuiBefore = indicator(before.score, 'sanhui')
  expect(sanhuiBefore.figure?.numerator).toBe(0)
  expect(sanhuiBefore.figure?.denominator).toBeGreaterThan(0)
  expect(sanhuiBefore.score).toBe(0)
  expect(sanhuiBefore.reason).toMatch(/三会一课/)

  // A 支委会 this month (monthly, so judged in this month's cell): held, its members marked present, minutes written.
  const startsAt = at('2026-11-20T15:00:00')
  const { ids } = await t.callOk(as.secretary, 'meetings', 'schedule', {
    branchId: BRANCH,
    scope: { kind: 'committee' },
    meeting: {
      type: 'committee_meeting',
      title: '支委会：研究年度工作总结',
      startsAt,
      endsAt: startsAt + 2 * HOUR,
      place: '实验小学会议室',
    },
  })
  // Over, but with no record yet: 三会一课 counts a meeting by its evidence (attendance and minutes), so nothing changes.
  t.emu.clock.set(startsAt + 3 * HOUR)
  const unrecorded = await t.callOk(as.secretary, 'assessment', 'branchScore', { roundId, branchId: BRANCH })
  expect(indicator(unrecorded.score, 'sanhui').figure?.numerator).toBe(0)
  expect(unrecorded.score.total).toBe(before.score.total)
  const meeting = (await t.db.collection('meetings').doc(ids[0]).get()) as unknown as {
    data: { attendeeIds: string[] }
  }
  await t.callOk(as.secretary, 'meetings', 'markAttendance', {
    meetingId: ids[0],
    // Everyone but the secretary, who may not mark their own attendance.
    marks: meeting.data.attendeeIds
      .filter((memberId) => memberId !== 'm_shiyan_01')
      .map((memberId) => ({ memberId, status: 'present' as const })),
  })
  await t.callOk(as.secretary, 'meetings', 'writeMinutes', {
    meetingId: ids[0],
    text: '总结本年度支部工作，讨论明年计划。',
  })

  const after = await t.callOk(as.secretary, 'assessment', 'branchScore', { roundId, branchId: BRANCH })
  const sanhuiAfter = indicator(after.score, 'sanhui')
  expect(sanhuiAfter.figure?.numerator).toBe(1)
  expect(sanhuiAfter.score).toBeGreaterThan(0)
  expect(after.score.total).toBeGreaterThan(before.score.total)
})

/** Whether a file is still in storage (a download link that answers 200). */
async function storedFile(fileID: string): Promise<boolean> {
  const { fileList } = (await t.cloud.getTempFileURL({ fileList: [fileID] })) as {
    fileList: { tempFileURL?: string; status?: number }[]
  }
  const url = fileList[0]?.status ? undefined : fileList[0]?.tempFileURL
  return url ? (await fetch(url)).status === 200 : false
}

test('self-assessment with evidence, submit, scoring by another branch’s staff, publish with stars and reasons', async () => {
  const roundId = 't_demo_2026'
  const draft = { roundId, branchId: BRANCH, indicatorKey: 'brand', text: '打造“红烛先锋”党建品牌，开展示范课12节。' }
  // Bad input is coded and changes nothing: too short, over the maximum, another's photo, a computed indicator.
  expect(code(await t.call(as.secretary, 'assessment', 'saveSelfAssessment', { ...draft, text: '很好' }))).toBe(
    'INPUT.INVALID',
  )
  expect(code(await t.call(as.secretary, 'assessment', 'saveSelfAssessment', { ...draft, claimedScore: 12 }))).toBe(
    'ASSESSMENT.SCORE_OVER_MAX',
  )
  const othersPhoto = await uploadPhoto('assessment/t_demo/m_shiyan_06')
  expect(
    code(await t.call(as.secretary, 'assessment', 'saveSelfAssessment', { ...draft, fileIds: [othersPhoto] })),
  ).toBe('ASSESSMENT.FILE_NOT_YOURS')
  expect(
    code(await t.call(as.secretary, 'assessment', 'saveSelfAssessment', { ...draft, indicatorKey: 'sanhui' })),
  ).toBe('ASSESSMENT.NOT_SELF_ASSESSED')
  expect(await t.count('assessment_entries', {})).toBe(0)

  // Written without its photo, the branch may not submit yet; the refusal names the item.
  await t.callOk(as.secretary, 'assessment', 'saveSelfAssessment', { ...draft, claimedScore: 10 })
  const early = await t.call(as.secretary, 'assessment', 'submitBranch', { roundId, branchId: BRANCH })
  expect(code(early)).toBe('ASSESSMENT.EVIDENCE_MISSING')
  expect(early.ok ? '' : early.error.message).toContain('党建品牌')
  // The bureau cannot score what was not submitted.
  expect(
    code(
      await t.call(as.bureau, 'assessment', 'scoreSelfAssessment', {
        roundId,
        branchId: BRANCH,
        indicatorKey: 'brand',
        score: 8,
        comment: '材料不全',
      }),
    ),
  ).toBe('ASSESSMENT.NOT_SUBMITTED')

  // A photo replaced before submitting is nobody's evidence: the retention timer deletes it.
  const replaced = await uploadPhoto('assessment/t_demo/m_shiyan_01')
  await t.callOk(as.secretary, 'assessment', 'saveSelfAssessment', { ...draft, fileIds: [replaced], claimedScore: 10 })
  const photo = await uploadPhoto('assessment/t_demo/m_shiyan_01')
  const claimed = await t.callOk(as.secretary, 'assessment', 'saveSelfAssessment', {
    ...draft,
    fileIds: [photo],
    claimedScore: 10,
  })
  expect(claimed).toMatchObject({ state: 'claimed', score: 10 })
  await t.emu.fireTrigger('roster', 'retention')
  expect(await t.count('expiring_files', { fileID: replaced })).toBe(0)
  expect(await t.count('expiring_files', { fileID: photo })).toBe(0)
  expect(await storedFile(replaced)).toBe(false)
  expect(await storedFile(photo)).toBe(true)
  const submitted = await t.callOk(as.secretary, 'assessment', 'submitBranch', { roundId, branchId: BRANCH })
  // A retry (the reply was lost) answers the same submission and writes nothing more.
  t.advance(60_000)
  expect(await t.callOk(as.secretary, 'assessment', 'submitBranch', { roundId, branchId: BRANCH })).toEqual(submitted)
  expect(await t.count('assessment_submissions', {})).toBe(1)
  expect(code(await t.call(as.secretary, 'assessment', 'saveSelfAssessment', { ...draft, fileIds: [photo] }))).toBe(
    'ASSESSMENT.SUBMITTED',
  )

  // Publishing waits for the score; a deduction needs its reason; nobody scores their own branch.
  expect(code(await t.call(as.bureau, 'assessment', 'publishRound', { roundId }))).toBe('ASSESSMENT.UNSCORED')
  const score = { roundId, branchId: BRANCH, indicatorKey: 'brand', score: 8 }
  expect(code(await t.call(as.bureau, 'assessment', 'scoreSelfAssessment', { ...score, comment: '' }))).toBe(
    'ASSESSMENT.COMMENT_REQUIRED',
  )
  expect(code(await t.call(as.bureau, 'assessment', 'scoreSelfAssessment', { ...score, score: 10.5 }))).toBe(
    'ASSESSMENT.SCORE_OVER_MAX',
  )
  await t.db
    .collection('members')
    .doc('m_bureau_02')
    .update({ data: { branchId: BRANCH } })
  expect(
    code(await t.call('o_demo_m_bureau_02', 'assessment', 'scoreSelfAssessment', { ...score, comment: '不错' })),
  ).toBe('AUTH.FORBIDDEN')
  const scored = await t.callOk(as.bureau, 'assessment', 'scoreSelfAssessment', {
    ...score,
    comment: '品牌活动缺少成效总结',
  })
  expect(scored.reason).toBe('失 2 分：品牌活动缺少成效总结')

  const ranking = await t.callOk(as.bureau, 'assessment', 'roundResults', { roundId })
  expect(ranking.published).toBe(false)
  expect(ranking.items.find((row) => row.branchId === BRANCH)).toMatchObject({ submitted: true, toScore: 0 })
  // A 总支书记 sees no provisional ranking.
  expect((await t.callOk(as.gbSecretary, 'assessment', 'roundResults', { roundId })).items).toEqual([])

  await t.callOk(as.bureau, 'assessment', 'publishRound', { roundId })
  const published = await t.callOk(as.secretary, 'assessment', 'branchScore', { roundId, branchId: BRANCH })
  expect(published.status).toBe('published')
  expect(published.score.provisional).toBe(false)
  expect(indicator(published.score, 'brand')).toMatchObject({ score: 8, state: 'scored' })
  expect(published.score.stars).toBe(
    [...SCHEME.stars].reverse().find((line) => published.score.total >= line.minScore)?.stars ?? 0,
  )
  // Frozen: the year's data changing after publishing (here its meetings gone) leaves the result as published.
  await t.db.collection('meeting_digests').where({ branchId: BRANCH }).remove()
  const again = await t.callOk(as.secretary, 'assessment', 'branchScore', { roundId, branchId: BRANCH })
  expect(again.score).toEqual(published.score)
  expect(code(await t.call(as.bureau, 'assessment', 'publishRound', { roundId }))).toBe('ASSESSMENT.PUBLISHED')
  expect(code(await t.call(as.bureau, 'assessment', 'saveScheme', SCHEME))).toBe('ASSESSMENT.PUBLISHED')

  // Published, a 总支书记 sees their own branches ranked; a branch that never submitted has 0 for its self item.
  const theirs = await t.callOk(as.gbSecretary, 'assessment', 'roundResults', { roundId })
  expect(theirs.items.map((row) => row.branchId).sort()).toEqual(['org_b_yz_high', 'org_b_yz_junior'])
  const other = await t.callOk(as.bureau, 'assessment', 'branchScore', { roundId, branchId: 'org_b_chengguan' })
  expect(indicator(other.score, 'brand')).toMatchObject({ score: 0, reason: '未填写自评材料' })

  // The demo's own scheme saves too (it uses only offered sources).
  expect(code(await t.call(as.bureau, 'assessment', 'saveScheme', demoScheme(2027)))).toBe('ok')

  const download = await t.callOk(as.bureau, 'assessment', 'exportResults', { roundId })
  expect(download.fileName).toBe('2026年度支部考核结果.xlsx')
  const sheet = await t.callOk(as.bureau, 'assessment', 'exportResults', { roundId, branchId: BRANCH })
  expect(sheet.fileName).toBe('2026年度实验小学党支部考核得分表.pdf')
  const pdf = Buffer.from(await (await fetch(sheet.url)).arrayBuffer())
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
})
