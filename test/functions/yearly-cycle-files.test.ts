// The yearly cycle's uploads (对照检查 document, 整改 evidence, 述职报告 attachment): a file the caller put in
// their own folder yearly/<tenant>/<member>/ is kept and read back through a temporary link; a file anywhere
// else (another member's folder, another domain's) is refused with a code and nothing is written.
import { as, type DemoEmulator, startDemoEmulator } from './helpers/demo'
import { addOpenRectification } from './helpers/yearly'

const NOW = new Date('2026-11-18T10:00:00+08:00').getTime()
const ORG_LIFE = 'org_b_shiyan:2026'
const RECTIFICATION = 'rect_files_shiyan'
const EXAM_TEXT = '对照党章党规，查找了理论学习不够系统、联系服务学生家长不够主动等问题，提出了整改措施。'

let t: DemoEmulator
let seq = 0
beforeAll(async () => {
  t = await startDemoEmulator({ at: NOW })
  await addOpenRectification(t, RECTIFICATION, NOW)
}, 60_000)
afterAll(() => t.stop())

async function upload(folder: string, extension: string): Promise<string> {
  const res = (await t.cloud.uploadFile({
    cloudPath: `${folder}/${process.pid}-${seq++}.${extension}`,
    fileContent: Buffer.from('对照检查材料'),
  })) as { fileID: string }
  return res.fileID
}

const report = (fileIds: string[]) => ({
  roundId: 'rr_2026_t_demo',
  branchId: 'org_b_shiyan',
  text: '支部坚持以党建引领学校发展，认真落实三会一课制度。'.repeat(10),
  problems: ['理论学习不够系统'],
  fileIds,
})

describe('a file outside the caller’s own yearly folder', () => {
  it.each([
    ['another member’s folder', 'yearly/t_demo/m_shiyan_02'],
    ['another domain’s folder', 'points/t_demo/m_shiyan_06'],
    ['another tenant’s folder', 'yearly/t_other/m_shiyan_06'],
  ])('as 对照检查 (%s) is refused and writes nothing', async (_case, folder) => {
    const fileId = await upload(folder, 'pdf')
    const before = await t.count('self_examinations', {})
    const res = await t.call(as.member, 'yearly-cycle', 'submitSelfExamination', {
      orgLifeId: ORG_LIFE,
      text: EXAM_TEXT,
      fileIds: [fileId],
    })
    expect(res).toMatchObject({ ok: false, error: { code: 'ORG_LIFE.FILE_NOT_YOURS' } })
    expect(await t.count('self_examinations', {})).toBe(before)
  })

  it('as 整改 evidence is refused and the item stays open', async () => {
    const fileId = await upload('yearly/t_demo/m_shiyan_01', 'jpg')
    const res = await t.call(as.member, 'yearly-cycle', 'closeRectification', {
      rectificationId: RECTIFICATION,
      closedOn: '2026-11-18',
      evidence: '本学期已家访十二次，有记录',
      fileIds: [fileId],
    })
    expect(res).toMatchObject({ ok: false, error: { code: 'ORG_LIFE.FILE_NOT_YOURS' } })
    const { data } = await t.db.collection('rectifications').doc(RECTIFICATION).get()
    expect([data].flat()[0]).toMatchObject({ status: 'open', evidence: null })
  })

  it('as 述职报告 attachment is refused and no report is written', async () => {
    const fileId = await upload('yearly/t_demo/m_shiyan_06', 'docx')
    const before = await t.count('secretary_reports', {})
    const res = await t.call(as.secretary, 'yearly-cycle', 'submitSecretaryReport', report([fileId]))
    expect(res).toMatchObject({ ok: false, error: { code: 'REPORT.FILE_NOT_YOURS' } })
    expect(await t.count('secretary_reports', {})).toBe(before)
  })
})

describe('a file in the caller’s own folder', () => {
  it('is kept with the 对照检查 and read back as a temporary link', async () => {
    const fileId = await upload('yearly/t_demo/m_shiyan_06', 'pdf')
    const saved = await t.call(as.member, 'yearly-cycle', 'submitSelfExamination', {
      orgLifeId: ORG_LIFE,
      text: '',
      fileIds: [fileId],
    })
    expect(saved).toMatchObject({ ok: true })
    const mine = await t.call(as.member, 'yearly-cycle', 'myOrgLife', { year: 2026 })
    expect(mine).toMatchObject({
      ok: true,
      data: { orgLife: { selfExamination: { files: [{ fileId, url: expect.stringMatching(/^https?:\/\//) }] } } },
    })
  })

  it('closes the 整改 item with its evidence photo, which the branch can open', async () => {
    const fileId = await upload('yearly/t_demo/m_shiyan_06', 'jpg')
    const closed = await t.call(as.member, 'yearly-cycle', 'closeRectification', {
      rectificationId: RECTIFICATION,
      closedOn: '2026-11-18',
      evidence: '本学期已家访十二次，有记录',
      fileIds: [fileId],
    })
    expect(closed).toMatchObject({ ok: true })
    const list = await t.call(as.secretary, 'yearly-cycle', 'listRectifications', { orgLifeId: ORG_LIFE })
    expect(list.ok && list.data.items.find((item) => item.id === RECTIFICATION)?.evidence?.files).toEqual([
      { fileId, url: expect.stringMatching(/^https?:\/\//) },
    ])
  })
})
