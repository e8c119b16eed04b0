import { Text, View } from '@tarojs/components'
import { useReachBottom } from '@tarojs/taro'
import { useMemo, useState } from 'react'
import { Page } from '../../../../components/page'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { call } from '../../../../services/call'
import { type AuditEntry, AuditItem } from '../../components/audit-item'
import { ListFooter } from '../../components/list-footer'
import { usePagedList } from '../../lib/use-paged-list'

const PAGE_SIZE = 20

/** 操作日志 for bureau staff: every roster change, newest first; tap one to see what changed. */
export default function AuditPage() {
  const list = usePagedList<AuditEntry>('audit', (page) => call('roster', 'auditLog', { page, pageSize: PAGE_SIZE }))
  const tree = useAction('roster', 'tree', {})
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set())
  useReachBottom(() => list.loadMore())

  const orgNames = useMemo(
    () => new Map(tree.state === 'ok' ? tree.data.nodes.map((node) => [node.id, node.name]) : []),
    [tree],
  )
  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })

  return (
    <Page>
      <PageState
        query={list.query}
        isEmpty={(data) => data.items.length === 0}
        empty={{ title: '暂无操作记录', hint: '名册的新增、修改、停用、转接和绑定邀请都会记录在这里' }}
      >
        {(data) => (
          <>
            <Text className="list-footer">共 {data.total} 条记录，点击查看修改前后</Text>
            <View className="card" data-testid="audit-list">
              {data.items.map((entry) => (
                <AuditItem
                  key={entry.id}
                  entry={entry}
                  expanded={expanded.has(entry.id)}
                  orgNames={orgNames}
                  onToggle={toggle}
                />
              ))}
            </View>
            <ListFooter list={list} end="没有更早的记录了" />
          </>
        )}
      </PageState>
    </Page>
  )
}
