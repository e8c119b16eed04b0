// Saved minutes photos come back as temporary links that open (in the weapp and in the H5 build against the
// emulator alike), and the secretary prints the branch's record book as a PDF through the meetings function.
import { as, type DemoEmulator, startDemoEmulator } from './helpers/demo'

let t: DemoEmulator
const at = (iso: string) => new Date(`${iso}+08:00`).getTime()
const NOW = at('2026-05-12T09:00:00')
const HOUR = 3_600_000
const OWN = 'org_b_shiyan'
let meetingId: string

beforeAll(async () => {
  t = await startDemoEmulator({ at: NOW })
  const res = await t.call(as.secretary, 'meetings', 'schedule', {
    branchId: OWN,
    meeting: {
      type: 'theme_day',
      title: '主题党日：志愿服务',
      startsAt: NOW + HOUR,
      endsAt: NOW + 2 * HOUR,
      place: '社区',
    },
  })
  if (!res.ok) throw new Error(JSON.stringify(res.error))
  meetingId = res.data.ids[0]
}, 60_000)
afterAll(() => t.stop())

const PHOTO = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')

describe('minutes photos', () => {
  it('the meeting shows each saved photo by a temporary link that serves the file; a missing one is null', async () => {
    const upload = (await t.cloud.uploadFile({
      cloudPath: `meetings/t_demo/${meetingId}/1-合影.png`,
      fileContent: PHOTO,
    })) as { fileID: string }
    const gone = upload.fileID.replace('1-合影.png', '2-deleted.png')
    t.emu.clock.set(NOW + HOUR + 10 * 60_000)
    const saved = await t.call(as.secretary, 'meetings', 'writeMinutes', {
      meetingId,
      text: '组织党员到社区开展志愿服务，清理楼道小广告。',
      photos: [upload.fileID, gone],
    })
    expect(saved).toMatchObject({ ok: true })
    for (const persona of [as.secretary, as.member]) {
      const res = await t.call(persona, 'meetings', 'get', { meetingId })
      if (!res.ok || !res.data.minutes) throw new Error(JSON.stringify(res))
      expect(res.data.minutes.photos).toEqual([upload.fileID, gone])
      const [url, missing] = res.data.minutes.photoUrls
      expect(missing).toBeNull()
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//)
      const served = await fetch(url as string)
      expect(served.status).toBe(200)
      expect(Buffer.from(await served.arrayBuffer())).toEqual(PHOTO)
    }
  })
})

describe('record book PDF', () => {
  it('the secretary prints the branch record book; the bureau export renders the same module', async () => {
    const res = await t.call(as.secretary, 'meetings', 'recordBookPdf', {
      branchId: OWN,
      period: '2026-05',
    })
    if (!res.ok) throw new Error(JSON.stringify(res.error))
    expect(res.data.fileName).toMatch(/^三会一课记录本-实验小学党支部-2026-05-.+\.pdf$/)
    const pdf = Buffer.from(await (await fetch(res.data.fileUrl)).arrayBuffer())
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    expect(pdf.toString('latin1')).toMatch(/FontFile2|FontFile3/)
    expect(pdf.length).toBeLessThan(300_000)
    const bureau = await t.call(as.bureau, 'bureau', 'recordBookPdf', {
      branchId: OWN,
      period: '2026-05',
    })
    expect(bureau).toMatchObject({ ok: true })
  })

  it('a secretary cannot print another branch’s book', async () => {
    const res = await t.call(as.secretary, 'meetings', 'recordBookPdf', { branchId: 'org_b_chengguan' })
    expect(res).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } })
  })
})
