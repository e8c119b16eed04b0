import { Input, Text, View } from '@tarojs/components'
import Taro, { useReachBottom, useRouter } from '@tarojs/taro'
import { useEffect, useMemo, useState } from 'react'
import type { MemberRow } from '../../../../../types/roster'
import { LinkRow } from '../../../../components/link-row'
import { EmptyState, PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { useOnReturn } from '../../../../hooks/use-on-return'
import { importPageUrl, memberPageUrl, modelPostsPageUrl, newMemberPageUrl, orgPageUrl } from '../../../../lib/routes'
import { call } from '../../../../services/call'
import { ListFooter } from '../../components/list-footer'
import { MemberRowView } from '../../components/member-row'
import { type BranchAccess, RosterToolbar } from '../../components/roster-toolbar'
import { isJoint, kindLabel, schoolNames } from '../../lib/tree-rows'
import { usePagedList } from '../../lib/use-paged-list'
import { useRosterExport } from '../../lib/use-roster-export'
import './index.css'
import { Page } from '../../../../components/page'

const PAGE_SIZE = 20
const SEARCH_DELAY_MS = 300

/** 党员名册 of one branch: search by name or 拼音首字母, page through, export; managers add and import members. */
export default function BranchPage() {
  const branchId = useRouter().params.branchId ?? ''
  const me = useAction('roster', 'me', {})
  const tree = useAction('roster', 'tree', {})
  const [typed, setTyped] = useState('')
  const [search, setSearch] = useState('')
  const [includeInactive, setIncludeInactive] = useState(false)
  const [refresh, setRefresh] = useState(0)
  // listMembers says whether the caller manages this branch or only reads it.
  const [access, setAccess] = useState<BranchAccess | null>(null)
  const { exporting, exportRoster } = useRosterExport()

  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), SEARCH_DELAY_MS)
    return () => clearTimeout(timer)
  }, [typed])

  // Coming back from a member's page (added, edited, deactivated) shows the roster as it is now.
  useOnReturn(() => setRefresh((n) => n + 1))

  const list = usePagedList<MemberRow>(JSON.stringify({ branchId, search, includeInactive, refresh }), async (page) => {
    const result = await call('roster', 'listMembers', {
      branchId,
      page,
      pageSize: PAGE_SIZE,
      includeInactive,
      ...(search ? { search } : {}),
    })
    if (result.ok) setAccess(result.data.access)
    return result
  })
  useReachBottom(() => list.loadMore())

  const nodes = tree.state === 'ok' ? tree.data.nodes : null
  const branch = nodes?.find((node) => node.id === branchId) ?? null
  const groupNames = useMemo(
    () => new Map((nodes ?? []).filter((node) => node.kind === 'group').map((node) => [node.id, node.name])),
    [nodes],
  )
  const manages = access === 'manage'

  return (
    <Page>
      <PageState query={me}>
        {() => (
          <>
            <View className="branch-head card" data-testid="branch-head">
              <View className="branch-head__title">
                <Text className="branch-head__name" data-testid="branch-name">
                  {branch?.name ?? (tree.state === 'loading' ? '' : '党员名册')}
                </Text>
                {branch ? <Text className="tag tag--plain">{kindLabel(branch)}</Text> : null}
              </View>
              {branch && isJoint(branch) ? <Text className="muted">覆盖学校：{schoolNames(branch)}</Text> : null}
              <LinkRow
                testId="branch-org"
                title="支部组织设置"
                hint="党小组、支委会任免、组织沿革"
                onClick={() => Taro.navigateTo({ url: orgPageUrl(branchId) })}
              />
              <LinkRow
                testId="branch-model-posts"
                title="党员示范岗"
                hint="本支部的示范岗、先锋岗、责任区和承诺"
                onClick={() => Taro.navigateTo({ url: modelPostsPageUrl(branchId) })}
              />
              <View className="branch-head__bar">
                <Text className="branch-head__total" data-testid="branch-total">
                  {list.query.state === 'ok' ? `共 ${list.query.data.total} 人` : '　'}
                </Text>
                <Text
                  className={`chip${includeInactive ? ' chip--on' : ''}`}
                  data-testid="toggle-inactive"
                  onClick={() => setIncludeInactive((on) => !on)}
                >
                  {includeInactive ? '✓ ' : ''}含已停用
                </Text>
              </View>
              <RosterToolbar
                scope="branch"
                access={access}
                exporting={exporting}
                onExport={() => exportRoster(branchId)}
                onImport={() => Taro.navigateTo({ url: importPageUrl(branchId) })}
                onAdd={() => Taro.navigateTo({ url: newMemberPageUrl(branchId) })}
              />
            </View>

            <View className="search-box">
              <Text className="search-box__icon">⌕</Text>
              <Input
                className="search-box__input"
                data-testid="member-search"
                value={typed}
                maxlength={20}
                confirmType="search"
                placeholder="搜索姓名或拼音首字母，如 wjg"
                onInput={(event: { detail: { value: string } }) => setTyped(event.detail.value)}
              />
              {typed ? (
                <Text className="search-box__clear" onClick={() => setTyped('')}>
                  ✕
                </Text>
              ) : null}
            </View>

            <PageState query={list.query}>
              {(data) =>
                data.items.length === 0 ? (
                  <EmptyState
                    title={search ? `没有找到“${search}”` : '本支部暂无党员'}
                    hint={
                      search
                        ? '请检查姓名或拼音首字母'
                        : manages
                          ? '点击“新增党员”逐个登记，或用“批量导入”上传花名册'
                          : undefined
                    }
                  />
                ) : (
                  <>
                    <View className="card member-list" data-testid="member-list">
                      {data.items.map((member) => (
                        <MemberRowView
                          key={member.id}
                          member={member}
                          groupName={member.groupId ? (groupNames.get(member.groupId) ?? null) : null}
                          onOpen={(memberId) => Taro.navigateTo({ url: memberPageUrl(memberId) })}
                        />
                      ))}
                    </View>
                    <ListFooter list={list} end={`已显示全部 ${data.total} 人`} />
                  </>
                )
              }
            </PageState>
          </>
        )}
      </PageState>
    </Page>
  )
}
