import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { TreeNode } from '../../../../../types/roster'
import { ConfirmDialog } from '../../../../components/confirm-dialog'
import { LinkRow } from '../../../../components/link-row'
import { Page } from '../../../../components/page'
import { EmptyState, PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { useOnReturn } from '../../../../hooks/use-on-return'
import { useSubmit } from '../../../../hooks/use-submit'
import { branchPageUrl, editOrgPageUrl, newOrgPageUrl, orgPageUrl, postsPageUrl } from '../../../../lib/routes'
import { call } from '../../../../services/call'
import { ChoiceList } from '../../components/choice-list'
import { OrgHistory } from '../../components/org-history'
import type { DirectoryBranch } from '../../components/transfer-targets'
import {
  closeDestinations,
  contentsLine,
  mergeTargets,
  moveParents,
  nodeKindLabel,
  schoolsLine,
} from '../../lib/org-choices'
import '../../components/roster.css'

const CREATE_LABELS = { general_branch: '新建党总支', branch: '新建党支部', group: '新建党小组' } as const

/** 组织管理: one node — what it is, what is under it, what the caller may do with it, and its history. */
export default function OrgPage() {
  const orgId = useRouter().params.orgId ?? ''
  const tree = useAction('roster', 'tree', {})
  // Back from creating or editing: show the tree as it is now.
  useOnReturn(() => tree.reload())
  return (
    <Page>
      <PageState query={tree}>
        {({ nodes }) => {
          const node = nodes.find((n) => n.id === orgId)
          return node ? (
            <OrgView node={node} nodes={nodes} onChanged={tree.reload} />
          ) : (
            <EmptyState title="未找到该党组织" hint="可能已被撤销，或不在您可查看的范围内" />
          )
        }}
      </PageState>
    </Page>
  )
}

type Dialog = 'none' | 'close' | 'merge' | 'move'

function OrgView({ node, nodes, onChanged }: { node: TreeNode; nodes: TreeNode[]; onChanged: () => void }) {
  const [dialog, setDialog] = useState<Dialog>('none')
  const [chosen, setChosen] = useState<string | null>(null)
  const [directory, setDirectory] = useState<DirectoryBranch[] | null>(null)
  const [historyKey, setHistoryKey] = useState(0)
  const parent = nodes.find((n) => n.id === node.parentId)
  const children = nodes.filter((n) => n.parentId === node.id && n.status === 'active')
  const closed = node.status === 'closed'

  useEffect(() => {
    Taro.setNavigationBarTitle({ title: node.name })
  }, [node.name])

  const openDialog = (which: Dialog) => {
    setChosen(null)
    setDialog(which)
    if (which === 'close' && node.kind === 'branch' && directory === null) {
      call('roster', 'branchDirectory', {}).then((result) => setDirectory(result.ok ? result.data.branches : []))
    }
  }
  const done = () => {
    setDialog('none')
    onChanged()
    setHistoryKey((n) => n + 1)
  }
  const closing = useSubmit(
    (reason: string) => call('roster', 'closeOrg', { orgId: node.id, reason, to: chosen ? chosen : null }),
    { toast: (result) => `已撤销${result.movedMembers ? `，${result.movedMembers} 名党员已转出` : ''}`, onDone: done },
  )
  const merging = useSubmit((intoId: string) => call('roster', 'mergeOrg', { orgId: node.id, intoId }), {
    toast: (result) => `已并入${result.into.name}`,
    onDone: (result) => {
      setDialog('none')
      Taro.redirectTo({ url: orgPageUrl(result.into.id) })
    },
  })
  const moving = useSubmit((parentId: string) => call('roster', 'moveOrg', { orgId: node.id, parentId }), {
    toast: '已调整隶属关系',
    onDone: done,
  })

  const hasContents = node.kind === 'general_branch' ? children.length > 0 : node.memberCount > 0
  const destinations = closeDestinations(node, nodes, directory)
  const needsDestination = hasContents && node.kind !== 'group'

  return (
    <View data-testid="org-page" data-org-id={node.id}>
      <View className="card" data-testid="org-head">
        <View className="org-node__title">
          <Text className="org-page__name" data-testid="org-name">
            {node.name}
          </Text>
          <Text className="tag tag--plain">{nodeKindLabel(node)}</Text>
          {closed ? <Text className="tag tag--warn">已撤销</Text> : null}
        </View>
        {parent ? <Text className="muted">上级：{parent.name}</Text> : null}
        {node.schools.length ? (
          <Text className="muted" data-testid="org-schools">
            {node.schools.length > 1 ? '覆盖学校' : '学校'}：{schoolsLine(node)}
          </Text>
        ) : null}
        {node.kind === 'group' ? (
          <Text className="muted" data-testid="org-leader">
            组长：{node.leader?.name ?? '未设'}
          </Text>
        ) : null}
        <Text className="muted">党员 {node.memberCount} 人</Text>
      </View>

      {node.kind === 'branch' && !closed ? (
        <View className="card">
          <LinkRow
            testId="org-roster"
            title="党员名册"
            hint="新增、导入、邀请绑定"
            onClick={() => Taro.navigateTo({ url: branchPageUrl(node.id) })}
          />
          <LinkRow
            testId="org-posts"
            title="支委会与党小组组长"
            hint="书记、副书记、委员的任免"
            onClick={() => Taro.navigateTo({ url: postsPageUrl(node.id) })}
          />
        </View>
      ) : null}

      {node.kind !== 'group' && !closed ? (
        <View className="card" data-testid="org-children">
          <Text className="card__title roster-title">下级组织</Text>
          {children.length === 0 ? <Text className="muted">暂无下级组织</Text> : null}
          {children.map((child) => (
            <LinkRow
              key={child.id}
              testId="org-child"
              title={child.name}
              hint={`${nodeKindLabel(child)} · ${child.memberCount} 人${child.leader ? ` · 组长 ${child.leader.name}` : ''}`}
              onClick={() => Taro.navigateTo({ url: orgPageUrl(child.id) })}
            />
          ))}
          {node.may.create.length ? (
            <View className="btn-row org-page__create">
              {node.may.create.map((kind) => (
                <Text
                  key={kind}
                  className="chip"
                  data-testid={`org-create-${kind}`}
                  onClick={() => Taro.navigateTo({ url: newOrgPageUrl(node.id, kind) })}
                >
                  ＋ {CREATE_LABELS[kind]}
                </Text>
              ))}
            </View>
          ) : null}
        </View>
      ) : null}

      {node.may.change || node.may.move ? (
        <View className="card" data-testid="org-actions">
          <Text className="card__title roster-title">管理</Text>
          {node.may.change ? (
            <LinkRow
              testId="org-edit"
              title="修改信息"
              hint={node.kind === 'group' ? '名称、组长' : node.kind === 'branch' ? '名称、学校及类型' : '名称'}
              onClick={() => Taro.navigateTo({ url: editOrgPageUrl(node.id) })}
            />
          ) : null}
          {node.may.move ? (
            <LinkRow
              testId="org-move"
              title="调整隶属关系"
              hint="改到党委或其他党总支下"
              onClick={() => openDialog('move')}
            />
          ) : null}
          {node.may.change ? (
            <LinkRow
              testId="org-merge"
              title="合并"
              hint="并入同级组织，党员随之转入"
              onClick={() => openDialog('merge')}
            />
          ) : null}
          {node.may.change ? (
            <LinkRow testId="org-close" title="撤销" hint="不删除任何记录" danger onClick={() => openDialog('close')} />
          ) : null}
        </View>
      ) : null}

      <OrgHistory key={historyKey} orgId={node.id} />

      <ConfirmDialog
        visible={dialog === 'close'}
        title={`撤销${nodeKindLabel(node)}`}
        message={contentsLine(node, nodes)}
        confirmLabel="确认撤销"
        danger
        reason={{ label: '撤销原因', placeholder: '如：学校撤并、机构调整', minLength: 2 }}
        busy={closing.busy}
        confirmDisabled={needsDestination && !chosen}
        onConfirm={closing.submit}
        onCancel={() => setDialog('none')}
      >
        {hasContents ? (
          node.kind === 'branch' && directory === null ? (
            <Text className="transfer-empty">正在加载支部列表…</Text>
          ) : (
            <ChoiceList
              testId="close-destinations"
              choices={destinations}
              chosen={chosen ?? (node.kind === 'group' ? '' : null)}
              onChoose={setChosen}
              empty="没有可以转入的组织，请先新建"
            />
          )
        ) : null}
      </ConfirmDialog>
      <ConfirmDialog
        visible={dialog === 'merge'}
        title={`将${node.name}并入`}
        message="合并后本组织撤销，党员和下级组织转入所选组织，记录保留。"
        confirmLabel="确认合并"
        danger
        busy={merging.busy}
        confirmDisabled={!chosen}
        onConfirm={() => chosen && merging.submit(chosen)}
        onCancel={() => setDialog('none')}
      >
        <ChoiceList
          testId="merge-targets"
          choices={mergeTargets(node, nodes)}
          chosen={chosen}
          onChoose={setChosen}
          empty="没有可以并入的同级组织"
        />
      </ConfirmDialog>
      <ConfirmDialog
        visible={dialog === 'move'}
        title="调整隶属关系"
        message={`将${node.name}调整到：`}
        confirmLabel="确认调整"
        busy={moving.busy}
        confirmDisabled={!chosen}
        onConfirm={() => chosen && moving.submit(chosen)}
        onCancel={() => setDialog('none')}
      >
        <ChoiceList
          testId="move-parents"
          choices={moveParents(node, nodes)}
          chosen={chosen}
          onChoose={setChosen}
          empty="没有其他可以调整到的上级组织"
        />
      </ConfirmDialog>
    </View>
  )
}
