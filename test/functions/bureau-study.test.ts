import { as, type DemoEmulator, startDemoEmulator } from './helpers/demo'

let t: DemoEmulator
const at = (iso: string) => new Date(`${iso}T09:00:00+08:00`).getTime()
beforeAll(async () => {
  t = await startDemoEmulator({ at: at('2026-04-01') })
  for (const collection of ['study_tasks', 'study_checkins']) {
    await t.db.collection(collection).where({ tenantId: 't_demo' }).remove()
  }
})
afterAll(() => t.stop())

const NOTE = '学习了本期内容，结合班主任工作写下体会。'

test('tasks page newest first with figures that agree with the branch rows and the branch member list', async () => {
  const ids: string[] = []
  for (const [day, title, branchIds] of [
    ['2026-04-01', '学习党章', null],
    ['2026-04-02', '学习条例', ['org_b_shiyan', 'org_b_chengguan']],
    ['2026-04-03', '集中学习日', null],
  ] as [string, string, string[] | null][]) {
    t.emu.clock.set(at(day))
    const task = await t.callOk(as.bureau, 'study', 'publishTask', {
      title,
      content: { text: '学习材料' },
      startsOn: day,
      dueOn: '2026-04-30',
      branchIds,
    })
    ids.push(task.id)
  }
  t.emu.clock.set(at('2026-04-05'))
  for (const openid of [as.member, as.committee, 'o_demo_m_chengguan_03']) {
    await t.callOk(openid, 'study', 'checkIn', { taskId: ids[1], note: NOTE })
  }

  const first = await t.callOk(as.bureau, 'bureau', 'studyTasks', {
    page: 1,
    pageSize: 2,
  })
  const second = await t.callOk(as.bureau, 'bureau', 'studyTasks', {
    page: 2,
    pageSize: 2,
  })
  expect(first.total).toBe(3)
  expect([...first.items, ...second.items].map((row) => row.title)).toEqual(['集中学习日', '学习条例', '学习党章'])

  const rules = first.items[1]
  const byBranch = await t.callOk(as.bureau, 'bureau', 'studyByBranch', {
    taskId: rules.taskId,
  })
  expect(rules).toEqual(byBranch.task)
  expect(rules).toMatchObject({ branches: 2, checkedIn: 3 })
  expect(rules.targeted).toBe(byBranch.branches.reduce((n, row) => n + row.targeted, 0))

  // The branch row opens study.participation for that branch: the same counts, member by member.
  const shiyan = byBranch.branches.find((row) => row.branchId === 'org_b_shiyan')
  const list = await t.callOk(as.bureau, 'study', 'participation', { taskId: rules.taskId, branchId: 'org_b_shiyan' })
  expect(list.studied.map((row) => row.memberId).sort()).toEqual(['m_shiyan_02', 'm_shiyan_06'])
  expect(list.studied.length + list.notStudied.length).toBe(shiyan?.targeted)
  expect(shiyan?.checkedIn).toBe(2)

  // An instructor sees only the branches assigned to them (山区学校联合支部, 职业中学党支部).
  const theirs = await t.callOk(as.instructor, 'bureau', 'studyTasks', {})
  expect(theirs.items.map((row) => [row.title, row.branches, row.checkedIn])).toEqual([
    ['集中学习日', 2, 0],
    ['学习条例', 0, 0],
    ['学习党章', 2, 0],
  ])
})
