import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { AppError } from '../../../../../types/errors'
import type { Me, MemberFields, MemberRow, OrgNode } from '../../../../../types/roster'
import { ConfirmDialog } from '../../../../components/confirm-dialog'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { call } from '../../../../services/call'
import { MemberDetail } from '../../components/member-detail'
import { BLANK_MEMBER, MemberForm, type MemberFormValues } from '../../components/member-form'
import { canManageBranch } from '../../lib/access'
import { type FieldErrors, fieldErrorsOf } from '../../lib/field-errors'
import { keepInvitation } from '../../lib/invitation-store'
import { groupsOf, otherBranches } from '../../lib/tree-rows'
import { invitePageUrl, memberPageUrl } from '../../lib/urls'
import './index.css'

type Member = MemberRow & { branchName: string | null }

/** 党员信息: ?memberId= to view or edit a member, ?branchId= to add one to a branch. */
export default function MemberPage() {
  const { memberId, branchId } = useRouter().params
  const me = useAction('roster', 'me', {})
  const tree = useAction('roster', 'tree', {})
  return (
    <View className="page">
      <PageState query={me}>
        {(caller) => (
          <PageState query={tree}>
            {({ nodes }) =>
              memberId ? (
                <ExistingMember memberId={memberId} me={caller} nodes={nodes} />
              ) : (
                <NewMember branchId={branchId ?? ''} me={caller} nodes={nodes} />
              )
            }
          </PageState>
        )}
      </PageState>
    </View>
  )
}

function toast(title: string) {
  Taro.showToast({ title, icon: 'none', duration: 2500 })
}

/** Refusals about one field also mark that field, beside the toast. */
const FIELD_OF_CODE: Partial<Record<string, keyof FieldErrors>> = {
  'ROSTER.DUPLICATE_PHONE': 'phone',
  'ROSTER.SECRETARY_TAKEN': 'committeePosition',
  'ROSTER.GROUP_MISMATCH': 'groupId',
}

/** Field errors for the form, and a toast for what belongs to no field. */
function showSaveError(error: AppError, setErrors: (errors: FieldErrors) => void) {
  if (error.code === 'INPUT.INVALID') {
    const { fields, general } = fieldErrorsOf(error)
    setErrors(fields)
    if (general) toast(general)
    return
  }
  const field = FIELD_OF_CODE[error.code]
  setErrors(field ? { [field]: error.message } : {})
  toast(error.message)
}

function NewMember({ branchId, me, nodes }: { branchId: string; me: Me; nodes: OrgNode[] }) {
  const [errors, setErrors] = useState<FieldErrors>({})
  const [saving, setSaving] = useState(false)
  const branch = nodes.find((node) => node.id === branchId)
  useEffect(() => {
    Taro.setNavigationBarTitle({ title: '新增党员' })
  }, [])

  if (!canManageBranch(me, branchId, nodes)) {
    return <NoticeCard text="只有本支部书记或上级党组织可以新增党员。" />
  }
  const save = async (fields: MemberFields) => {
    setSaving(true)
    const result = await call('roster', 'addMember', { ...fields, branchId })
    setSaving(false)
    if (!result.ok) {
      showSaveError(result.error, setErrors)
      return
    }
    toast('已新增党员')
    Taro.redirectTo({ url: memberPageUrl(result.data.id) })
  }
  return (
    <>
      <Text className="member-page__context">新增到：{branch?.name ?? '本支部'}</Text>
      <MemberForm
        initial={BLANK_MEMBER}
        groups={groupsOf(branchId, nodes)}
        errors={errors}
        saving={saving}
        submitLabel="保存"
        onSubmit={save}
        onEdit={(field) => setErrors((current) => ({ ...current, [field]: undefined }))}
      />
    </>
  )
}

function ExistingMember({ memberId, me, nodes }: { memberId: string; me: Me; nodes: OrgNode[] }) {
  const loaded = useAction('roster', 'getMember', { memberId })
  return <PageState query={loaded}>{(member) => <MemberEditor initial={member} me={me} nodes={nodes} />}</PageState>
}

type Dialog = 'none' | 'deactivate' | 'transfer'

function MemberEditor({ initial, me, nodes }: { initial: Member; me: Me; nodes: OrgNode[] }) {
  const [member, setMember] = useState<Member>(initial)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [busy, setBusy] = useState<'save' | 'deactivate' | 'transfer' | 'invite' | null>(null)
  const [dialog, setDialog] = useState<Dialog>('none')
  const [target, setTarget] = useState<string | null>(null)

  const manages = member.branchId !== null && canManageBranch(me, member.branchId, nodes)
  const editable = manages && member.status === 'active'
  const groupName = nodes.find((node) => node.id === member.groupId)?.name ?? null
  const targets = otherBranches(member.branchId, nodes)

  const save = async (fields: MemberFields) => {
    setBusy('save')
    const result = await call('roster', 'updateMember', { ...fields, memberId: member.id })
    setBusy(null)
    if (!result.ok) {
      showSaveError(result.error, setErrors)
      return
    }
    setErrors({})
    setMember({ ...result.data, branchName: member.branchName })
    toast('已保存')
  }

  const deactivate = async (reason: string) => {
    setBusy('deactivate')
    const result = await call('roster', 'deactivateMember', { memberId: member.id, reason })
    setBusy(null)
    setDialog('none')
    if (!result.ok) return toast(result.error.message)
    setMember({ ...result.data, branchName: member.branchName })
    toast('已停用')
  }

  const transfer = async () => {
    if (!target) return
    setBusy('transfer')
    const result = await call('roster', 'transferMember', { memberId: member.id, toBranchId: target, toGroupId: null })
    setBusy(null)
    setDialog('none')
    if (!result.ok) return toast(result.error.message)
    const toName = nodes.find((node) => node.id === target)?.name ?? null
    setMember({ ...result.data, branchName: toName })
    toast(`已转入${toName ?? '新支部'}`)
  }

  const invite = async () => {
    setBusy('invite')
    const result = await call('roster', 'createInvitation', { memberId: member.id })
    setBusy(null)
    if (!result.ok) return toast(result.error.message)
    keepInvitation(result.data)
    Taro.navigateTo({ url: invitePageUrl(result.data.code) })
  }

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
      </View>
      <Text className="member-page__context">{member.branchName ?? '未编入支部'}</Text>

      {editable ? (
        <MemberForm
          key={`${member.id}-${member.branchId}`}
          initial={formValuesOf(member)}
          groups={member.branchId ? groupsOf(member.branchId, nodes) : []}
          errors={errors}
          saving={busy === 'save'}
          submitLabel="保存修改"
          onSubmit={save}
          onEdit={(field) => setErrors((current) => ({ ...current, [field]: undefined }))}
        />
      ) : (
        <MemberDetail member={member} groupName={groupName} />
      )}

      {editable ? (
        <View className="card member-actions" data-testid="member-actions">
          <Text className="card__title roster-title">管理</Text>
          {member.bound ? null : (
            <ActionRow
              testId="action-invite"
              title="生成绑定邀请"
              hint="邀请本人绑定微信，7天内有效"
              disabled={busy !== null}
              onClick={invite}
            />
          )}
          <ActionRow
            testId="action-transfer"
            title="组织关系转接"
            hint="转入县内其他党支部，原记录保留"
            disabled={busy !== null}
            onClick={() => {
              setTarget(null)
              setDialog('transfer')
            }}
          />
          <ActionRow
            testId="action-deactivate"
            title="停用"
            hint="出党、去世等情形，历史记录保留"
            danger
            disabled={busy !== null}
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
        busy={busy === 'deactivate'}
        onConfirm={deactivate}
        onCancel={() => setDialog('none')}
      />
      <ConfirmDialog
        visible={dialog === 'transfer'}
        title="组织关系转接"
        message={`将 ${member.name} 由「${member.branchName ?? ''}」转入：`}
        confirmLabel="确认转接"
        busy={busy === 'transfer'}
        confirmDisabled={target === null}
        onConfirm={transfer}
        onCancel={() => setDialog('none')}
      >
        {targets.length === 0 ? (
          <Text className="transfer-empty">没有可转入的支部。跨支部转接请联系总支书记或教育局党委办理。</Text>
        ) : (
          <View className="transfer-list" data-testid="transfer-targets">
            {targets.map((branch) => (
              <View
                key={branch.id}
                className={`transfer-option${target === branch.id ? ' transfer-option--on' : ''}`}
                data-testid="transfer-target"
                onClick={() => setTarget(branch.id)}
              >
                <Text>{branch.name}</Text>
                {target === branch.id ? <Text className="transfer-option__check">✓</Text> : null}
              </View>
            ))}
          </View>
        )}
      </ConfirmDialog>
    </View>
  )
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

interface ActionRowProps {
  testId: string
  title: string
  hint: string
  danger?: boolean
  disabled: boolean
  onClick: () => void
}

function ActionRow({ testId, title, hint, danger, disabled, onClick }: ActionRowProps) {
  return (
    <View
      className={`action-row${danger ? ' action-row--danger' : ''}${disabled ? ' action-row--disabled' : ''}`}
      data-testid={testId}
      onClick={disabled ? undefined : onClick}
    >
      <View className="action-row__main">
        <Text className="action-row__title">{title}</Text>
        <Text className="muted">{hint}</Text>
      </View>
      <Text className="action-row__chevron">›</Text>
    </View>
  )
}

function NoticeCard({ text }: { text: string }) {
  return (
    <View className="card" data-testid="member-notice">
      <Text>{text}</Text>
    </View>
  )
}
