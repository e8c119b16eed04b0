import { Text, View } from '@tarojs/components'
import type { OrgNode } from '../../../../types/roster'
import './roster.css'

export interface DirectoryBranch {
  id: string
  name: string
}

interface TransferTargetsProps {
  /** roster.branchDirectory without the member's current branch; null while it loads. */
  branches: readonly DirectoryBranch[] | null
  /** Why the directory could not be loaded, if it could not. */
  error: string | null
  target: string | null
  /** The chosen branch's 党小组 the caller can see in roster.tree; none when they cannot see it. */
  groups: readonly OrgNode[]
  groupId: string | null
  onPickBranch: (branchId: string) => void
  onPickGroup: (groupId: string | null) => void
}

/** 组织关系转接: any branch of the county, then (if the caller sees it) a 党小组 there. */
export function TransferTargets({
  branches,
  error,
  target,
  groups,
  groupId,
  onPickBranch,
  onPickGroup,
}: TransferTargetsProps) {
  if (error) return <Text className="transfer-empty">{error}</Text>
  if (branches === null) return <Text className="transfer-empty">正在加载支部列表…</Text>
  if (branches.length === 0) return <Text className="transfer-empty">县内没有其他党支部可以转入。</Text>
  return (
    <View>
      <View className="transfer-list" data-testid="transfer-targets">
        {branches.map((branch) => (
          <View
            key={branch.id}
            className={`transfer-option divided${target === branch.id ? ' transfer-option--on' : ''}`}
            data-testid="transfer-target"
            data-branch-id={branch.id}
            onClick={() => onPickBranch(branch.id)}
          >
            <Text>{branch.name}</Text>
            {target === branch.id ? <Text className="transfer-option__check">✓</Text> : null}
          </View>
        ))}
      </View>
      {target && groups.length > 0 ? (
        <View className="transfer-groups" data-testid="transfer-groups">
          <Text className="transfer-groups__label">编入党小组</Text>
          <View className="transfer-groups__chips">
            {[null, ...groups].map((group) => (
              <Text
                key={group?.id ?? 'none'}
                className={`chip${groupId === (group?.id ?? null) ? ' chip--on' : ''}`}
                data-testid="transfer-group"
                onClick={() => onPickGroup(group?.id ?? null)}
              >
                {group?.name ?? '暂不编入'}
              </Text>
            ))}
          </View>
        </View>
      ) : null}
      {target && groups.length === 0 ? (
        <Text className="transfer-empty" data-testid="transfer-no-groups">
          转入后由该支部书记编入党小组。
        </Text>
      ) : null}
    </View>
  )
}
