import { useAction } from '../../hooks/use-action'
import { PickerField } from '../form-field'
import { PageState } from '../page-state'

interface BranchMemberPickerProps {
  branchId: string
  memberId: string | null
  onPick: (memberId: string | null) => void
  /** A first choice meaning nobody (暂不设组长); without it a member must be chosen. */
  noneLabel?: string
  testId?: string
}

/** One active member of a branch (a branch keeps at most about fifty, one read), chosen from the platform's picker. */
export function BranchMemberPicker({ branchId, memberId, onPick, noneLabel, testId }: BranchMemberPickerProps) {
  const members = useAction('roster', 'listMembers', { branchId, page: 1, pageSize: 50, includeInactive: false })
  return (
    <PageState query={members}>
      {({ items }) => {
        const offset = noneLabel ? 1 : 0
        const index = items.findIndex((member) => member.id === memberId)
        return (
          <PickerField
            testId={testId}
            range={[...(noneLabel ? [noneLabel] : []), ...items.map((member) => member.name)]}
            index={index + offset}
            text={items[index]?.name ?? null}
            placeholder={items.length ? (noneLabel ?? '请选择党员') : '该支部还没有党员'}
            onPick={(i) => onPick(items[i - offset]?.id ?? null)}
          />
        )
      }}
    </PageState>
  )
}
