import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { PageState } from '../../../components/page-state'
import { call } from '../../../services/call'
import { usePagedList } from '../lib/use-paged-list'
import { type AuditEntry, AuditItem } from './audit-item'
import { ListFooter } from './list-footer'
import './roster.css'

/** 组织沿革: a node's changes, newest first — created, renamed, moved, merged, closed, posts given and taken. */
export function OrgHistory({ orgId }: { orgId: string }) {
  const list = usePagedList<AuditEntry>(orgId, (page) => call('roster', 'orgHistory', { orgId, page, pageSize: 10 }))
  const [expanded, setExpanded] = useState<string | null>(null)
  return (
    <View className="card" data-testid="org-history">
      <Text className="card__title roster-title">组织沿革</Text>
      <PageState
        query={list.query}
        isEmpty={(data) => data.items.length === 0}
        empty={{ title: '暂无变动记录', hint: '新建、更名、调整、合并、撤销和任职变动都会记录在这里' }}
      >
        {() => (
          <>
            {list.query.data?.items.map((entry) => (
              <AuditItem
                key={entry.id}
                entry={entry}
                expanded={expanded === entry.id}
                onToggle={(id) => setExpanded((current) => (current === id ? null : id))}
              />
            ))}
            <ListFooter list={list} end="没有更早的记录了" />
          </>
        )}
      </PageState>
    </View>
  )
}
