import type { DemoEmulator } from './demo'

/**
 * The demo's 实验小学 has not held its 2026 组织生活会, so no 整改 item exists: adds one open item
 * the demo member (m_shiyan_06) owns, created the day before `now`.
 */
export async function addOpenRectification(t: DemoEmulator, id: string, now: number): Promise<void> {
  await t.db.collection('rectifications').add({
    data: {
      _id: id,
      tenantId: 't_demo',
      orgLifeId: 'org_b_shiyan:2026',
      branchId: 'org_b_shiyan',
      problem: '联系服务学生家长不够主动',
      measure: '每学期家访不少于十次',
      ownerId: 'm_shiyan_06',
      dueOn: '2026-12-31',
      status: 'open',
      evidence: null,
      closedOn: null,
      createdAt: now - 86_400_000,
    },
  })
}
