import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { ConfirmDialog } from '../../../../components/confirm-dialog'
import { Page } from '../../../../components/page'
import { EmptyState, ErrorState, LoadingState } from '../../../../components/page-state'
import { useSubmit } from '../../../../hooks/use-submit'
import { useRequestId } from '../../../../lib/request-id'
import { call } from '../../../../services/call'
import { InviteCard } from '../../components/invite-card'
import { InviteQrCode } from '../../components/invite-qr-code'
import { forgetInvitation, type Invitation, keepInvitation, takeInvitation } from '../../lib/invitation-store'

/** On H5 (the local demo) the invitation is a link to the join page in the hash router. */
function h5Link(path: string): string | null {
  return process.env.TARO_ENV === 'h5' ? `${window.location.origin}/#/${path}` : null
}

type Loaded =
  | { state: 'ready'; invitation: Invitation }
  | { state: 'loading' }
  | { state: 'error'; message: string }
  /** No open invitation for the member: offer a new one. */
  | { state: 'none' }
  /** Neither the invitation in memory nor a member to look it up for. */
  | { state: 'gone' }

/**
 * 绑定邀请: share it (weapp) or copy its link (H5), or revoke it. Opened from the
 * member page with the invitation in memory; after a reload, ?memberId= finds the
 * member's newest open invitation again (or offers a new one).
 */
export default function InvitePage() {
  const { code = '', memberId = '' } = useRouter().params
  const [loaded, setLoaded] = useState<Loaded>(() => {
    const kept = takeInvitation(code)
    if (kept) return { state: 'ready', invitation: kept }
    return memberId ? { state: 'loading' } : { state: 'gone' }
  })
  const [attempt, setAttempt] = useState(0)
  const [revoked, setRevoked] = useState(false)
  const [confirming, setConfirming] = useState(false)

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is how 重试 asks again
  useEffect(() => {
    if (loaded.state !== 'loading') return
    let current = true
    call('roster', 'memberInvitations', { memberId }).then((result) => {
      if (!current) return
      if (!result.ok) return setLoaded({ state: 'error', message: result.error.message })
      const { items } = result.data
      // The one the URL names if it is still open, else the newest (items come newest first).
      const invitation = items.find((item) => item.code === code) ?? items[0]
      setLoaded(invitation ? { state: 'ready', invitation } : { state: 'none' })
    })
    return () => {
      current = false
    }
  }, [memberId, attempt, loaded.state])

  const invitation = loaded.state === 'ready' ? loaded.invitation : null

  useShareAppMessage(() => ({
    title: '邀请您绑定党员身份',
    path: invitation && !revoked ? `/${invitation.path}` : '/pages/home/index',
  }))

  const [request, renewRequest] = useRequestId()
  const creating = useSubmit(() => call('roster', 'createInvitation', { memberId, requestId: request }), {
    onDone: (created) => {
      renewRequest()
      keepInvitation(created)
      setRevoked(false)
      setLoaded({ state: 'ready', invitation: created })
    },
  })
  const revoking = useSubmit((code: string) => call('roster', 'revokeInvitation', { code }), {
    toast: '邀请已撤销',
    onDone: (_, code) => {
      setConfirming(false)
      forgetInvitation(code)
      setRevoked(true)
    },
    onRefused: () => setConfirming(false),
  })

  if (loaded.state === 'loading') {
    return (
      <Page>
        <LoadingState />
      </Page>
    )
  }
  if (loaded.state === 'error') {
    return (
      <Page>
        <ErrorState
          message={loaded.message}
          onRetry={() => {
            setLoaded({ state: 'loading' })
            setAttempt((n) => n + 1)
          }}
        />
      </Page>
    )
  }
  if (loaded.state === 'gone') {
    return (
      <Page>
        <EmptyState
          title="邀请信息已不在本页"
          hint="为保护党员信息，邀请只在生成后显示。请回到党员信息页查看或重新生成绑定邀请，原邀请到期自动失效。"
        />
      </Page>
    )
  }
  if (loaded.state === 'none' || !invitation) {
    return (
      <Page>
        <View className="page-state" data-testid="invite-none">
          <Text className="page-state__title">没有可用的绑定邀请</Text>
          <Text className="page-state__text">该党员的邀请已使用、过期或被撤销。可以重新生成一个，7天内有效。</Text>
          <Button
            className="btn btn--primary page-state__action"
            data-testid="invite-create"
            disabled={creating.busy || undefined}
            onClick={() => creating.submit()}
          >
            {creating.busy ? '正在生成…' : '生成新的绑定邀请'}
          </Button>
        </View>
      </Page>
    )
  }

  return (
    <Page>
      <InviteCard
        invitation={invitation}
        link={h5Link(invitation.path)}
        revoked={revoked}
        revoking={revoking.busy}
        onCopy={(link) => Taro.setClipboardData({ data: link })}
        onRevoke={() => setConfirming(true)}
      />
      {revoked ? null : <InviteQrCode code={invitation.code} />}
      <ConfirmDialog
        visible={confirming}
        title="撤销邀请"
        message={`撤销后，发给 ${invitation.memberName} 的邀请将无法再使用。`}
        confirmLabel="确认撤销"
        danger
        busy={revoking.busy}
        onConfirm={() => revoking.submit(invitation.code)}
        onCancel={() => setConfirming(false)}
      />
    </Page>
  )
}
