import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Page } from '../../../../components/page'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { branchPageUrl, importPageUrl } from '../../../../lib/routes'
import { OrgTree } from '../../components/org-tree'
import { RosterToolbar } from '../../components/roster-toolbar'
import { useRosterExport } from '../../lib/use-roster-export'

/**
 * 组织架构: the tree the caller may see, each node with its active members; a branch
 * opens its roster. Bureau staff also export every roster and import for the whole bureau.
 */
export default function TreePage() {
  const tree = useAction('roster', 'tree', {})
  const me = useAction('roster', 'me', {})
  const { exporting, exportRoster } = useRosterExport()
  const bureau = me.state === 'ok' && me.data.roles.includes('bureau_staff')
  return (
    <Page>
      <PageState
        query={tree}
        isEmpty={(data) => data.nodes.length === 0}
        empty={{ title: '暂无可查看的党组织', hint: '如需查看其他支部，请联系教育局党委' }}
      >
        {(data) => (
          <>
            {bureau ? (
              <View className="card tree-tools" data-testid="tree-tools">
                <RosterToolbar
                  scope="bureau"
                  access="manage"
                  exporting={exporting}
                  onExport={() => exportRoster(null)}
                  onImport={() => Taro.navigateTo({ url: importPageUrl(null) })}
                />
              </View>
            ) : null}
            <OrgTree
              nodes={data.nodes}
              onOpenBranch={(branchId) => Taro.navigateTo({ url: branchPageUrl(branchId) })}
            />
          </>
        )}
      </PageState>
    </Page>
  )
}
