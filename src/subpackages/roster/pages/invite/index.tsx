import { View } from '@tarojs/components'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { useState } from 'react'
import { ConfirmDialog } from '../../../../components/confirm-dialog'
import { EmptyState } from '../../../../components/page-state'
import { call } from '../../../../services/call'
import { InviteCard } from '../../components/invite-card'
import { forgetInvitation, takeInvitation } from '../../lib/invitation-store'

/** On H5 (the local demo) the invitation is a link to the join page in the hash router. */
function h5Link(path: string): string | null {
  return process.env.TARO_ENV === 'h5' ? `${window.location.origin}/#/${path}` : null
}

/** 绑定邀请 just created on a member's page: share it (weapp) or copy its link (H5), or revoke it. */
export default function InvitePage() {
  const code = useRouter().params.code ?? ''
  const [invitation] = useState(() => takeInvitation(code))
  const [revoked, setRevoked] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const [revoking, setRevoking] = useState(false)

  useShareAppMessage(() => ({
    title: '邀请您绑定党员身份',
    path: invitation && !revoked ? `/${invitation.path}` : '/pages/home/index',
  }))

  if (!invitation) {
    return (
      <View className="page">
        <EmptyState
          title="邀请信息已不在本页"
          hint="为保护党员信息，邀请只在生成后显示。请回到党员信息页重新生成绑定邀请，原邀请到期自动失效。"
        />
      </View>
    )
  }

  const revoke = async () => {
    setRevoking(true)
    const result = await call('roster', 'revokeInvitation', { code: invitation.code })
    setRevoking(false)
    setConfirming(false)
    if (!result.ok) {
      Taro.showToast({ title: result.error.message, icon: 'none', duration: 2500 })
      return
    }
    forgetInvitation(invitation.code)
    setRevoked(true)
    Taro.showToast({ title: '邀请已撤销', icon: 'none' })
  }

  return (
    <View className="page">
      <InviteCard
        invitation={invitation}
        link={h5Link(invitation.path)}
        revoked={revoked}
        revoking={revoking}
        onCopy={(link) => Taro.setClipboardData({ data: link })}
        onRevoke={() => setConfirming(true)}
      />
      <ConfirmDialog
        visible={confirming}
        title="撤销邀请"
        message={`撤销后，发给 ${invitation.memberName} 的邀请将无法再使用。`}
        confirmLabel="确认撤销"
        danger
        busy={revoking}
        onConfirm={revoke}
        onCancel={() => setConfirming(false)}
      />
    </View>
  )
}
