import { Text, View } from '@tarojs/components'
import { fullDateTime } from '../../../lib/time'
import type { Invitation } from '../lib/invitation-store'
import './roster.css'

interface OpenInvitationsProps {
  items: readonly Invitation[]
  /** The invitation being revoked, if any. */
  busyCode: string | null
  onView: (invitation: Invitation) => void
  onRevoke: (invitation: Invitation) => void
}

/** A member's 绑定邀请 that can still be used: share one again, or withdraw it. */
export function OpenInvitations({ items, busyCode, onView, onRevoke }: OpenInvitationsProps) {
  if (items.length === 0) return null
  return (
    <View className="card" data-testid="open-invitations">
      <Text className="card__title roster-title">未使用的绑定邀请</Text>
      {items.map((invitation) => (
        <View key={invitation.code} className="open-invitation divided" data-testid="open-invitation">
          <View className="open-invitation__main">
            <Text className="open-invitation__code">邀请 {invitation.code.slice(0, 4)}…</Text>
            <Text className="muted">{`${fullDateTime(invitation.expiresAt)} 前有效`}</Text>
          </View>
          <Text
            className="open-invitation__action"
            data-testid="open-invitation-view"
            onClick={() => onView(invitation)}
          >
            查看
          </Text>
          <Text
            className={`open-invitation__action open-invitation__action--danger${busyCode === invitation.code ? ' open-invitation__action--busy' : ''}`}
            data-testid="open-invitation-revoke"
            onClick={busyCode ? undefined : () => onRevoke(invitation)}
          >
            {busyCode === invitation.code ? '撤销中…' : '撤销'}
          </Text>
        </View>
      ))}
    </View>
  )
}
