import { fireEvent, render, screen, within } from '@testing-library/react'
import { OrgTree } from '../../src/subpackages/roster/components/org-tree'
import { treeRows } from '../../src/subpackages/roster/lib/tree-rows'
import type { OrgNode } from '../../types/roster'

const node = (
  id: string,
  kind: OrgNode['kind'],
  name: string,
  parentId: string | null,
  memberCount: number,
  schools: string[] = [],
): OrgNode => ({
  id,
  kind,
  name,
  parentId,
  schools: schools.map((name) => ({ name, type: 'primary' })),
  leader: null,
  status: 'active',
  memberCount,
})

// The server sends nodes shallowest first; children must still land under their parent.
const nodes: OrgNode[] = [
  node('c', 'committee', '示例县教育局党委', null, 29),
  node('gb', 'general_branch', '第一中学党总支', 'c', 12),
  node('b_shanqu', 'branch', '山区学校联合支部', 'c', 7, ['石门小学', '青山小学', '河口教学点']),
  node('b_high', 'branch', '第一中学高中部党支部', 'gb', 12),
  node('g_shimen', 'group', '石门小学党小组', 'b_shanqu', 4),
  node('g_high1', 'group', '高一年级党小组', 'b_high', 12),
]

const rowOf = (name: string) =>
  screen
    .getAllByTestId('org-node')
    .find((el) => within(el).getByTestId('org-node-name').textContent === name) as HTMLElement

describe('组织架构', () => {
  test('reads 党委 → 党总支 → 党支部 → 党小组, each under its parent', () => {
    expect(treeRows(nodes).map(({ node, depth }) => `${depth}:${node.name}`)).toEqual([
      '0:示例县教育局党委',
      '1:第一中学党总支',
      '2:第一中学高中部党支部',
      '3:高一年级党小组',
      '1:山区学校联合支部',
      '2:石门小学党小组',
    ])
  })

  test('every node shows its active member count', () => {
    render(<OrgTree nodes={nodes} onOpenBranch={jest.fn()} />)
    expect(within(rowOf('示例县教育局党委')).getByTestId('org-node-count').textContent).toBe('29 人')
    expect(within(rowOf('第一中学党总支')).getByTestId('org-node-count').textContent).toBe('12 人')
    expect(within(rowOf('石门小学党小组')).getByTestId('org-node-count').textContent).toBe('4 人')
  })

  test('a 联合支部 is labelled so and lists the schools it covers; a school branch does not', () => {
    render(<OrgTree nodes={nodes} onOpenBranch={jest.fn()} />)
    const joint = rowOf('山区学校联合支部')
    expect(within(joint).getByText('联合支部')).toBeTruthy()
    expect(within(joint).getByTestId('org-node-schools').textContent).toBe('覆盖学校：石门小学、青山小学、河口教学点')
    const school = rowOf('第一中学高中部党支部')
    expect(within(school).queryByTestId('org-node-schools')).toBeNull()
    expect(within(school).queryByText('联合支部')).toBeNull()
  })

  test('a branch opens its roster; the committee and groups do not (without a node page they are not links)', () => {
    const onOpenBranch = jest.fn()
    render(<OrgTree nodes={nodes} onOpenBranch={onOpenBranch} />)
    fireEvent.click(rowOf('示例县教育局党委'))
    fireEvent.click(rowOf('高一年级党小组'))
    expect(onOpenBranch).not.toHaveBeenCalled()
    fireEvent.click(rowOf('山区学校联合支部'))
    expect(onOpenBranch).toHaveBeenCalledWith('b_shanqu')
  })

  test('with 组织管理 pages, the 党委, a 党总支 and a 党小组 open theirs; a branch still opens its roster', () => {
    const onOpenBranch = jest.fn()
    const onOpenNode = jest.fn()
    render(<OrgTree nodes={nodes} onOpenBranch={onOpenBranch} onOpenNode={onOpenNode} />)
    fireEvent.click(rowOf('示例县教育局党委'))
    fireEvent.click(rowOf('第一中学党总支'))
    fireEvent.click(rowOf('高一年级党小组'))
    fireEvent.click(rowOf('山区学校联合支部'))
    expect(onOpenNode.mock.calls.map(([id]) => id)).toEqual(['c', 'gb', 'g_high1'])
    expect(onOpenBranch.mock.calls).toEqual([['b_shanqu']])
  })

  test('a secretary who sees only their branch gets it at the top', () => {
    const own = [
      node('b_high', 'branch', '第一中学高中部党支部', 'gb', 12),
      node('g_high1', 'group', '高一年级党小组', 'b_high', 12),
    ]
    expect(treeRows(own).map(({ depth }) => depth)).toEqual([0, 1])
  })
})
