import { duesBranchPageUrl, transfersPageUrl } from '../../../lib/routes'

/** Where a branch picked on 所辖支部 leads. */
export type OverseenTarget = 'dues' | 'transfers'

export const TARGETS: Record<OverseenTarget, { title: string; hint: string; urlOf: (branchId: string) => string }> = {
  dues: { title: '党费收缴（所辖支部）', hint: '选择支部，查看每月收缴情况', urlOf: duesBranchPageUrl },
  transfers: { title: '组织关系转接（所辖支部）', hint: '选择支部，查看转出、转入和流动党员', urlOf: transfersPageUrl },
}

/** The page's ?to=, 党费 unless it names transfers. */
export const overseenTargetOf = (to: string | undefined): OverseenTarget => (to === 'transfers' ? 'transfers' : 'dues')
