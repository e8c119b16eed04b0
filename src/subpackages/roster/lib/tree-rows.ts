import type { OrgNode } from '../../../../types/roster'

/** One line of the indented 组织架构: a node and how deep it sits. */
export interface TreeRow {
  node: OrgNode
  depth: number
}

/**
 * The tree as lines in reading order (parent before its children, siblings in
 * the server's order). Nodes whose parent the caller cannot see start at the top.
 */
export function treeRows(nodes: readonly OrgNode[]): TreeRow[] {
  const ids = new Set(nodes.map((node) => node.id))
  const children = new Map<string | null, OrgNode[]>()
  for (const node of nodes) {
    const parent = node.parentId && ids.has(node.parentId) ? node.parentId : null
    children.set(parent, [...(children.get(parent) ?? []), node])
  }
  const rows: TreeRow[] = []
  const visit = (parent: string | null, depth: number) => {
    for (const node of children.get(parent) ?? []) {
      rows.push({ node, depth })
      visit(node.id, depth + 1)
    }
  }
  visit(null, 0)
  return rows
}

/** The 党小组 of one branch, for the group picker. */
export function groupsOf(branchId: string, nodes: readonly OrgNode[]): OrgNode[] {
  return nodes.filter((node) => node.kind === 'group' && node.parentId === branchId)
}

/** A 联合支部 covers two or more schools. */
export const isJoint = (node: Pick<OrgNode, 'kind' | 'schools'>) => node.kind === 'branch' && node.schools.length >= 2

/** 石门小学、青山小学、河口教学点 */
export const schoolNames = (node: Pick<OrgNode, 'schools'>) => node.schools.map((school) => school.name).join('、')

/** 党支部, or 联合支部 when it covers several schools. */
export function kindLabel(node: OrgNode): string {
  switch (node.kind) {
    case 'committee':
      return '党委'
    case 'general_branch':
      return '党总支'
    case 'branch':
      return isJoint(node) ? '联合支部' : '党支部'
    case 'group':
      return '党小组'
  }
}
