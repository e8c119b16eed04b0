import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { OrgTree } from '../../components/org-tree'
import { branchPageUrl } from '../../lib/urls'

/** 组织架构: the tree the caller may see, each node with its active members; a branch opens its roster. */
export default function TreePage() {
  const tree = useAction('roster', 'tree', {})
  return (
    <View className="page">
      <PageState
        query={tree}
        isEmpty={(data) => data.nodes.length === 0}
        empty={{ title: '暂无可查看的党组织', hint: '如需查看其他支部，请联系教育局党委' }}
      >
        {(data) => (
          <OrgTree nodes={data.nodes} onOpenBranch={(branchId) => Taro.navigateTo({ url: branchPageUrl(branchId) })} />
        )}
      </PageState>
    </View>
  )
}
