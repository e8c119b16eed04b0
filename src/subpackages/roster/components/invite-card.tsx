import { Button, Text, View } from '@tarojs/components'
import { fullDateTime } from '../../../lib/time'
import type { Invitation } from '../lib/invitation-store'
import './roster.css'

interface InviteCardProps {
  invitation: Invitation
  /** On H5 the full link to copy; on weapp null, and the invitation travels as a share card. */
  link: string | null
  revoked: boolean
  revoking: boolean
  onCopy: (link: string) => void
  onRevoke: () => void
}

/** 绑定邀请: for whom, which branch, until when, and how the member uses it. */
export function InviteCard({ invitation, link, revoked, revoking, onCopy, onRevoke }: InviteCardProps) {
  return (
    <View data-testid="invite-card">
      <View className="hero">
        <Text className="hero__title">绑定邀请</Text>
        <View className="hero__subtitle">
          <Text>邀请党员绑定微信，绑定后可参加组织生活、学习打卡</Text>
        </View>
      </View>
      <View className="card">
        <View className="row">
          <Text className="row__label">被邀请党员</Text>
          <Text className="row__value" data-testid="invite-member">
            {invitation.memberName}
          </Text>
        </View>
        <View className="row">
          <Text className="row__label">所在支部</Text>
          <Text className="row__value" data-testid="invite-branch">
            {invitation.branchName}
          </Text>
        </View>
        <View className="row">
          <Text className="row__label">有效期</Text>
          <Text className="row__value" data-testid="invite-expiry">
            {revoked ? '已撤销' : `${fullDateTime(invitation.expiresAt)} 前有效`}
          </Text>
        </View>
      </View>

      {revoked ? (
        <View className="card invite-revoked" data-testid="invite-revoked">
          <Text>该邀请已撤销，原链接将无法使用。如需重新邀请，请回到党员信息页再次生成。</Text>
        </View>
      ) : (
        <View className="card">
          <Text className="card__title roster-title">如何使用</Text>
          {link ? (
            <>
              <Text className="invite-step">1. 复制下方链接，通过微信发送给 {invitation.memberName} 本人；</Text>
              <Text className="invite-step">2. 对方打开链接，输入本人姓名后确认绑定；</Text>
              <Text className="invite-step">3. 邀请仅能使用一次，过期或撤销后失效。</Text>
              <View className="invite-link" data-testid="invite-link">
                {link}
              </View>
              <Button className="btn btn--primary invite-action" data-testid="invite-copy" onClick={() => onCopy(link)}>
                复制链接
              </Button>
            </>
          ) : (
            <>
              <Text className="invite-step">
                1. 点击下方按钮，将邀请卡片发送给 {invitation.memberName} 本人或支部微信群；
              </Text>
              <Text className="invite-step">2. 对方点开卡片，输入本人姓名后确认绑定；</Text>
              <Text className="invite-step">3. 邀请仅能使用一次，过期或撤销后失效。</Text>
              <Button className="btn btn--primary invite-action" openType="share" data-testid="invite-share">
                发送给微信好友
              </Button>
            </>
          )}
        </View>
      )}

      {revoked ? null : (
        <Button
          className="btn btn--danger-ghost invite-action"
          data-testid="invite-revoke"
          disabled={revoking || undefined}
          onClick={onRevoke}
        >
          撤销邀请
        </Button>
      )}
    </View>
  )
}
