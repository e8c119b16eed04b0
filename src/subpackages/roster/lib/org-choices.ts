import { ORG_KIND_LABELS, SCHOOL_TYPE_LABELS } from '../../../../types/labels'
import type { OrgNode, TreeNode } from '../../../../types/roster'
import type { Choice } from '../components/choice-list'
import type { DirectoryBranch } from '../components/transfer-targets'
import { isJoint } from './tree-rows'

/** 学校：石门小学（小学）、河口教学点（教学点） */
export function schoolsLine(node: Pick<OrgNode, 'schools'>): string {
  return node.schools.map((school) => `${school.name}（${SCHOOL_TYPE_LABELS[school.type]}）`).join('、')
}

/** 党总支, 党支部, 联合支部, 党小组 */
export function nodeKindLabel(node: Pick<OrgNode, 'kind' | 'schools'>): string {
  return isJoint(node) ? '联合支部' : ORG_KIND_LABELS[node.kind]
}

const open = (node: TreeNode) => node.status === 'active'

/**
 * Where what a closing node holds may go: a branch's members to any other open
 * branch of the county (as a 组织关系转接, from the branch directory); a
 * group's members to another group of its branch, or to none ('' here); a
 * 党总支's branches to the 党委 or another 党总支.
 */
export function closeDestinations(
  node: TreeNode,
  nodes: readonly TreeNode[],
  directory: readonly DirectoryBranch[] | null,
): Choice[] {
  switch (node.kind) {
    case 'branch':
      return (directory ?? []).filter((branch) => branch.id !== node.id).map((b) => ({ id: b.id, title: b.name }))
    case 'group':
      return [
        ...nodes
          .filter((n) => n.kind === 'group' && open(n) && n.parentId === node.parentId && n.id !== node.id)
          .map((n) => ({ id: n.id, title: n.name, hint: `${n.memberCount} 人` })),
        { id: '', title: '暂不编入党小组', hint: '由支部书记稍后编入' },
      ]
    case 'general_branch':
      return nodes
        .filter((n) => (n.kind === 'committee' || n.kind === 'general_branch') && open(n) && n.id !== node.id)
        .map((n) => ({ id: n.id, title: n.name }))
    case 'committee':
      return []
  }
}

/** Nodes of the same kind the caller may also change (groups: of the same branch), to merge into. */
export function mergeTargets(node: TreeNode, nodes: readonly TreeNode[]): Choice[] {
  return nodes
    .filter(
      (n) =>
        n.kind === node.kind &&
        open(n) &&
        n.id !== node.id &&
        n.may.change &&
        (node.kind !== 'group' || n.parentId === node.parentId),
    )
    .map((n) => ({ id: n.id, title: n.name, hint: `${n.memberCount} 人` }))
}

/** Where a branch may move: the 党委 or an open 党总支, other than where it is. */
export function moveParents(node: TreeNode, nodes: readonly TreeNode[]): Choice[] {
  return nodes
    .filter((n) => (n.kind === 'committee' || n.kind === 'general_branch') && open(n) && n.id !== node.parentId)
    .map((n) => ({ id: n.id, title: n.name }))
}

/** What the node holds, said before closing it. */
export function contentsLine(node: TreeNode, nodes: readonly TreeNode[]): string {
  if (node.kind === 'general_branch') {
    const branches = nodes.filter((n) => n.parentId === node.id && open(n)).length
    return branches ? `该党总支下有 ${branches} 个党支部，请选择它们转到哪里：` : '该党总支下已没有党支部。'
  }
  if (node.memberCount === 0) return `该${nodeKindLabel(node)}已没有党员，撤销后历史记录保留。`
  return node.kind === 'group'
    ? `该党小组有 ${node.memberCount} 名党员，请选择他们编入的党小组：`
    : `该支部有 ${node.memberCount} 名党员，请选择他们转入的党支部（按组织关系转接记录）：`
}
