/**
 * Demo study tasks: the year's (demo-study-year.ts), and this month's — one
 * open this week for every branch, one past (with a few check-ins) for 实验小学.
 */
import { addDays, shanghaiDate } from '../../cloudfunctions/domain/time'
import type { CheckinDoc, StudyTaskDoc } from '../../types/study'
import type { DemoBureau } from './demo-bureau'
import type { SeedBatch, SeedOptions } from './demo-parts'
import { type StudyYear, studyYear } from './demo-study-year'

const DAY = 86_400_000

export function demoStudy(bureau: DemoBureau, now: number, options: SeedOptions): SeedBatch[] {
  const { tasks, checkins } = demoStudyFacts(bureau, now, options)
  return [
    ['study_tasks', tasks],
    ['study_checkins', checkins],
  ]
}

/** Every demo task and check-in: the points part pays the check-ins as the study function's events. */
export function demoStudyFacts(bureau: DemoBureau, now: number, { history }: SeedOptions): StudyYear {
  const year = history ? studyYear(bureau, now) : { tasks: [], checkins: [] }
  const current = currentWeeks(bureau, now)
  return { tasks: [...year.tasks, ...current.tasks], checkins: [...year.checkins, ...current.checkins] }
}

function currentWeeks(bureau: DemoBureau, now: number): StudyYear {
  const tenantId = bureau.tenants[0]._id
  const today = shanghaiDate(now)
  const branchIds = bureau.orgs.filter((org) => org.kind === 'branch').map((org) => org._id)
  const publisher = bureau.members.find((member) => member.grants.some((grant) => grant.role === 'bureau_staff'))
  const base = {
    tenantId,
    memberIds: null,
    minNoteLength: 15,
    publishedBy: publisher?._id ?? 'seed',
    publishedByName: publisher?.name ?? '教育局党委',
  }
  const open: StudyTaskDoc = {
    ...base,
    _id: 'st_demo_open',
    title: '学习《中国共产党章程》',
    content: {
      text: '请认真学习党章总纲和第一章“党员”，结合教育教学工作写下学习心得。',
      link: 'https://www.12371.cn/special/zggcdzc/',
      videoLink: null,
      // Filled in once seed.ts has uploaded the document (DEMO_FILES).
      fileID: null,
      fileName: '《中国共产党章程》学习材料.pdf',
    },
    startsOn: addDays(today, -2),
    dueOn: addDays(today, 5),
    branchIds,
    collectiveDay: false,
    publishedAt: now - 2 * DAY,
  }
  const past: StudyTaskDoc = {
    ...base,
    _id: 'st_demo_past',
    title: '党员集中学习日：学习贯彻全会精神',
    content: { text: '集中学习全会公报，交流学习体会。', link: null, videoLink: null, fileID: null, fileName: null },
    startsOn: addDays(today, -14),
    dueOn: addDays(today, -10),
    branchIds: ['org_b_shiyan'],
    collectiveDay: true,
    publishedAt: now - 14 * DAY,
  }
  const checkins: CheckinDoc[] = bureau.members
    .filter((member) => member.branchId === 'org_b_shiyan')
    .slice(0, 6)
    .map((member) => {
      const at = now - 12 * DAY
      return {
        _id: `${past._id}:${member._id}`,
        tenantId,
        taskId: past._id,
        memberId: member._id,
        branchId: 'org_b_shiyan',
        note: '通过集中学习，深刻理解了全会精神，要在教书育人中践行初心使命。',
        photos: [],
        at,
        day: shanghaiDate(at),
        updatedAt: at,
      }
    })
  return { tasks: [open, past], checkins }
}

/**
 * Files the demo's documents point at, uploaded by seed.ts before the
 * documents are written: the open task's study material, a PDF made once with
 * the pdf function's writer and font (scripts/seed/assets/).
 */
export const DEMO_FILES = [
  {
    asset: 'demo-study-material.pdf',
    cloudPath: 'study/t_demo/m_bureau_01/demo-study-material.pdf',
    collection: 'study_tasks',
    id: 'st_demo_open',
    field: 'content.fileID',
  },
]
