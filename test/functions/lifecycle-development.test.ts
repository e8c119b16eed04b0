// The lifecycle function's 发展党员 through the real SDK: a file from application to 预备党员 on the roster
// (clock moved a year where the 细则 asks for one), every refusal coded and writing nothing, the due list,
// the bureau's pipeline, and the applicant who sees only their own file.
import type { InputOf, OutputOf } from '../../types/api'
import { as, type DemoEmulator, startDemoEmulator } from './helpers/demo'

let t: DemoEmulator
const at = (iso: string) => new Date(`${iso}T10:00:00+08:00`).getTime()
/** The bureau's figures before these tests add their files (the demo seeds some of its own). */
let seeded: OutputOf<'lifecycle', 'pipeline'>
beforeAll(async () => {
  t = await startDemoEmulator({ at: at('2026-12-10') })
  seeded = await t.callOk(as.bureau, 'lifecycle', 'pipeline', { year: 2026 })
})
afterAll(() => t.stop())

type StepCall = InputOf<'lifecycle', 'recordDevelopmentStep'>
const VOTE = { eligible: 9, present: 9, inFavour: 8 }
let seq = 0
const requestId = () => `lc-test-${seq++}`

async function openFile(name = '陈晓', appliedOn = '2026-11-18') {
  return t.callOk(as.secretary, 'lifecycle', 'createDevelopmentFile', {
    branchId: 'org_b_shiyan',
    name,
    phone: '13800001234',
    teachingRole: 'teacher',
    keyTeacher: true,
    appliedOn,
    requestId: requestId(),
  })
}
const step = (fileId: string, on: string, details: StepCall['details'], openid: string = as.secretary) =>
  t.call(openid, 'lifecycle', 'recordDevelopmentStep', { fileId, on, details })
async function stepOk(fileId: string, on: string, details: StepCall['details']) {
  const res = await step(fileId, on, details)
  if (!res.ok) throw new Error(`${details.step} on ${on}: ${JSON.stringify(res.error)}`)
  return res.data
}

/** Application to 积极分子 with two 培养联系人 (the first year). */
async function toActivist(fileId: string) {
  await stepOk(fileId, '2026-11-25', { step: 'application_talk' })
  await stepOk(fileId, '2026-12-01', { step: 'activist_decision' })
  await stepOk(fileId, '2026-12-02', { step: 'activist_filing' })
  return stepOk(fileId, '2026-12-02', { step: 'contacts_assigned', memberIds: ['m_shiyan_03', 'm_shiyan_04'] })
}
/** 发展对象 to the 上级党委's approval (the second year; the clock must be at 2027-12-20 or later). */
async function toProbationary(fileId: string) {
  await stepOk(fileId, '2027-12-01', { step: 'candidate_decision' })
  await stepOk(fileId, '2027-12-02', { step: 'candidate_filing' })
  await stepOk(fileId, '2027-12-02', { step: 'introducers_assigned', memberIds: ['m_shiyan_03', 'm_shiyan_05'] })
  await stepOk(fileId, '2027-12-03', { step: 'political_review' })
  await stepOk(fileId, '2027-12-05', { step: 'intensive_training', hours: 24 })
  await stepOk(fileId, '2027-12-06', { step: 'committee_review' })
  await stepOk(fileId, '2027-12-13', { step: 'pre_approval', noticeFrom: '2027-12-07', noticeTo: '2027-12-12' })
  await stepOk(fileId, '2027-12-14', { step: 'application_form' })
  await stepOk(fileId, '2027-12-15', { step: 'admission_vote', vote: VOTE })
  await stepOk(fileId, '2027-12-16', { step: 'approval_talk' })
  return stepOk(fileId, '2027-12-20', { step: 'admission_approval' })
}

const fileDoc = async (fileId: string) =>
  (await t.db.collection('development_files').where({ _id: fileId }).get()) as unknown as {
    data: { steps: unknown[]; stage: string; reviews: unknown[]; memberId: string | null }[]
  }

describe('a file from application to the roster', () => {
  let fileId: string
  const APPLICANT = 'o_applicant_chenxiao'

  it('a secretary opens the file with step 1 done and the talk due within a month', async () => {
    const file = await openFile()
    fileId = file.id
    expect(file.timeline).toMatchObject({ stage: 'applicant', done: ['application'] })
    expect(file.timeline.next).toEqual([{ step: 'application_talk', earliestOn: '2026-11-18', latestOn: '2026-12-18' }])
    expect(file.timeline.due.map((item) => item.text)).toEqual(['陈晓 的入党申请谈话应在 12月18日 前完成'])
    expect(file.timeline.missing).toEqual([{ step: 'application', material: 'application_letter' }])
  })

  it('the person binds through an applicant invitation and sees only their own file, as a non-member', async () => {
    const invitation = await t.callOk(as.secretary, 'lifecycle', 'inviteApplicant', { fileId })
    expect(invitation.path).toBe(`subpackages/lifecycle/pages/accept/index?code=${invitation.code}`)
    const wrongName = await t.call(APPLICANT, 'lifecycle', 'acceptApplicantInvitation', {
      code: invitation.code,
      name: '陈小',
    })
    expect(wrongName).toMatchObject({ ok: false, error: { code: 'INVITATION.NAME_MISMATCH' } })
    expect(await t.count('applicant_bindings', {})).toBe(0)
    await t.callOk(APPLICANT, 'lifecycle', 'acceptApplicantInvitation', { code: invitation.code, name: '陈晓' })
    const again = await t.call('o_someone_else', 'lifecycle', 'acceptApplicantInvitation', {
      code: invitation.code,
      name: '陈晓',
    })
    expect(again).toMatchObject({ ok: false, error: { code: 'INVITATION.USED' } })

    const mine = await t.callOk(APPLICANT, 'lifecycle', 'myDevelopmentFile', {})
    expect(mine.file).toMatchObject({ id: fileId, name: '陈晓', branchName: '实验小学党支部' })
    expect(mine.file).not.toHaveProperty('phone')
    // Not a member: every member action, the roster's included, is closed to them.
    for (const [fn, action, data] of [
      ['lifecycle', 'developmentFile', { fileId }],
      ['lifecycle', 'listDevelopment', { branchId: 'org_b_shiyan' }],
      ['roster', 'me', {}],
      ['meetings', 'listMine', {}],
    ] as const) {
      expect(await t.callUnchecked(APPLICANT, fn, action, data)).toMatchObject({
        ok: false,
        error: { code: 'AUTH.NOT_BOUND' },
      })
    }
    expect(await t.call(as.unbound, 'lifecycle', 'myDevelopmentFile', {})).toMatchObject({
      ok: false,
      error: { code: 'DEVELOPMENT.NOT_APPLICANT' },
    })
    // A member is not an applicant either.
    expect(await t.call(as.member, 'lifecycle', 'myDevelopmentFile', {})).toMatchObject({
      ok: false,
      error: { code: 'DEVELOPMENT.NOT_APPLICANT' },
    })
  })

  it('becomes a 积极分子; the 发展对象 decision is refused the day before the year is up', async () => {
    const activist = await toActivist(fileId)
    expect(activist.timeline.stage).toBe('activist')
    expect(activist.timeline.next.find((next) => next.step === 'candidate_decision')?.earliestOn).toBe('2027-12-01')
    t.emu.clock.set(at('2027-12-20'))
    const early = await step(fileId, '2027-11-30', { step: 'candidate_decision' })
    expect(early).toMatchObject({ ok: false, error: { code: 'DEVELOPMENT.STEP_TOO_EARLY' } })
    expect((await fileDoc(fileId)).data[0].steps).toHaveLength(5)
  })

  it('the approval puts 陈晓 on the roster as 预备党员 without retyping, and moves their WeChat to a member binding', async () => {
    const before = await t.count('members', { branchId: 'org_b_shiyan' })
    const approved = await toProbationary(fileId)
    expect(approved.timeline).toMatchObject({ stage: 'probationary', probationEndsOn: '2028-12-15' })
    expect(approved.memberId).toBe(`dev-${fileId}`)
    expect(await t.count('members', { branchId: 'org_b_shiyan' })).toBe(before + 1)

    const row = await t.callOk(as.secretary, 'roster', 'getMember', { memberId: `dev-${fileId}` })
    expect(row).toMatchObject({
      name: '陈晓',
      memberType: 'probationary',
      joinedOn: '2027-12-15',
      probationEndsOn: '2028-12-15',
      status: 'active',
    })
    expect(await t.count('membership_changes', { memberId: `dev-${fileId}`, kind: 'join' })).toBe(1)
    // They open the app as a member now, with no new invitation.
    expect(await t.count('applicant_bindings', { _id: APPLICANT })).toBe(0)
    expect(await t.callOk(APPLICANT, 'roster', 'me', {})).toMatchObject({ name: '陈晓', memberType: 'probationary' })
  })

  it('the due list shows "陈晓 预备期将于 30 天后届满" 30 days before the end', async () => {
    t.emu.clock.set(at('2028-11-15'))
    const due = await t.callOk(as.secretary, 'lifecycle', 'developmentDue', { branchId: 'org_b_shiyan' })
    expect(due.items.map((item) => item.text)).toContain('陈晓 预备期将于 30 天后届满')
  })

  it('the 转正 decision makes the roster member formal through the shared members service', async () => {
    t.emu.clock.set(at('2028-12-20'))
    await stepOk(fileId, '2027-12-22', { step: 'placement' })
    await stepOk(fileId, '2027-12-22', { step: 'oath' })
    await stepOk(fileId, '2028-11-20', { step: 'conversion_application' })
    await stepOk(fileId, '2028-12-15', {
      step: 'conversion_vote',
      vote: VOTE,
      outcome: 'convert',
      extensionMonths: null,
    })
    const formal = await stepOk(fileId, '2028-12-18', { step: 'conversion_approval' })
    expect(formal.timeline.stage).toBe('formal')
    const row = await t.callOk(as.secretary, 'roster', 'getMember', { memberId: `dev-${fileId}` })
    expect(row).toMatchObject({ memberType: 'formal', probationEndsOn: null, joinedOn: '2027-12-15' })
  })
})

describe('refusals are coded and write nothing', () => {
  let fileId: string
  beforeAll(async () => {
    t.emu.clock.set(at('2026-12-10'))
    fileId = (await openFile('林小雨', '2026-12-01')).id
  })

  it.each<[string, string, StepCall['details'], string]>([
    ['a step out of order', '2026-12-05', { step: 'activist_decision' }, 'DEVELOPMENT.STEP_OUT_OF_ORDER'],
    ['a date in the future', '2026-12-11', { step: 'application_talk' }, 'DATE.IN_FUTURE'],
    ['a date before the application', '2026-11-30', { step: 'application_talk' }, 'DATE.BEFORE_PREVIOUS'],
    ['the first step again', '2026-12-05', { step: 'application' }, 'DEVELOPMENT.STEP_DONE'],
  ])('%s', async (_case, on, details, code) => {
    const before = await fileDoc(fileId)
    expect(await step(fileId, on, details)).toMatchObject({ ok: false, error: { code } })
    expect(await fileDoc(fileId)).toEqual(before)
  })

  it('a probationary member as 培养联系人, or someone of another branch, is refused', async () => {
    await stepOk(fileId, '2026-12-02', { step: 'application_talk' })
    await stepOk(fileId, '2026-12-03', { step: 'activist_decision' })
    const before = await fileDoc(fileId)
    for (const memberIds of [['m_shiyan_10'], ['m_chengguan_03']]) {
      expect(await step(fileId, '2026-12-04', { step: 'contacts_assigned', memberIds })).toMatchObject({
        ok: false,
        error: { code: 'DEVELOPMENT.NOT_FORMAL_MEMBER' },
      })
    }
    expect(await fileDoc(fileId)).toEqual(before)
  })

  it('bad input: a negative 学时, one 入党介绍人, a vote with more in favour than present', async () => {
    const before = await t.count('audit_log', {})
    for (const details of [
      { step: 'intensive_training', hours: -3 },
      { step: 'introducers_assigned', memberIds: ['m_shiyan_03'] },
      { step: 'admission_vote', vote: { eligible: 9, present: 5, inFavour: 6 } },
    ]) {
      const res = await t.callUnchecked(as.secretary, 'lifecycle', 'recordDevelopmentStep', {
        fileId,
        on: '2026-12-05',
        details,
      })
      expect(res).toMatchObject({ ok: false, error: { code: 'INPUT.INVALID' } })
    }
    expect(await t.count('audit_log', {})).toBe(before)
  })

  it('a file dated in the future, or materials from someone else’s folder, are refused', async () => {
    const files = await t.count('development_files', {})
    const base = { branchId: 'org_b_shiyan', name: '王明', teachingRole: 'teacher', keyTeacher: false } as const
    expect(
      await t.call(as.secretary, 'lifecycle', 'createDevelopmentFile', {
        ...base,
        appliedOn: '2026-12-11',
        requestId: requestId(),
      }),
    ).toMatchObject({ ok: false, error: { code: 'DATE.IN_FUTURE' } })
    expect(
      await t.call(as.secretary, 'lifecycle', 'createDevelopmentFile', {
        ...base,
        appliedOn: '2026-12-01',
        applicationLetter: ['cloud://env.bucket/development/t_demo/another-file/letter.jpg'],
        requestId: requestId(),
      }),
    ).toMatchObject({ ok: false, error: { code: 'DEVELOPMENT.FILE_NOT_YOURS' } })
    expect(await t.count('development_files', {})).toBe(files)
  })

  it('a retried create opens the file once', async () => {
    const id = requestId()
    const input = {
      branchId: 'org_b_shiyan',
      name: '赵一',
      teachingRole: 'head_teacher',
      appliedOn: '2026-12-01',
      requestId: id,
    } as const
    const first = await t.callOk(as.secretary, 'lifecycle', 'createDevelopmentFile', input)
    const second = await t.callOk(as.secretary, 'lifecycle', 'createDevelopmentFile', input)
    expect(second.id).toBe(first.id)
    expect(await t.count('development_files', { name: '赵一' })).toBe(1)
  })

  it('a review note is added once per request id, by a 培养联系人 who is not a manager', async () => {
    await stepOk(fileId, '2026-12-04', { step: 'contacts_assigned', memberIds: ['m_shiyan_06'] })
    const note = {
      requestId: requestId(),
      fileId,
      on: '2026-12-08',
      text: '该同志积极参加支部组织的学习活动，表现良好。',
    }
    await t.callOk(as.member, 'lifecycle', 'addReviewNote', note)
    const again = await t.callOk(as.member, 'lifecycle', 'addReviewNote', note)
    expect(again.reviews).toHaveLength(1)
    expect(again.reviews[0]).toMatchObject({ byName: expect.any(String), on: '2026-12-08' })
    // Another plain member, not named as 培养联系人, may not.
    expect(
      await t.call('o_demo_m_shiyan_07', 'lifecycle', 'addReviewNote', { ...note, requestId: requestId() }),
    ).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } })
  })
})

describe('what the bureau sees', () => {
  it('counts per branch and stage, the year’s totals and 双培养 by teaching role', async () => {
    const figures = await t.callOk(as.bureau, 'lifecycle', 'pipeline', { year: 2026 })
    const shiyan = (of: typeof figures) => of.branches.find((branch) => branch.branchId === 'org_b_shiyan')
    const before = shiyan(seeded)
    // This suite's three files: 陈晓 converted, 林小雨 a 积极分子, 赵一 an applicant; all applied in 2026.
    expect(shiyan(figures)?.stages).toMatchObject({
      formal: (before?.stages.formal ?? 0) + 1,
      activist: (before?.stages.activist ?? 0) + 1,
      applicant: (before?.stages.applicant ?? 0) + 1,
    })
    expect(shiyan(figures)?.year.applications).toBe((before?.year.applications ?? 0) + 3)
    const keyTeachers = (of: typeof figures) =>
      of.byTeachingRole.find((row) => row.teachingRole === 'teacher' && row.keyTeacher)?.stages.formal ?? 0
    expect(keyTeachers(figures)).toBe(keyTeachers(seeded) + 1)
    expect(await t.call(as.secretary, 'lifecycle', 'pipeline', { year: 2026 })).toMatchObject({
      ok: false,
      error: { code: 'AUTH.FORBIDDEN' },
    })
  })
})

describe('an applicant’s activities', () => {
  it('a 积极分子 bound to their file sees the 党课 that invites the branch’s prospects to 列席, and only that', async () => {
    t.emu.clock.set(at('2026-12-10'))
    const startsAt = at('2026-12-15')
    const { ids } = await t.callOk(as.secretary, 'meetings', 'schedule', {
      branchId: 'org_b_shiyan',
      scope: { kind: 'branch', prospects: true },
      meeting: {
        type: 'lecture',
        title: '党课：党章学习',
        startsAt,
        endsAt: startsAt + 3_600_000,
        place: '实验小学会议室',
      },
    })
    // The demo's 积极分子 of 实验小学 (邵雨晴) binds through an applicant invitation; the tap sent twice makes one.
    const invite = () =>
      t.callOk(as.secretary, 'lifecycle', 'inviteApplicant', { fileId: 'df_demo_shiyan_1', requestId: 'r-applicant' })
    const before = await t.count('applicant_invitations', { fileId: 'df_demo_shiyan_1' })
    const [invitation, retried] = await Promise.all([invite(), invite()])
    expect(retried.code).toBe(invitation.code)
    expect(await t.count('applicant_invitations', { fileId: 'df_demo_shiyan_1' })).toBe(before + 1)
    await t.callOk('o_applicant_shaoyuqing', 'lifecycle', 'acceptApplicantInvitation', {
      code: invitation.code,
      name: '邵雨晴',
    })
    const mine = await t.callOk('o_applicant_shaoyuqing', 'lifecycle', 'myDevelopmentFile', {})
    expect(mine.file).toMatchObject({ name: '邵雨晴', timeline: { stage: 'activist' } })
    expect(mine.invitedMeetings.map((m) => m.id)).toEqual(ids)
    expect(mine.invitedMeetings[0]).toMatchObject({ title: '党课：党章学习', place: '实验小学会议室' })
  })
})

// Last: the file it opens would change the bureau's counts above.
describe('an applicant invitation guessed at', () => {
  it('locks after 5 wrong names, as a member invitation does: the right name is then refused and the lock audited', async () => {
    const file = await openFile('林语桐')
    const invitation = await t.callOk(as.secretary, 'lifecycle', 'inviteApplicant', { fileId: file.id })
    const attempt = (name: string) =>
      t.call('o_guesser_applicant', 'lifecycle', 'acceptApplicantInvitation', { code: invitation.code, name })
    for (const [i, guess] of ['林语', '林雨桐', '林语童', '李语桐'].entries()) {
      expect(await attempt(guess)).toMatchObject({
        ok: false,
        error: { code: 'INVITATION.NAME_MISMATCH', message: `姓名与邀请不符，还可尝试${4 - i}次` },
      })
    }
    expect(await attempt('林宇桐')).toMatchObject({ ok: false, error: { code: 'INVITATION.LOCKED' } })
    expect(await attempt('林语桐')).toMatchObject({ ok: false, error: { code: 'INVITATION.LOCKED' } })
    expect(await t.count('applicant_bindings', { fileId: file.id })).toBe(0)
    expect(await t.count('audit_log', { action: 'lifecycle.invitationLocked', targetId: file.id })).toBe(1)
    // A fresh invitation, after the secretary has checked with the person, works.
    const again = await t.callOk(as.secretary, 'lifecycle', 'inviteApplicant', { fileId: file.id })
    await t.callOk('o_linyutong', 'lifecycle', 'acceptApplicantInvitation', { code: again.code, name: '林语桐' })
  })
})
