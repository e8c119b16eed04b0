// Study material opened inside the app, through the real SDK against the emulator: the demo task's PDF through a
// short link that serves the document itself, an article's and a video's own links, and 阅读时长 — counted from a
// targeted member's first open by the server's clock, and refusing a check-in only when the task asks for it.
import { as, type DemoEmulator, startDemoEmulator } from './helpers/demo'

let t: DemoEmulator
const at = (iso: string) => new Date(`${iso}+08:00`).getTime()
const NOW = at('2026-05-12T09:00:00')
const MIN = 60_000
const NOTE = '认真学习了党章总纲，要在教书育人中践行初心使命。'

beforeAll(async () => {
  t = await startDemoEmulator({ at: NOW })
}, 60_000)
afterAll(() => t.stop())
afterEach(() => t.emu.clock.set(NOW))

async function publish(content: Record<string, string | null>, minReadMinutes: number) {
  return t.call(as.secretary, 'study', 'publishTask', {
    title: '学习《中国共产党纪律处分条例》',
    content: { text: '请认真学习', ...content },
    startsOn: '2026-05-11',
    dueOn: '2026-05-20',
    minReadMinutes,
  })
}

describe('the demo task’s document', () => {
  it('opens from a short link that serves the PDF, with its name and type', async () => {
    const task = await t.callOk(as.member, 'study', 'getTask', { taskId: 'st_demo_open' })
    expect(task.content.fileName).toBe('《中国共产党章程》学习材料.pdf')
    expect(task.content.fileID).toMatch(/^cloud:\/\/.+\/study\/t_demo\/m_bureau_01\/demo-study-material\.pdf$/)
    const opened = await t.callOk(as.member, 'study', 'openMaterial', { taskId: 'st_demo_open', material: 'document' })
    expect(opened).toMatchObject({ fileName: '《中国共产党章程》学习材料.pdf', fileType: 'pdf', readingSince: NOW })
    const res = await fetch(opened.url)
    expect(res.status).toBe(200)
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-')
    // The article link is the task's own; there is no video.
    expect(
      await t.callOk(as.member, 'study', 'openMaterial', { taskId: 'st_demo_open', material: 'article' }),
    ).toMatchObject({ url: 'https://www.12371.cn/special/zggcdzc/', fileType: null })
    expect(
      await t.call(as.member, 'study', 'openMaterial', { taskId: 'st_demo_open', material: 'video' }),
    ).toMatchObject({ ok: false, error: { code: 'STUDY.NO_MATERIAL' } })
  })

  it('is not for those the task neither targets nor reaches', async () => {
    expect(
      await t.call(as.instructor, 'study', 'openMaterial', { taskId: 'st_demo_past', material: 'document' }),
    ).toMatchObject({ ok: false, error: { code: 'STUDY.TASK_NOT_FOUND' } })
  })
})

describe('阅读时长', () => {
  it('a task asking for 5 minutes takes a check-in only 5 minutes after the member first opened its material', async () => {
    const task = await publish({ link: 'https://mp.weixin.qq.com/s/demo-article' }, 5)
    if (!task.ok) throw new Error(JSON.stringify(task.error))
    const taskId = task.data.id
    expect(task.data.minReadMinutes).toBe(5)
    expect(await t.call(as.member, 'study', 'checkIn', { taskId, note: NOTE })).toMatchObject({
      ok: false,
      error: { code: 'STUDY.READ_TOO_SHORT', message: '请先打开学习材料阅读，满5分钟后再打卡' },
    })
    await t.callOk(as.member, 'study', 'openMaterial', { taskId, material: 'article' })
    t.emu.clock.set(NOW + 3 * MIN)
    // Opening again later does not restart the time.
    expect(await t.callOk(as.member, 'study', 'openMaterial', { taskId, material: 'article' })).toMatchObject({
      readingSince: NOW,
    })
    expect(await t.call(as.member, 'study', 'checkIn', { taskId, note: NOTE })).toMatchObject({
      ok: false,
      error: { code: 'STUDY.READ_TOO_SHORT', message: '已阅读3分钟，满5分钟后可打卡' },
    })
    expect(await t.count('study_checkins', { taskId })).toBe(0)
    t.emu.clock.set(NOW + 5 * MIN)
    expect(await t.call(as.member, 'study', 'checkIn', { taskId, note: NOTE })).toMatchObject({ ok: true })
    expect((await t.callOk(as.member, 'study', 'getTask', { taskId })).readingSince).toBe(NOW)
    expect((await t.callOk('o_demo_m_shiyan_07', 'study', 'getTask', { taskId })).readingSince).toBeNull()
  })

  it('a task that does not ask counts no reading, and one that asks must carry material', async () => {
    const plain = await publish({ videoLink: 'https://example.com/video/lesson.mp4' }, 0)
    if (!plain.ok) throw new Error(JSON.stringify(plain.error))
    expect(await t.call('o_demo_m_shiyan_07', 'study', 'checkIn', { taskId: plain.data.id, note: NOTE })).toMatchObject(
      {
        ok: true,
      },
    )
    const bare = await publish({}, 10)
    expect(bare).toMatchObject({ ok: false, error: { code: 'INPUT.INVALID' } })
    expect(!bare.ok && JSON.stringify(bare.error.details)).toContain('要求阅读时长时，请附上文章、视频或学习材料')
  })
})
