import type { Me } from '../../../types/roster'
import {
  ASSESSMENT_ROUND_PAGE,
  AUDIT_PAGE,
  assessmentBranchPageUrl,
  branchPageUrl,
  DUES_BUREAU_PAGE,
  developmentPageUrl,
  duesBranchPageUrl,
  OVERVIEW_PAGE,
  overseenBranchesPageUrl,
  PIPELINE_PAGE,
  TREE_PAGE,
  transfersPageUrl,
} from '../../lib/routes'

/** One link in 我的 → 管理. */
export interface ManageEntry {
  key:
    | 'branch-roster'
    | 'development'
    | 'dues'
    | 'transfers'
    | 'dues-overseen'
    | 'transfers-overseen'
    | 'org-tree'
    | 'audit-log'
    | 'bureau'
    | 'pipeline'
    | 'dues-bureau'
    | 'assessment'
  title: string
  hint: string
  url: string
}

/**
 * What the caller may manage, by role: their own branch's roster (secretary and
 * committee), the organisation tree (those who look across branches), the audit
 * log (bureau staff). A plain member gets none, and 我的 shows no 管理 section.
 */
export function manageEntriesFor(me: Me): ManageEntry[] {
  const has = (role: Me['roles'][number]) => me.roles.includes(role)
  const entries: ManageEntry[] = []
  if (me.branch && (has('branch_secretary') || has('branch_committee'))) {
    entries.push({
      key: 'branch-roster',
      title: '本支部党员名册',
      hint: has('branch_secretary') ? '新增、编辑、批量导入党员，生成绑定邀请' : '查看、导出本支部党员名册',
      url: branchPageUrl(me.branch.id),
    })
  }
  if (me.branch && (has('branch_secretary') || has('branch_committee'))) {
    entries.push({
      key: 'development',
      title: '发展党员',
      hint: has('branch_secretary')
        ? '入党申请人到预备党员的培养进度、待办和材料'
        : '本支部发展党员的培养进度和考察记录',
      url: developmentPageUrl(me.branch.id),
    })
    entries.push({
      key: 'dues',
      title: '党费收缴',
      hint: has('branch_secretary') ? '每月收缴情况、记录交纳、核定基数、欠缴提醒' : '本支部每月党费收缴情况',
      url: duesBranchPageUrl(me.branch.id),
    })
  }
  // 组织关系转接 of their own branch; bureau staff see the county's (below).
  if (me.branch && !has('bureau_staff') && (has('branch_secretary') || has('branch_committee'))) {
    entries.push({
      key: 'transfers',
      title: '组织关系转接',
      hint: has('branch_secretary') ? '转出县外开具介绍信、登记回执，转入报到，流动党员' : '本支部转出、转入和流动党员',
      url: transfersPageUrl(me.branch.id),
    })
  }
  if (has('bureau_staff') || has('general_branch_secretary') || has('instructor')) {
    entries.push({
      key: 'org-tree',
      title: '组织架构',
      hint: has('bureau_staff') ? '各级党组织及党员人数，全县名册导入导出' : '各级党组织及党员人数',
      url: TREE_PAGE,
    })
  }
  if (has('bureau_staff') || has('instructor')) {
    entries.push({
      key: 'bureau',
      title: '党建督导',
      hint: has('bureau_staff') ? '三会一课落实情况、积分排行、学习参与与导出' : '所联系支部的三会一课、积分与学习情况',
      url: OVERVIEW_PAGE,
    })
  }
  if (has('bureau_staff') || has('general_branch_secretary') || has('instructor')) {
    entries.push({
      key: 'assessment',
      title: '五星支部考核',
      hint: has('bureau_staff') ? '考核细则、年度考核、评分与发布' : '所联系支部的考核得分与排名',
      url: ASSESSMENT_ROUND_PAGE,
    })
  } else if (me.branch && (has('branch_secretary') || has('branch_committee'))) {
    entries.push({
      key: 'assessment',
      title: '五星支部考核',
      hint: has('branch_secretary') ? '本支部得分、失分原因，填写自评并提交' : '本支部得分与失分原因',
      url: assessmentBranchPageUrl(me.branch.id),
    })
  }
  if (has('bureau_staff') || has('general_branch_secretary') || has('instructor')) {
    entries.push({
      key: 'pipeline',
      title: has('bureau_staff') ? '发展党员统计' : '发展党员（所辖支部）',
      hint: has('bureau_staff')
        ? '各支部各阶段人数、逾期事项和年度发展情况，导出登记册'
        : has('general_branch_secretary')
          ? '党总支各支部的发展党员进度、逾期事项，导出登记册'
          : '所联系支部的发展党员进度和逾期事项',
      url: PIPELINE_PAGE,
    })
  }
  // 总支书记 keep the dues and transfers of the branches under their 党总支; 党建指导员 read those of the
  // branches they guide (domain.md: guide and read, not manage). Both pick the branch first.
  if (!has('bureau_staff') && (has('general_branch_secretary') || has('instructor'))) {
    const manages = has('general_branch_secretary')
    entries.push({
      key: 'dues-overseen',
      title: '党费收缴（所辖支部）',
      hint: manages ? '党总支各支部每月收缴情况、记录交纳、欠缴提醒' : '所联系支部每月党费收缴情况',
      url: overseenBranchesPageUrl('dues'),
    })
    entries.push({
      key: 'transfers-overseen',
      title: '组织关系转接（所辖支部）',
      hint: manages ? '党总支各支部转出县外、转入报到和流动党员' : '所联系支部的转出、转入和流动党员',
      url: overseenBranchesPageUrl('transfers'),
    })
  }
  if (has('bureau_staff')) {
    entries.push({
      key: 'dues-bureau',
      title: '党费收缴率',
      hint: '各支部逐月收缴率、连续6个月未交党员、党费交纳标准',
      url: DUES_BUREAU_PAGE,
    })
    entries.push({
      key: 'transfers',
      title: '组织关系转接',
      hint: '全县未办结的转出、转入介绍信，过期的在前；流动党员',
      url: transfersPageUrl(null),
    })
    entries.push({ key: 'audit-log', title: '操作日志', hint: '名册的每一次修改', url: AUDIT_PAGE })
  }
  return entries
}
