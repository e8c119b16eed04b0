import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect } from 'react'
import { ListItem } from '../../../../components/list-item'
import { Page } from '../../../../components/page'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { type OverseenTarget, overseenTargetOf, TARGETS } from '../../lib/overseen-branches'
import '../../components/lifecycle.css'

/**
 * 所辖支部 (?to=dues|transfers): the branches a 总支书记 (under their 党总支) or a 党建指导员 (those they
 * guide) may look into, each opening its 党费收缴 or 组织关系转接. The list is the organisation tree the
 * caller may see (roster.tree answers by the same branch access every lifecycle action checks), so a
 * branch offered here is one the next page answers.
 */
export default function OverseenBranchesPage() {
  const target: OverseenTarget = overseenTargetOf(useRouter().params.to)
  const tree = useAction('roster', 'tree', {})
  const { title, hint, urlOf } = TARGETS[target]
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title })
  }, [title])
  return (
    <Page>
      <PageState
        query={tree}
        isEmpty={(data) => !data.nodes.some((node) => node.kind === 'branch')}
        empty={{ title: '没有所辖支部', hint: '任职范围由教育局党委在“任职与权限”中设置' }}
      >
        {({ nodes }) => {
          const nameOf = new Map(nodes.map((node) => [node.id, node.name]))
          const branches = nodes.filter((node) => node.kind === 'branch' && node.status === 'active')
          return (
            <View className="card" data-testid="overseen-branches">
              <Text className="card__title">{hint}</Text>
              {branches.map((branch) => (
                <ListItem
                  key={branch.id}
                  testId="overseen-branch"
                  title={branch.name}
                  meta={[
                    branch.parentId ? (nameOf.get(branch.parentId) ?? null) : null,
                    `${branch.memberCount} 名党员`,
                  ]}
                  onClick={() => Taro.navigateTo({ url: urlOf(branch.id) })}
                />
              ))}
            </View>
          )
        }}
      </PageState>
    </Page>
  )
}
