/**
 * The demo's year of study (学习): for each of the eleven months before this
 * one, a reading task for every branch (the 3rd to the 12th) and a 党员集中学习日
 * on the 20th whose check-ins come in a burst that afternoon, a few catching
 * up by the 22nd. Participation is believable: most members study nearly
 * every task, some about half, a few rarely (each member's habit and each
 * check-in come from a generator seeded by the member, so a month reads the
 * same whatever day the demo is seeded on). Ids carry the month ('2026-10').
 */
import {
  addMonthsLocal,
  periodBounds,
  periodKeyOf,
  shanghaiDate,
  shanghaiPeriods,
} from '../../cloudfunctions/domain/time'
import type { CheckinDoc, StudyTaskDoc } from '../../types/study'
import type { DemoBureau } from './demo-bureau'
import { generator, seedOf } from './random'

const HOUR = 3_600_000
const DAY = 24 * HOUR
/** The months before this one that have study: this month's are the current tasks (demo-study.ts). */
export const STUDY_MONTHS = 11
/** The share of members who study mostly, sometimes and rarely, and how often each checks in. */
const HABITS = [
  { share: 0.1, rate: 0.2 }, // rarely
  { share: 0.2, rate: 0.6 }, // sometimes
  { share: 0.7, rate: 0.93 }, // mostly
]
/** A theme per calendar month (index 0 = January). */
const THEMES = [
  '学习《中国共产党纪律处分条例》',
  '学习《中国共产党党员教育管理工作条例》',
  '学习雷锋精神，践行师德规范',
  '学习《中小学教师职业道德规范》',
  '学习党史：五四运动与青年使命',
  '学习《中国共产党支部工作条例（试行）》',
  '庆祝建党纪念日：重温入党誓词',
  '学习《教育强国建设规划纲要》',
  '学习教育家精神，争做大先生',
  '学习新时代爱国主义教育',
  '学习《中国共产党章程》总纲',
  '学习全会精神，谋划来年工作',
]
const NOTES = [
  '认真学习了本期材料，深刻认识到作为党员教师要在教书育人中践行初心使命。',
  '通过学习，进一步增强了“四个意识”，要把学习成果转化为做好班主任工作的实际行动。',
  '结合学科教学写下体会：要把立德树人融入课堂，做学生成长的引路人。',
  '学习后对照检查自身不足，今后要加强理论学习，在教研组中发挥党员先锋模范作用。',
  '集中学习收获很大，要以更高标准要求自己，关心每一位学生，办好人民满意的教育。',
]

export interface StudyYear {
  tasks: StudyTaskDoc[]
  checkins: CheckinDoc[]
}

export function studyYear(bureau: DemoBureau, now: number): StudyYear {
  const tenantId = bureau.tenants[0]._id
  const branchIds = bureau.orgs.filter((org) => org.kind === 'branch').map((org) => org._id)
  const publisher = bureau.members.find((member) => member.grants.some((grant) => grant.role === 'bureau_staff'))
  const members = bureau.members.filter((member) => member.branchId && member.status === 'active')
  const habit = new Map(
    members.map((member) => {
      const draw = generator(seedOf(member._id))()
      let upTo = 0
      const found = HABITS.find((candidate) => {
        upTo += candidate.share
        return draw < upTo
      })
      return [member._id, (found ?? HABITS[HABITS.length - 1]).rate]
    }),
  )
  const thisMonth = periodBounds(periodKeyOf(now, 'month')).start
  const tasks: StudyTaskDoc[] = []
  const checkins: CheckinDoc[] = []
  for (let ago = STUDY_MONTHS; ago >= 1; ago--) {
    const monthStart = addMonthsLocal(thisMonth, -ago)
    const month = periodKeyOf(monthStart, 'month')
    const theme = THEMES[Number(month.slice(5)) - 1]
    const day = (n: number) => shanghaiDate(monthStart + (n - 1) * DAY)
    const base = {
      tenantId,
      branchIds,
      memberIds: null,
      minNoteLength: 15,
      publishedBy: publisher?._id ?? 'seed',
      publishedByName: publisher?.name ?? '教育局党委',
    }
    const reading: StudyTaskDoc = {
      ...base,
      _id: `st_demo_${month}_read`,
      title: theme,
      content: {
        text: `${theme}，结合本职工作写下学习心得。`,
        link: 'https://www.12371.cn/',
        videoLink: null,
        fileID: null,
        fileName: null,
      },
      startsOn: day(3),
      dueOn: day(12),
      collectiveDay: false,
      publishedAt: monthStart + 2 * DAY + 8 * HOUR,
    }
    const collective: StudyTaskDoc = {
      ...base,
      _id: `st_demo_${month}_day`,
      title: `党员集中学习日：${theme}`,
      content: {
        text: '各支部组织党员集中学习，交流学习体会。',
        link: null,
        videoLink: null,
        fileID: null,
        fileName: null,
      },
      startsOn: day(20),
      dueOn: day(22),
      collectiveDay: true,
      publishedAt: monthStart + 15 * DAY + 9 * HOUR,
    }
    tasks.push(reading, collective)
    for (const member of members) {
      const random = generator(seedOf(`${month}:${member._id}`))
      const rate = habit.get(member._id) ?? 0
      // Reading: some evening between the 3rd and the 12th.
      if (random() < rate) {
        checkins.push(
          checkinOf(
            reading,
            member._id,
            member.branchId as string,
            monthStart +
              (2 + Math.floor(random() * 10)) * DAY +
              (19 + Math.floor(random() * 3)) * HOUR +
              Math.floor(random() * 60) * 60_000,
            random,
          ),
        )
      }
      // 集中学习日: the afternoon of the 20th for nearly everyone who comes, a few by the 22nd.
      if (random() < Math.min(1, rate + 0.05)) {
        const late = random() < 0.1 ? (1 + Math.floor(random() * 2)) * DAY + 5 * HOUR : 0
        checkins.push(
          checkinOf(
            collective,
            member._id,
            member.branchId as string,
            monthStart + 19 * DAY + 15 * HOUR + Math.floor(random() * 120) * 60_000 + late,
            random,
          ),
        )
      }
    }
  }
  return { tasks, checkins }
}

function checkinOf(
  task: StudyTaskDoc,
  memberId: string,
  branchId: string,
  at: number,
  random: () => number,
): CheckinDoc {
  return {
    _id: `${task._id}:${memberId}`,
    tenantId: task.tenantId,
    taskId: task._id,
    memberId,
    branchId,
    note: NOTES[Math.floor(random() * NOTES.length)],
    photos: [],
    at,
    day: shanghaiPeriods(at).day,
    updatedAt: at,
  }
}
