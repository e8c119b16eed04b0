/**
 * Demo 组织关系转接 and 流动党员, dated back from the seed's day, in 实验小学 so its secretary's
 * pages show each state: a 介绍信 out of the county awaiting its 回执, a teacher coming in who has
 * not yet reported (报到), and a member teaching elsewhere for a year who takes part in Party life there.
 * One more 流动党员 in 山区学校联合支部, so the instructor who guides it sees one on 所辖支部.
 */
import { addDays, shanghaiDate } from '../../cloudfunctions/domain/time'
import type { FloatingDoc, TransferDoc } from '../../types/lifecycle'
import type { DemoBureau } from './demo-bureau'
import type { SeedBatch } from './demo-parts'

const DAY = 86_400_000

export function demoTransfers(bureau: DemoBureau, now: number): SeedBatch[] {
  const tenantId = bureau.tenants[0]._id
  const today = shanghaiDate(now)
  const secretary = 'm_shiyan_01'
  const nameOf = (id: string) => bureau.members.find((member) => member._id === id)?.name ?? ''
  const letter = {
    tenantId,
    branchId: 'org_b_shiyan',
    status: 'open' as const,
    doneOn: null,
    cancelReason: null,
    createdBy: secretary,
  }
  const transfers: TransferDoc[] = [
    {
      ...letter,
      _id: 'tr_demo_out',
      direction: 'out',
      memberId: 'm_shiyan_09',
      name: nameOf('m_shiyan_09'),
      letterNo: `实党转〔${today.slice(0, 4)}〕3号`,
      counterpart: '杭州市西湖区教育局机关党委',
      issuedOn: addDays(today, -12),
      validDays: 30,
      incoming: null,
      createdAt: now - 12 * DAY,
      updatedAt: now - 12 * DAY,
    },
    {
      ...letter,
      _id: 'tr_demo_in',
      direction: 'in',
      memberId: null,
      name: '林书航',
      letterNo: '鄞教党转〔2026〕17号',
      counterpart: '宁波市鄞州区教育局党委',
      issuedOn: addDays(today, -5),
      validDays: 60,
      incoming: { memberType: 'formal', joinedOn: '2015-06-28', probationEndsOn: null },
      createdAt: now - 4 * DAY,
      updatedAt: now - 4 * DAY,
    },
  ]
  const floating: FloatingDoc[] = [
    {
      _id: 'fl_demo_shiyan_07',
      tenantId,
      memberId: 'm_shiyan_07',
      branchId: 'org_b_shiyan',
      whereabouts: '四川省凉山州昭觉县（支教）',
      hostOrg: '昭觉县民族中学党支部',
      since: addDays(today, -95),
      until: null,
      contact: '支教期间在昭觉县民族中学参加组织生活',
      recordedBy: secretary,
      recordedAt: now - 95 * DAY,
    },
    {
      _id: 'fl_demo_shanqu_06',
      tenantId,
      memberId: 'm_shanqu_06',
      branchId: 'org_b_shanqu',
      whereabouts: '杭州市上城区（跟岗学习）',
      hostOrg: '杭州市上城区教育局机关党委',
      since: addDays(today, -40),
      until: null,
      contact: null,
      recordedBy: 'm_shanqu_01',
      recordedAt: now - 40 * DAY,
    },
  ]
  return [
    ['transfers', transfers],
    ['floating_members', floating],
  ]
}
