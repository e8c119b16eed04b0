import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { COMMITTEE_POSITION_LABELS } from '../../../../../types/labels'
import type { BranchPosts } from '../../../../../types/org'
import { COMMITTEE_POSITIONS, type CommitteePosition } from '../../../../../types/roster'
import { ConfirmDialog } from '../../../../components/confirm-dialog'
import { FormField, PickerField } from '../../../../components/form-field'
import { ListItem } from '../../../../components/list-item'
import { Page } from '../../../../components/page'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { useOnReturn } from '../../../../hooks/use-on-return'
import { useSubmit } from '../../../../hooks/use-submit'
import { editOrgPageUrl } from '../../../../lib/routes'
import { call } from '../../../../services/call'
import '../../components/roster.css'

/**
 * 支委会与党小组组长 of one branch: who holds each seat, appointing and
 * relieving (one 书记 per branch, appointed by the organisation above), and
 * each 党小组's 组长.
 */
export default function PostsPage() {
  const branchId = useRouter().params.branchId ?? ''
  const posts = useAction('roster', 'branchPosts', { branchId })
  const roster = useAction('roster', 'listMembers', { branchId, page: 1, pageSize: 50, includeInactive: false })
  useOnReturn(() => posts.reload())
  return (
    <Page>
      <PageState query={posts}>
        {(data) => (
          <PostsView
            posts={data}
            manages={roster.state === 'ok' && roster.data.access === 'manage'}
            members={roster.state === 'ok' ? roster.data.items : []}
            onChanged={posts.reload}
          />
        )}
      </PageState>
    </Page>
  )
}

interface PostsViewProps {
  posts: BranchPosts
  manages: boolean
  members: readonly { id: string; name: string; committeePosition: CommitteePosition | null }[]
  onChanged: () => void
}

function PostsView({ posts, manages, members, onChanged }: PostsViewProps) {
  const [memberId, setMemberId] = useState<string | null>(null)
  const [position, setPosition] = useState<CommitteePosition>('organization')
  const [relieving, setRelieving] = useState<BranchPosts['committee'][number] | null>(null)
  const appointing = useSubmit(
    (id: string, to: CommitteePosition | null) => call('roster', 'appointCommittee', { memberId: id, position: to }),
    {
      toast: (_, __, to) => (to ? '已任命' : '已免去职务'),
      onDone: () => {
        setRelieving(null)
        setMemberId(null)
        onChanged()
      },
      onRefused: () => setRelieving(null),
    },
  )
  const candidates = members.filter((member) => member.committeePosition !== position)
  const chosenIndex = candidates.findIndex((member) => member.id === memberId)

  return (
    <View data-testid="posts-page">
      <Text className="member-page__context">{posts.branchName}</Text>
      <View className="card" data-testid="committee-list">
        <Text className="card__title roster-title">支部委员会</Text>
        {posts.committee.length === 0 ? <Text className="muted">尚未设支委职务</Text> : null}
        {posts.committee.map((seat) => (
          <ListItem
            key={seat.memberId}
            testId="committee-seat"
            title={seat.name}
            badges={<Text className="tag tag--info">{COMMITTEE_POSITION_LABELS[seat.position]}</Text>}
          >
            {manages ? (
              <Text className="chip" data-testid="relieve" onClick={() => setRelieving(seat)}>
                免去职务
              </Text>
            ) : null}
          </ListItem>
        ))}
        <Text className="field-hint">党员7人以上的支部设支部委员会（3至5人）；书记由上级党组织任命。</Text>
      </View>

      {manages ? (
        <View className="card" data-testid="appoint-form">
          <Text className="card__title roster-title">任命支委</Text>
          <FormField label="职务">
            <PickerField
              testId="picker-position"
              range={COMMITTEE_POSITIONS.map((p) => COMMITTEE_POSITION_LABELS[p])}
              index={COMMITTEE_POSITIONS.indexOf(position)}
              text={COMMITTEE_POSITION_LABELS[position]}
              onPick={(i) => setPosition(COMMITTEE_POSITIONS[i] ?? 'organization')}
            />
          </FormField>
          <FormField label="党员" hint={members.length ? undefined : '本支部还没有党员，请先在党员名册中新增'}>
            <PickerField
              testId="picker-appointee"
              range={candidates.map((member) => member.name)}
              index={chosenIndex}
              text={candidates[chosenIndex]?.name ?? null}
              placeholder="请选择党员"
              onPick={(i) => setMemberId(candidates[i]?.id ?? null)}
            />
          </FormField>
          <Button
            className="btn btn--primary"
            data-testid="appoint-submit"
            loading={appointing.busy}
            disabled={!memberId || appointing.busy || undefined}
            onClick={() => memberId && appointing.submit(memberId, position)}
          >
            任命
          </Button>
        </View>
      ) : null}

      <View className="card" data-testid="group-leaders">
        <Text className="card__title roster-title">党小组组长</Text>
        {posts.groups.length === 0 ? <Text className="muted">本支部尚未设党小组</Text> : null}
        {posts.groups.map((group) => (
          <ListItem
            key={group.groupId}
            testId="group-leader"
            title={group.name}
            meta={[group.leader ? `组长：${group.leader.name}` : '组长：未设']}
            onClick={manages ? () => Taro.navigateTo({ url: editOrgPageUrl(group.groupId) }) : undefined}
          />
        ))}
      </View>

      <ConfirmDialog
        visible={relieving !== null}
        title="免去职务"
        message={
          relieving
            ? `免去 ${relieving.name} 的${COMMITTEE_POSITION_LABELS[relieving.position]}职务？记录保留在组织沿革中。`
            : ''
        }
        confirmLabel="确认免去"
        danger
        busy={appointing.busy}
        onConfirm={() => relieving && appointing.submit(relieving.memberId, null)}
        onCancel={() => setRelieving(null)}
      />
    </View>
  )
}
