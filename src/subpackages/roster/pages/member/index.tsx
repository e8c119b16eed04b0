import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import type { OutputOf } from '../../../../../types/api'
import { ok } from '../../../../../types/result'
import { ERASED_NAME, type MemberFields, type OrgNode } from '../../../../../types/roster'
import { ConfirmDialog } from '../../../../components/confirm-dialog'
import { LinkRow } from '../../../../components/link-row'
import { MemberPosts } from '../../../../components/member-posts'
import { Notice } from '../../../../components/notice'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { useOnReturn } from '../../../../hooks/use-on-return'
import { useSubmit } from '../../../../hooks/use-submit'
import type { FormErrors } from '../../../../lib/form-errors'
import { useRequestId } from '../../../../lib/request-id'
import { invitePageUrl, memberPageUrl } from '../../../../lib/routes'
import { call } from '../../../../services/call'
import { FloatingBadge } from '../../components/floating-badge'
import { MemberDetail } from '../../components/member-detail'
import { BLANK_MEMBER, MemberForm, type MemberFormValues } from '../../components/member-form'
import { MemberTransfers } from '../../components/member-transfers'
import { MembershipHistory } from '../../components/membership-history'
import { OpenInvitations } from '../../components/open-invitations'
import { type DirectoryBranch, TransferTargets } from '../../components/transfer-targets'
import { type MemberFieldKey, saveErrorsOf } from '../../lib/field-errors'
import { type Invitation, keepInvitation } from '../../lib/invitation-store'
import { memberManagement } from '../../lib/member-management'
import { groupsOf } from '../../lib/tree-rows'
import './index.css'
import { Page } from '../../../../components/page'

/** A member as roster.getMember answers: with their branch's name and how far the caller reaches into it. */
type Member = OutputOf<'roster', 'getMember'>

/** 党员信息: ?memberId= to view or edit a member, ?branchId= to add one to a branch. */
export default function MemberPage() {
  const { memberId, branchId } = useRouter().params
  const me = useAction('roster', 'me', {})
  const tree = useAction('roster', 'tree', {})
  return (
    <Page>
      <PageState query={me}>
        {(caller) => (
          <PageState query={tree}>
            {({ nodes }) =>
              memberId ? (
                <ExistingMember memberId={memberId} nodes={nodes} erases={caller.roles.includes('bureau_staff')} />
              ) : (
                <NewMember branchId={branchId ?? ''} nodes={nodes} />
              )
            }
          </PageState>
        )}
      </PageState>
    </Page>
  )
}

/** Editing a field clears its error: the old message no longer describes what is there. */
const clearField = (field: MemberFieldKey) => (errors: FormErrors<MemberFieldKey>) => ({
  ...errors,
  fields: { ...errors.fields, [field]: undefined },
})

function NewMember({ branchId, nodes }: { branchId: string; nodes: OrgNode[] }) {
  // listMembers answers whether the caller manages the branch; one row is enough to ask.
  const roster = useAction('roster', 'listMembers', { branchId, page: 1, pageSize: 1, includeInactive: false })
  return (
    <PageState query={roster}>
      {({ access }) =>
        access === 'manage' ? (
          <NewMemberForm branchId={branchId} nodes={nodes} />
        ) : (
          <Notice testId="member-notice" text="只有本支部书记或上级党组织可以新增党员。" />
        )
      }
    </PageState>
  )
}

function NewMemberForm({ branchId, nodes }: { branchId: string; nodes: OrgNode[] }) {
  const branch = nodes.find((node) => node.id === branchId)
  useEffect(() => {
    Taro.setNavigationBarTitle({ title: '新增党员' })
  }, [])
  // One request id per intent: a save retried after a network error adds the member once.
  const [requestId] = useRequestId()
  const saving = useSubmit((fields: MemberFields) => call('roster', 'addMember', { ...fields, branchId, requestId }), {
    fields: saveErrorsOf,
    toast: '已新增党员',
    onDone: (added) => Taro.redirectTo({ url: memberPageUrl(added.id) }),
  })
  return (
    <>
      <Text className="member-page__context">新增到：{branch?.name ?? '本支部'}</Text>
      <MemberForm
        initial={BLANK_MEMBER}
        groups={groupsOf(branchId, nodes)}
        errors={saving.errors.fields}
        generalError={saving.errors.general}
        saving={saving.busy}
        submitLabel="保存"
        onSubmit={saving.submit}
        onEdit={(field) => saving.setErrors(clearField(field))}
      />
    </>
  )
}

/** `erases`: the caller is bureau staff, who alone may erase a departed member's personal data. */
function ExistingMember({ memberId, nodes, erases }: { memberId: string; nodes: OrgNode[]; erases: boolean }) {
  const loaded = useAction('roster', 'getMember', { memberId })
  return (
    <PageState query={loaded}>{(member) => <MemberEditor initial={member} nodes={nodes} erases={erases} />}</PageState>
  )
}

type Dialog = 'none' | 'deactivate' | 'transfer' | 'unbind' | 'erase' | { revoke: Invitation }

function MemberEditor({ initial, nodes, erases }: { initial: Member; nodes: OrgNode[]; erases: boolean }) {
  const [member, setMember] = useState<Member>(initial)
  const [dialog, setDialog] = useState<Dialog>('none')
  const closeDialog = () => setDialog('none')

  const { editable, invites, unbinds } = memberManagement(member)
  const groupName = nodes.find((node) => node.id === member.groupId)?.name ?? null
  const invitations = useOpenInvitations(member.id, invites)
  const transfer = useTransferTarget(member.branchId, nodes)
  // Back from 登记流动党员 (or a 返回 recorded elsewhere): the badge as the roster has it now. Mounted after
  // the page first showed, so every show here is a return; only the badge is taken, never unsaved edits.
  useDidShow(() => {
    void call('roster', 'getMember', { memberId: member.id }).then((reread) => {
      if (reread.ok) setMember((current) => ({ ...current, floating: reread.data.floating }))
    })
  })

  const saving = useSubmit(
    (fields: MemberFields) => call('roster', 'updateMember', { ...fields, memberId: member.id }),
    {
      fields: saveErrorsOf,
      toast: '已保存',
      onDone: (saved) => setMember({ ...member, ...saved }),
    },
  )
  const deactivating = useSubmit(
    (reason: string) => call('roster', 'deactivateMember', { memberId: member.id, reason }),
    {
      toast: '已停用',
      onDone: (saved) => {
        closeDialog()
        setMember({ ...member, ...saved })
      },
      onRefused: closeDialog,
    },
  )
  const moving = useSubmit(
    async (toBranchId: string) => {
      const moved = await call('roster', 'transferMember', {
        memberId: member.id,
        toBranchId,
        toGroupId: transfer.groupId,
      })
      if (!moved.ok) return moved
      // The new branch may be one the caller only reads, or not at all: ask again how far they reach.
      const reread = await call('roster', 'getMember', { memberId: member.id })
      const toName = transfer.nameOf(toBranchId)
      return ok(reread.ok ? reread.data : { ...member, ...moved.data, branchName: toName, access: 'read' as const })
    },
    {
      toast: (moved) => `已转入${moved.branchName ?? '新支部'}`,
      onDone: (moved) => {
        closeDialog()
        setMember(moved)
      },
      onRefused: closeDialog,
    },
  )
  const [inviteRequest, renewInviteRequest] = useRequestId()
  const inviting = useSubmit(
    () => call('roster', 'createInvitation', { memberId: member.id, requestId: inviteRequest }),
    {
      onDone: (invitation) => {
        renewInviteRequest()
        view(invitation)
      },
    },
  )
  const revokingCall = useSubmit(
    (invitation: Invitation) => call('roster', 'revokeInvitation', { code: invitation.code }),
    {
      toast: '邀请已撤销',
      onDone: () => {
        closeDialog()
        invitations.reload()
      },
      onRefused: () => {
        closeDialog()
        invitations.reload()
      },
    },
  )
  const unbinding = useSubmit((reason: string) => call('roster', 'unbindMember', { memberId: member.id, reason }), {
    toast: '已解除绑定',
    onDone: (saved) => {
      closeDialog()
      setMember({ ...member, ...saved })
    },
    onRefused: closeDialog,
  })
  const erasing = useSubmit((reason: string) => call('roster', 'erasePersonalData', { memberId: member.id, reason }), {
    toast: '已删除个人信息',
    onDone: (saved) => {
      closeDialog()
      setMember({ ...member, ...saved })
    },
    onRefused: closeDialog,
  })
  const busy =
    saving.busy ||
    deactivating.busy ||
    moving.busy ||
    inviting.busy ||
    revokingCall.busy ||
    unbinding.busy ||
    erasing.busy

  const view = (invitation: Invitation) => {
    keepInvitation(invitation)
    Taro.navigateTo({ url: invitePageUrl(invitation.code, member.id) })
  }

  const revoking = typeof dialog === 'object' ? dialog.revoke : null

  return (
    <View data-testid="member-page" data-member-id={member.id}>
      <View className="member-page__head">
        <Text className="member-page__name" data-testid="member-name">
          {member.name}
        </Text>
        <Text className={`tag ${member.bound ? 'tag--ok' : 'tag--plain'}`} data-testid="member-bound">
          {member.bound ? '已绑定微信' : '未绑定'}
        </Text>
        {member.status === 'inactive' ? <Text className="tag tag--plain">已停用</Text> : null}
        <FloatingBadge floating={member.floating} testId="member-floating-badge" />
      </View>
      <Text className="member-page__context">{member.branchName ?? '未编入支部'}</Text>
      {member.floating ? (
        <Text className="member-page__context" data-testid="member-floating-where">
          {`外出在${member.floating.whereabouts}，${member.floating.hostOrg ? `在${member.floating.hostOrg}参加组织生活` : '流入地党组织未填写'}`}
        </Text>
      ) : null}

      {editable ? (
        <MemberForm
          key={`${member.id}-${member.branchId}`}
          initial={formValuesOf(member)}
          groups={member.branchId ? groupsOf(member.branchId, nodes) : []}
          errors={saving.errors.fields}
          generalError={saving.errors.general}
          saving={saving.busy}
          submitLabel="保存修改"
          onSubmit={saving.submit}
          onEdit={(field) => saving.setErrors(clearField(field))}
        />
      ) : (
        <MemberDetail member={member} groupName={groupName} />
      )}

      {invites ? <LockedInvitations items={invitations.locked} /> : null}

      {invites ? (
        <OpenInvitations
          items={invitations.items}
          busyCode={revokingCall.pending?.[0].code ?? null}
          onView={view}
          onRevoke={(invitation) => setDialog({ revoke: invitation })}
        />
      ) : null}

      {member.branchId ? (
        <MemberPosts member={{ id: member.id, branchId: member.branchId }} title="党员示范岗" testId="member-posts" />
      ) : null}

      <MembershipHistory memberId={member.id} key={`${member.branchId}-${member.status}`} />

      <MemberTransfers memberId={member.id} manages={editable && member.status === 'active'} />

      {editable ? (
        <View className="card member-actions" data-testid="member-actions">
          <Text className="card__title">管理</Text>
          {invites ? (
            <LinkRow
              testId="action-invite"
              title={invitations.items.length > 0 ? '再生成一个绑定邀请' : '生成绑定邀请'}
              hint="邀请本人绑定微信，7天内有效"
              disabled={busy}
              onClick={() => inviting.submit()}
            />
          ) : null}
          {unbinds ? (
            <LinkRow
              testId="action-unbind"
              title="解除绑定"
              hint="更换手机或微信、微信被他人使用时，解除后重新邀请绑定"
              danger
              disabled={busy}
              onClick={() => setDialog('unbind')}
            />
          ) : null}
          <LinkRow
            testId="action-transfer"
            title="组织关系转接"
            hint="转入县内其他党支部，原记录保留"
            disabled={busy}
            onClick={() => {
              transfer.open()
              setDialog('transfer')
            }}
          />
          <LinkRow
            testId="action-deactivate"
            title="停用"
            hint="出党、去世等情形，历史记录保留"
            danger
            disabled={busy}
            onClick={() => setDialog('deactivate')}
          />
        </View>
      ) : null}

      <ConfirmDialog
        visible={dialog === 'deactivate'}
        title={`停用党员 ${member.name}`}
        message="停用后该党员不再计入名册，其微信将无法再以党员身份使用；历史记录保留。"
        confirmLabel="确认停用"
        danger
        reason={{ label: '停用原因', placeholder: '如：组织关系转出县外、去世', minLength: 2 }}
        busy={deactivating.busy}
        onConfirm={deactivating.submit}
        onCancel={() => setDialog('none')}
      />
      {erases && member.status === 'inactive' && member.access === 'manage' && member.name !== ERASED_NAME ? (
        <View className="card member-actions" data-testid="member-erase">
          <Text className="card__title roster-title">个人信息</Text>
          <LinkRow
            testId="action-erase"
            title="删除个人信息"
            hint="已停用党员：姓名改为“已删除党员”，删除手机号、入党日期、微信绑定和本人填写的内容；考勤、积分等统计保留"
            danger
            disabled={busy}
            onClick={() => setDialog('erase')}
          />
        </View>
      ) : null}

      <ConfirmDialog
        visible={dialog === 'erase'}
        title={`删除 ${member.name} 的个人信息`}
        message="删除后无法恢复：姓名改为“已删除党员”，手机号、入党日期、微信绑定、邀请及本人填写的申报说明、请假理由、学习心得和照片均被删除；考勤、积分等统计保留。此操作记入操作日志。"
        confirmLabel="确认删除"
        danger
        reason={{ label: '删除原因', placeholder: '如：本人申请、转出满保存期限', minLength: 2 }}
        busy={erasing.busy}
        onConfirm={erasing.submit}
        onCancel={() => setDialog('none')}
      />
      <ConfirmDialog
        visible={dialog === 'unbind'}
        title={`解除 ${member.name} 的微信绑定`}
        message="解除后，该微信将不能再以本党员身份使用小程序；请核实本人情况后重新生成绑定邀请。此操作记入操作日志。"
        confirmLabel="确认解除"
        danger
        reason={{ label: '解除原因', placeholder: '如：更换手机号和微信', minLength: 2 }}
        busy={unbinding.busy}
        onConfirm={unbinding.submit}
        onCancel={() => setDialog('none')}
      />
      <ConfirmDialog
        visible={dialog === 'transfer'}
        title="组织关系转接"
        message={`将 ${member.name} 由「${member.branchName ?? ''}」转入：`}
        confirmLabel="确认转接"
        busy={moving.busy}
        confirmDisabled={transfer.target === null}
        onConfirm={() => transfer.target && moving.submit(transfer.target)}
        onCancel={() => setDialog('none')}
      >
        <TransferTargets
          branches={transfer.branches}
          error={transfer.error}
          target={transfer.target}
          groups={transfer.groups}
          groupId={transfer.groupId}
          onPickBranch={transfer.pickBranch}
          onPickGroup={transfer.pickGroup}
        />
      </ConfirmDialog>
      <ConfirmDialog
        visible={revoking !== null}
        title="撤销邀请"
        message={`撤销后，发给 ${member.name} 的这个邀请将无法再使用。`}
        confirmLabel="确认撤销"
        danger
        busy={revokingCall.busy}
        onConfirm={() => revoking && revokingCall.submit(revoking)}
        onCancel={() => setDialog('none')}
      />
    </View>
  )
}

type LockedInvitation = OutputOf<'roster', 'memberInvitations'>['locked'][number]

/** Invitations locked after wrong names: someone holding the code guessed at the name. */
function LockedInvitations({ items }: { items: readonly LockedInvitation[] }) {
  if (items.length === 0) return null
  return (
    <View className="card" data-testid="locked-invitations">
      <Text className="card__title roster-title">绑定邀请已锁定</Text>
      <Text className="muted">
        {`有 ${items.length} 个邀请因姓名连续输错 ${items[0].wrongNames} 次被锁定，可能有他人拿到了邀请。请与本人核实后重新生成邀请。`}
      </Text>
    </View>
  )
}

/** The member's open invitations, loaded only for those who may invite, and again whenever the page shows. */
function useOpenInvitations(memberId: string, enabled: boolean) {
  const [items, setItems] = useState<Invitation[]>([])
  const [locked, setLocked] = useState<LockedInvitation[]>([])
  const [tick, setTick] = useState(0)
  // Back from the invite page (which may have revoked one): show the list as it is now.
  useOnReturn(() => setTick((n) => n + 1))
  // biome-ignore lint/correctness/useExhaustiveDependencies: `tick` asks for a fresh list
  useEffect(() => {
    if (!enabled) {
      setItems([])
      setLocked([])
      return
    }
    let current = true
    call('roster', 'memberInvitations', { memberId }).then((result) => {
      if (!current || !result.ok) return
      setItems(result.data.items)
      setLocked(result.data.locked)
    })
    return () => {
      current = false
    }
  }, [memberId, enabled, tick])
  const reload = useCallback(() => setTick((n) => n + 1), [])
  return { items, locked, reload }
}

/**
 * 组织关系转接 target: every branch of the tenant from roster.branchDirectory
 * (loaded when the dialog first opens), then a 党小组 there if roster.tree
 * shows the caller that branch.
 */
function useTransferTarget(currentBranchId: string | null, nodes: readonly OrgNode[]) {
  const [directory, setDirectory] = useState<DirectoryBranch[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [target, setTarget] = useState<string | null>(null)
  const [groupId, setGroupId] = useState<string | null>(null)

  const open = () => {
    setTarget(null)
    setGroupId(null)
    if (directory !== null) return
    setError(null)
    call('roster', 'branchDirectory', {}).then((result) => {
      if (result.ok) setDirectory(result.data.branches)
      else setError(result.error.message)
    })
  }
  const branches = directory?.filter((branch) => branch.id !== currentBranchId) ?? null
  return {
    open,
    branches,
    error,
    target,
    groupId,
    groups: target ? groupsOf(target, nodes) : [],
    nameOf: (branchId: string) => directory?.find((branch) => branch.id === branchId)?.name ?? null,
    pickBranch: (branchId: string) => {
      setTarget(branchId)
      setGroupId(null)
    },
    pickGroup: setGroupId,
  }
}

function formValuesOf(member: Member): MemberFormValues {
  return {
    name: member.name,
    groupId: member.groupId,
    memberType: member.memberType,
    probationEndsOn: member.probationEndsOn,
    joinedOn: member.joinedOn,
    committeePosition: member.committeePosition,
    phone: member.phone ?? '',
  }
}
