import { Button, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { OutputOf } from '../../../../../types/api'
import { POST_KINDS, type PostKind } from '../../../../../types/assessment'
import type { Me } from '../../../../../types/roster'
import { BranchMemberPicker } from '../../../../components/branch-member-picker'
import { ConfirmDialog } from '../../../../components/confirm-dialog'
import { FormField, TextAreaField, TypedField, TypeOrPick } from '../../../../components/form-field'
import { ListItem } from '../../../../components/list-item'
import { Page } from '../../../../components/page'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { useSubmit } from '../../../../hooks/use-submit'
import { useRequestId } from '../../../../lib/request-id'
import { dateKey } from '../../../../lib/time'
import { call } from '../../../../services/call'
import { RecordForm } from '../../components/record-form'
import { ENGAGEMENT_MANAGERS, POST_KIND_LABELS } from '../../lib/labels'
import '../../components/assessment.css'

type Post = OutputOf<'assessment', 'listDesignations'>['items'][number]

/**
 * 党员示范岗 / 先锋岗 / 责任区: the caller's own posts with 记录履诺, the
 * branch's posts in force, and for its secretary 设岗定责 and 结束岗位.
 */
export default function PostsPage() {
  const me = useAction('roster', 'me', {})
  const named = useRouter().params.branchId
  return (
    <Page>
      <PageState query={me}>
        {(caller) => <PostsView me={caller} branchId={named ?? caller.branch?.id ?? null} />}
      </PageState>
    </Page>
  )
}

function PostsView({ me, branchId }: { me: Me; branchId: string | null }) {
  const mine = useAction('assessment', 'listDesignations', { branchId: null, asOf: null })
  const manages = me.roles.some((role) => (ENGAGEMENT_MANAGERS as readonly string[]).includes(role))
  const [recording, setRecording] = useState<string | null>(null)
  return (
    <View>
      <PageState query={mine}>
        {({ items }) => (
          <View className="card" data-testid="posts-mine">
            <Text className="card__title">我的岗位</Text>
            {items.length === 0 ? <Text className="muted">您目前没有担任示范岗、先锋岗或责任区。</Text> : null}
            {items.map((post) => (
              <ListItem
                key={post.id}
                testId="posts-mine-row"
                title={post.post}
                badges={<Text className="tag tag--info">{POST_KIND_LABELS[post.kind]}</Text>}
                meta={[`承诺：${post.commitment}`, `${post.from} 至 ${post.to} · 已记录履诺 ${post.deeds} 次`]}
              >
                {recording === post.id ? (
                  <RecordForm
                    label="履诺情况"
                    placeholder="写明做了什么、帮助了谁、有什么成效"
                    testId="deed-form"
                    toast="履诺情况已记录"
                    send={(record) => call('assessment', 'recordDeed', { ...record, designationId: post.id })}
                    onDone={() => {
                      setRecording(null)
                      mine.reload()
                    }}
                    onCancel={() => setRecording(null)}
                  />
                ) : (
                  <Text className="chip" data-testid="posts-record-deed" onClick={() => setRecording(post.id)}>
                    记录履诺
                  </Text>
                )}
              </ListItem>
            ))}
          </View>
        )}
      </PageState>
      {branchId ? <BranchPosts branchId={branchId} manages={manages} onChange={mine.reload} /> : null}
    </View>
  )
}

function BranchPosts({ branchId, manages, onChange }: { branchId: string; manages: boolean; onChange: () => void }) {
  const list = useAction('assessment', 'listDesignations', { branchId, asOf: null })
  const [ending, setEnding] = useState<Post | null>(null)
  const endingCall = useSubmit(
    (post: Post) => call('assessment', 'endDesignation', { designationId: post.id, on: dateKey(Date.now()) }),
    {
      toast: '岗位已结束',
      onDone: () => {
        setEnding(null)
        list.reload()
      },
      onRefused: () => setEnding(null),
    },
  )
  return (
    <View>
      <PageState query={list}>
        {({ items }) => (
          <View className="card" data-testid="posts-branch">
            <Text className="card__title">{`本支部示范岗、先锋岗和责任区（${items.length}）`}</Text>
            {items.length === 0 ? <Text className="muted">本支部还没有设岗定责。</Text> : null}
            {items.map((post) => (
              <ListItem
                key={post.id}
                testId="posts-branch-row"
                title={`${post.name} · ${post.post}`}
                badges={<Text className="tag tag--plain">{POST_KIND_LABELS[post.kind]}</Text>}
                meta={[`承诺：${post.commitment}`, `${post.from} 至 ${post.to} · 履诺 ${post.deeds} 次`]}
              >
                {manages ? (
                  <Text className="chip" data-testid="posts-end" onClick={() => setEnding(post)}>
                    结束岗位
                  </Text>
                ) : null}
              </ListItem>
            ))}
          </View>
        )}
      </PageState>
      {manages ? (
        <DesignateForm
          branchId={branchId}
          onDone={() => {
            list.reload()
            onChange()
          }}
        />
      ) : null}
      <ConfirmDialog
        visible={ending !== null}
        title="结束岗位"
        message={ending ? `${ending.name}的“${ending.post}”将于今天结束，履诺记录保留。` : ''}
        confirmLabel="确认结束"
        danger
        busy={endingCall.busy}
        onConfirm={() => ending && endingCall.submit(ending)}
        onCancel={() => setEnding(null)}
      />
    </View>
  )
}

const FIELDS = ['memberId', 'kind', 'post', 'commitment', 'from', 'to'] as const

/** 设岗定责: a member, the kind of post, its name, the member's 承诺 and the period (a school year by default). */
function DesignateForm({ branchId, onDone }: { branchId: string; onDone: () => void }) {
  const today = dateKey(Date.now())
  const [requestId, renew] = useRequestId()
  const [memberId, setMemberId] = useState<string | null>(null)
  const [kind, setKind] = useState<PostKind>('model_post')
  const [post, setPost] = useState('')
  const [commitment, setCommitment] = useState('')
  const [from, setFrom] = useState(today)
  const [to, setTo] = useState(dateKey(Date.now(), 364))
  const saving = useSubmit(
    () =>
      call('assessment', 'designatePost', { requestId, memberId: memberId ?? '', kind, post, commitment, from, to }),
    {
      fields: FIELDS,
      toast: '已设岗',
      onDone: () => {
        renew()
        setMemberId(null)
        setPost('')
        setCommitment('')
        onDone()
      },
    },
  )
  return (
    <View className="card" data-testid="designate-form">
      <Text className="card__title">设岗定责</Text>
      <FormField label="党员" required error={saving.errors.fields.memberId}>
        <BranchMemberPicker testId="designate-member" branchId={branchId} memberId={memberId} onPick={setMemberId} />
      </FormField>
      <FormField label="类别" required error={saving.errors.fields.kind}>
        <View className="chips">
          {POST_KINDS.map((key) => (
            <Text
              key={key}
              className={`chip${kind === key ? ' chip--on' : ''}`}
              data-testid={`designate-kind-${key}`}
              onClick={() => setKind(key)}
            >
              {POST_KIND_LABELS[key]}
            </Text>
          ))}
        </View>
      </FormField>
      <FormField label="岗位名称" required error={saving.errors.fields.post}>
        <TypedField testId="designate-post" placeholder="如：初三年级教学示范岗" value={post} onInput={setPost} />
      </FormField>
      <FormField label="承诺" required hint="不少于10个字" error={saving.errors.fields.commitment}>
        <TextAreaField
          testId="designate-commitment"
          value={commitment}
          onInput={setCommitment}
          maxlength={500}
          placeholder="如：每周为学困生义务辅导一次，带头上好公开课"
        />
      </FormField>
      <FormField label="开始日期" required error={saving.errors.fields.from}>
        <TypeOrPick mode="date" testId="designate-from" placeholder="YYYY-MM-DD" value={from} onChange={setFrom} />
      </FormField>
      <FormField label="结束日期" required error={saving.errors.fields.to}>
        <TypeOrPick mode="date" testId="designate-to" placeholder="YYYY-MM-DD" value={to} onChange={setTo} />
      </FormField>
      {saving.errors.general ? (
        <Text className="field-error" data-testid="designate-error">
          {saving.errors.general}
        </Text>
      ) : null}
      <Button
        className="btn btn--primary"
        data-testid="designate-submit"
        loading={saving.busy}
        disabled={!memberId || saving.busy || undefined}
        onClick={() => saving.submit()}
      >
        设岗
      </Button>
    </View>
  )
}
