import type { ReactNode } from 'react'
import { PageState } from '../../../components/page-state'
import { useAction } from '../../../hooks/use-action'
import type { BranchRoster } from './meeting-fields'

/** The branch's roster (members, 党小组 with 组长, committee, 列席 prospects) a meeting form picks from. */
export function WithRoster({
  branchId,
  children,
}: {
  branchId: string
  children: (roster: BranchRoster) => ReactNode
}) {
  const roster = useAction('meetings', 'scopeMembers', { branchId })
  return <PageState query={roster}>{children}</PageState>
}
