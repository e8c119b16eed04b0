import type { Me } from '../../../../types/roster'

export interface YearlyEntry {
  key: 'talks' | 'org-life' | 'org-life-mine' | 'appraisal' | 'report' | 'year' | 'report-round' | 'settings'
  title: string
  hint: string
}

/**
 * What 年度工作 offers the caller: everyone in a branch their talks and the 民主评议; the
 * branch's secretary and committee the branch's pages (coverage, the 组织生活会 steps, running
 * the round), addressed by their own branch; those who look across branches the year view.
 */
export function yearlyEntriesFor(me: Me): { ownBranch: string | null; items: YearlyEntry[] } {
  const has = (role: Me['roles'][number]) => me.roles.includes(role)
  const runsBranch = me.branch !== null && (has('branch_secretary') || has('branch_committee'))
  const items: YearlyEntry[] = []
  if (me.branch) {
    items.push({
      key: 'talks',
      title: '谈心谈话',
      hint: runsBranch ? '记录谈话，查看本支部谈话覆盖情况' : '记录和查看我参加的谈心谈话',
    })
    items.push({
      key: 'appraisal',
      title: '民主评议党员',
      hint: runsBranch ? '组织民主评议，查看投票进度和测评结果' : '个人自评、民主测评投票和我的评议等次',
    })
  }
  if (me.branch) {
    items.push({ key: 'org-life-mine', title: '我的组织生活会', hint: '会前提意见，撰写对照检查，整改事项' })
    items.push({
      key: 'report',
      title: '书记述职',
      hint: has('branch_secretary') ? '提交本支部书记抓党建述职报告' : '阅读并评价本支部书记的述职',
    })
  }
  if (runsBranch) {
    items.push({ key: 'org-life', title: '组织生活会', hint: '征求意见、对照检查、召开会议、整改和报告的进度' })
  }
  if (has('bureau_staff') || has('general_branch_secretary') || has('instructor')) {
    items.push({ key: 'year', title: '年度工作总览', hint: '各支部谈心谈话、组织生活会、民主评议和述职情况' })
  }
  if (has('bureau_staff')) {
    items.push({ key: 'report-round', title: '述职汇总', hint: '开始述职，查看和评价各支部述职，导出汇总' })
    items.push({ key: 'settings', title: '年度工作设置', hint: '组织生活会主题，民主评议优秀比例' })
  }
  return { ownBranch: runsBranch ? (me.branch?.id ?? null) : null, items }
}
