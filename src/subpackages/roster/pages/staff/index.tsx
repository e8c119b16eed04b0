import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { StaffHolder } from '../../../../../types/org'
import type { Grant, TreeNode } from '../../../../../types/roster'
import { BranchMemberPicker } from '../../../../components/branch-member-picker'
import { ConfirmDialog } from '../../../../components/confirm-dialog'
import { FormField, PickerField } from '../../../../components/form-field'
import { ListItem } from '../../../../components/list-item'
import { Page } from '../../../../components/page'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { useSubmit } from '../../../../hooks/use-submit'
import { useRequestId } from '../../../../lib/request-id'
import { invitePageUrl } from '../../../../lib/routes'
import { call } from '../../../../services/call'
import { keepInvitation } from '../../lib/invitation-store'
import '../../components/roster.css'

type StaffRole = Grant['role']
const ROLE_TITLES: Record<StaffRole, string> = {
  bureau_staff: '教育局党委工作人员',
  general_branch_secretary: '党总支书记',
  instructor: '党建指导员',
}
const ROLES = Object.keys(ROLE_TITLES) as StaffRole[]

/**
 * 任职与权限 above the branches, for bureau staff: who is 局党委 staff, 总支书记
 * or 党建指导员 (and of what); giving and taking those posts (in force from the
 * person's next tap); adding an account for someone on no branch roster and
 * inviting them to bind their WeChat. The tenant always keeps one bureau account.
 */
export default function StaffPage() {
  const staff = useAction('roster', 'staff', {})
  const tree = useAction('roster', 'tree', {})
  return (
    <Page>
      <PageState query={staff}>
        {({ items }) => (
          <PageState query={tree}>
            {({ nodes }) => <StaffView holders={items} nodes={nodes} onChanged={staff.reload} />}
          </PageState>
        )}
      </PageState>
    </Page>
  )
}

function grantLine(grant: Grant, names: ReadonlyMap<string, string>): string {
  if (grant.role === 'general_branch_secretary') return `${names.get(grant.orgId) ?? ''} 书记`
  if (grant.role === 'instructor') return `党建指导员：${grant.orgIds.map((id) => names.get(id) ?? '').join('、')}`
  return ROLE_TITLES[grant.role]
}

function StaffView({
  holders,
  nodes,
  onChanged,
}: {
  holders: StaffHolder[]
  nodes: TreeNode[]
  onChanged: () => void
}) {
  const names = new Map(nodes.map((node) => [node.id, node.name]))
  const [revoking, setRevoking] = useState<{ holder: StaffHolder; grant: Grant } | null>(null)
  const revokingCall = useSubmit(
    (memberId: string, role: StaffRole) => call('roster', 'revokeRole', { memberId, role }),
    {
      toast: '已取消，对方下次操作时生效',
      onDone: () => {
        setRevoking(null)
        onChanged()
      },
      onRefused: () => setRevoking(null),
    },
  )
  const [inviteRequest, renewInviteRequest] = useRequestId()
  const inviting = useSubmit(
    (memberId: string) => call('roster', 'createInvitation', { memberId, requestId: inviteRequest }),
    {
      onDone: (invitation) => {
        renewInviteRequest()
        keepInvitation(invitation)
        Taro.navigateTo({ url: invitePageUrl(invitation.code, invitation.memberId) })
      },
    },
  )
  return (
    <View data-testid="staff-page">
      <View className="card" data-testid="staff-list">
        <Text className="card__title roster-title">在任人员</Text>
        {holders.map((holder) => (
          <ListItem
            key={holder.memberId}
            testId="staff-holder"
            title={holder.name}
            badges={
              <Text className={`tag ${holder.bound ? 'tag--ok' : 'tag--plain'}`}>
                {holder.bound ? '已绑定' : '未绑定'}
              </Text>
            }
            meta={[
              holder.branchName ? `所在支部：${holder.branchName}` : '不在支部名册中',
              ...holder.grants.map((g) => grantLine(g, names)),
            ]}
          >
            <View className="chips">
              {holder.grants.map((grant) => (
                <Text
                  key={grant.role}
                  className="chip"
                  data-testid={`revoke-${grant.role}`}
                  onClick={() => setRevoking({ holder, grant })}
                >
                  取消{ROLE_TITLES[grant.role]}
                </Text>
              ))}
              {!holder.bound && !holder.branchName ? (
                <Text className="chip" data-testid="staff-invite" onClick={() => inviting.submit(holder.memberId)}>
                  生成绑定邀请
                </Text>
              ) : null}
            </View>
          </ListItem>
        ))}
      </View>
      <GrantForm nodes={nodes} onDone={onChanged} />
      <ConfirmDialog
        visible={revoking !== null}
        title="取消职务"
        message={
          revoking
            ? `取消 ${revoking.holder.name} 的「${grantLine(revoking.grant, names)}」？对方下次操作时即不再有相应权限。`
            : ''
        }
        confirmLabel="确认取消"
        danger
        busy={revokingCall.busy}
        onConfirm={() => revoking && revokingCall.submit(revoking.holder.memberId, revoking.grant.role)}
        onCancel={() => setRevoking(null)}
      />
    </View>
  )
}

/** 授予职务: to a member of any branch, or to a new account that no branch roster holds. */
function GrantForm({ nodes, onDone }: { nodes: TreeNode[]; onDone: () => void }) {
  const [role, setRole] = useState<StaffRole>('bureau_staff')
  const [orgId, setOrgId] = useState<string | null>(null)
  const [orgIds, setOrgIds] = useState<string[]>([])
  const [who, setWho] = useState<'member' | 'new'>('member')
  const [branchId, setBranchId] = useState<string | null>(null)
  const [memberId, setMemberId] = useState<string | null>(null)
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [requestId, renewRequestId] = useRequestId()
  const generalBranches = nodes.filter((n) => n.kind === 'general_branch' && n.status === 'active')
  const branches = nodes.filter((n) => n.kind === 'branch' && n.status === 'active')
  const grant: Grant | null =
    role === 'bureau_staff'
      ? { role }
      : role === 'general_branch_secretary'
        ? orgId
          ? { role, orgId }
          : null
        : orgIds.length
          ? { role, orgIds }
          : null
  const saving = useSubmit(
    () =>
      who === 'member'
        ? call('roster', 'grantRole', { memberId: memberId ?? '', grant: grant as Grant })
        : call('roster', 'addStaff', {
            requestId,
            name: name.trim(),
            phone: phone.trim() || null,
            grant: grant as Grant,
          }),
    {
      fields: ['name', 'phone'],
      toast: (holder) => `已授予 ${holder.name}，对方下次操作时生效`,
      onDone: () => {
        renewRequestId()
        setMemberId(null)
        setName('')
        setPhone('')
        onDone()
      },
    },
  )
  const ready = grant !== null && (who === 'member' ? memberId !== null : name.trim().length > 0)
  const branchIndex = branches.findIndex((b) => b.id === branchId)
  const gbIndex = generalBranches.findIndex((g) => g.id === orgId)
  return (
    <View className="card" data-testid="grant-form">
      <Text className="card__title roster-title">授予职务</Text>
      <FormField label="职务">
        <PickerField
          testId="picker-staff-role"
          range={ROLES.map((r) => ROLE_TITLES[r])}
          index={ROLES.indexOf(role)}
          text={ROLE_TITLES[role]}
          onPick={(i) => setRole(ROLES[i] ?? 'bureau_staff')}
        />
      </FormField>
      {role === 'general_branch_secretary' ? (
        <FormField label="党总支">
          <PickerField
            testId="picker-grant-gb"
            range={generalBranches.map((g) => g.name)}
            index={gbIndex}
            text={generalBranches[gbIndex]?.name ?? null}
            placeholder={generalBranches.length ? '请选择党总支' : '尚未设党总支'}
            onPick={(i) => setOrgId(generalBranches[i]?.id ?? null)}
          />
        </FormField>
      ) : null}
      {role === 'instructor' ? (
        <FormField label="联系的支部" hint="可多选；再次授予时以新选择为准">
          <View className="chips" data-testid="grant-branches">
            {branches.map((branch) => {
              const on = orgIds.includes(branch.id)
              return (
                <Text
                  key={branch.id}
                  className={`chip${on ? ' chip--on' : ''}`}
                  onClick={() => setOrgIds((ids) => (on ? ids.filter((id) => id !== branch.id) : [...ids, branch.id]))}
                >
                  {on ? '✓ ' : ''}
                  {branch.name}
                </Text>
              )
            })}
          </View>
        </FormField>
      ) : null}
      <FormField label="人员">
        <View className="chips">
          <Text className={`chip${who === 'member' ? ' chip--on' : ''}`} onClick={() => setWho('member')}>
            本县党员
          </Text>
          <Text
            className={`chip${who === 'new' ? ' chip--on' : ''}`}
            data-testid="grant-new-account"
            onClick={() => setWho('new')}
          >
            新增账号
          </Text>
        </View>
      </FormField>
      {who === 'member' ? (
        <>
          <FormField label="所在支部">
            <PickerField
              testId="picker-grant-branch"
              range={branches.map((b) => b.name)}
              index={branchIndex}
              text={branches[branchIndex]?.name ?? null}
              placeholder="请选择支部"
              onPick={(i) => {
                setBranchId(branches[i]?.id ?? null)
                setMemberId(null)
              }}
            />
          </FormField>
          {branchId ? (
            <FormField label="党员">
              <BranchMemberPicker
                testId="picker-grant-member"
                branchId={branchId}
                memberId={memberId}
                onPick={setMemberId}
              />
            </FormField>
          ) : null}
        </>
      ) : (
        <>
          <FormField label="姓名" required error={saving.errors.fields.name}>
            <Input
              className="field-input"
              data-testid="input-staff-name"
              value={name}
              maxlength={30}
              placeholder="请输入姓名"
              onInput={(event: { detail: { value: string } }) => setName(event.detail.value)}
            />
          </FormField>
          <FormField label="手机号码" error={saving.errors.fields.phone} hint="用于核对身份，可不填">
            <Input
              className="field-input"
              type="number"
              value={phone}
              maxlength={11}
              placeholder="11位手机号码"
              onInput={(event: { detail: { value: string } }) => setPhone(event.detail.value)}
            />
          </FormField>
        </>
      )}
      {saving.errors.general ? <Text className="field-error">{saving.errors.general}</Text> : null}
      <Button
        className="btn btn--primary"
        data-testid="grant-submit"
        loading={saving.busy}
        disabled={!ready || saving.busy || undefined}
        onClick={() => saving.submit()}
      >
        授予
      </Button>
    </View>
  )
}
