import { Text, View } from '@tarojs/components'
import type { OrgNode } from '../../../../types/roster'
import { isJoint, kindLabel, schoolNames, treeRows } from '../lib/tree-rows'
import './roster.css'

interface OrgTreeProps {
  nodes: readonly OrgNode[]
  onOpenBranch: (branchId: string) => void
  /** The 党委, a 党总支, a 党小组 or a closed node opens its 组织管理 page, when given. */
  onOpenNode?: (orgId: string) => void
}

/** 组织架构: 党委 → 党总支 → 党支部/联合支部 → 党小组, indented, with active members per node. */
export function OrgTree({ nodes, onOpenBranch, onOpenNode }: OrgTreeProps) {
  return (
    <View className="card org-tree" data-testid="org-tree">
      {treeRows(nodes).map(({ node, depth }) => {
        const branch = node.kind === 'branch' && node.status === 'active'
        const open = branch ? () => onOpenBranch(node.id) : onOpenNode ? () => onOpenNode(node.id) : undefined
        return (
          <View
            key={node.id}
            className={`org-node divided org-node--${node.kind} org-node--depth-${Math.min(depth, 4)}`}
            data-testid="org-node"
            data-node-id={node.id}
            data-kind={node.kind}
            onClick={open}
          >
            <View className="org-node__main">
              <View className="org-node__title">
                <Text className="org-node__name" data-testid="org-node-name">
                  {node.name}
                </Text>
                {isJoint(node) ? <Text className="tag tag--plain">{kindLabel(node)}</Text> : null}
                {node.status === 'closed' ? <Text className="tag tag--plain">已撤销</Text> : null}
              </View>
              {isJoint(node) ? (
                <Text className="org-node__schools" data-testid="org-node-schools">
                  覆盖学校：{schoolNames(node)}
                </Text>
              ) : null}
              {node.leader ? <Text className="org-node__schools">组长：{node.leader.name}</Text> : null}
            </View>
            <Text className="org-node__count" data-testid="org-node-count">
              {node.memberCount} 人
            </Text>
            {open ? <Text className="org-node__chevron">›</Text> : null}
          </View>
        )
      })}
    </View>
  )
}
