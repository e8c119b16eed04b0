import { Button, Text, View } from '@tarojs/components'
import { useCallback, useEffect, useState } from 'react'
import type { LoggedCard, LoggedMessage, LoggedRobotPost, MessageLog } from '../../../../../types/message-log'
import { Page } from '../../../../components/page'
import { EmptyState, ErrorState, LoadingState } from '../../../../components/page-state'
import { dateKey, instantOf, monthDayTime } from '../../../../lib/time'
import { fetchMessageLog, ROBOT_STATUS_LABELS, SPANS, type SpanKey, spanStart } from '../../message-log'
import '../persona/index.css'
import './index.css'

type Load = { state: 'loading' } | { state: 'ok'; log: MessageLog } | { state: 'error' }

/**
 * Dev-only (H5 build): 消息记录 — what the demo sent as WeChat would have
 * delivered it: each member's subscribe messages, each branch's robot posts
 * and its shared meeting cards with the figures they show now.
 */
export default function MessageLogPage() {
  const [span, setSpan] = useState<SpanKey>('today')
  const [view, setView] = useState<'members' | 'branches'>('members')
  const [load, setLoad] = useState<Load>({ state: 'loading' })
  const reload = useCallback(() => {
    setLoad({ state: 'loading' })
    const now = Date.now()
    fetchMessageLog(spanStart(span, now, instantOf(dateKey(now), '00:00'))).then((log) =>
      setLoad(log ? { state: 'ok', log } : { state: 'error' }),
    )
  }, [span])
  useEffect(reload, [reload])
  return (
    <Page>
      <View className="persona-notice">
        <Text>开发环境：本机模拟器记录的订阅消息、群机器人消息和会议卡片。在微信中，这些由平台真实送达。</Text>
      </View>
      <View className="chips" data-testid="log-spans">
        {SPANS.map(({ key, label }) => (
          <Text
            key={key}
            className={`chip${span === key ? ' chip--on' : ''}`}
            data-testid={`log-span-${key}`}
            onClick={() => setSpan(key)}
          >
            {label}
          </Text>
        ))}
      </View>
      <View className="chips">
        <Text
          className={`chip${view === 'members' ? ' chip--on' : ''}`}
          data-testid="log-view-members"
          onClick={() => setView('members')}
        >
          按党员
        </Text>
        <Text
          className={`chip${view === 'branches' ? ' chip--on' : ''}`}
          data-testid="log-view-branches"
          onClick={() => setView('branches')}
        >
          按支部
        </Text>
      </View>
      {load.state === 'loading' ? <LoadingState /> : null}
      {load.state === 'error' ? (
        <ErrorState message="无法读取消息记录，请确认本地模拟器已启动" onRetry={reload} />
      ) : null}
      {load.state === 'ok' ? (
        <View data-testid="message-log">
          {view === 'members' ? <Members log={load.log} /> : <Branches log={load.log} />}
          <Button className="btn btn--ghost persona-exit" data-testid="log-refresh" onClick={reload}>
            刷新
          </Button>
        </View>
      ) : null}
    </Page>
  )
}

function Members({ log }: { log: MessageLog }) {
  if (log.members.length === 0) return <EmptyState title="这段时间没有发出订阅消息" />
  return (
    <View>
      {log.members.map((member) => (
        <View key={member.memberId} className="card" data-testid="log-member" data-member-id={member.memberId}>
          <Text className="card__title">{member.name}</Text>
          {member.branchName ? <Text className="muted">{member.branchName}</Text> : null}
          {member.messages.map((message) => (
            <Message key={message.id} message={message} />
          ))}
        </View>
      ))}
    </View>
  )
}

function Message({ message }: { message: LoggedMessage }) {
  return (
    <View className="log-entry divided" data-testid="log-message">
      <View className="log-entry__head">
        <Text className="tag tag--info">{message.use}</Text>
        <Text className="muted">{monthDayTime(message.at)}</Text>
      </View>
      {message.fields.map((field) => (
        <Text key={field.keyword} className="log-entry__line" data-testid="log-field" data-keyword={field.keyword}>
          {`${field.keyword}：${field.value}`}
        </Text>
      ))}
      {message.page ? <Text className="log-entry__page">{`点击打开：${message.page}`}</Text> : null}
    </View>
  )
}

function Branches({ log }: { log: MessageLog }) {
  if (log.branches.length === 0) return <EmptyState title="这段时间没有群消息和会议卡片" />
  return (
    <View>
      {log.branches.map((branch) => (
        <View key={branch.branchId} className="card" data-testid="log-branch" data-branch-id={branch.branchId}>
          <Text className="card__title">{branch.name}</Text>
          {branch.cards.length > 0 ? <Text className="field-label">转发到群的会议卡片</Text> : null}
          {branch.cards.map((card) => (
            <Card key={card.activityId} card={card} />
          ))}
          {branch.robotPosts.length > 0 ? <Text className="field-label">群机器人消息</Text> : null}
          {branch.robotPosts.map((post) => (
            <RobotPost key={post.id} post={post} />
          ))}
        </View>
      ))}
    </View>
  )
}

function Card({ card }: { card: LoggedCard }) {
  return (
    <View className="log-entry divided" data-testid="log-card" data-meeting-id={card.meetingId}>
      <Text className="log-entry__title">{card.title}</Text>
      <Text className="log-entry__line" data-testid="log-card-figures">
        {card.memberCount === null
          ? '卡片已转发，尚无人签到'
          : `卡片显示：已签到 ${card.memberCount} / 应到 ${card.roomLimit ?? '-'}`}
      </Text>
      <Text className="muted">
        {[
          `更新 ${card.updates} 次`,
          card.updatedAt ? `最后更新 ${monthDayTime(card.updatedAt)}` : null,
          card.expiresAt ? `${monthDayTime(card.expiresAt)} 后卡片不再更新` : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
    </View>
  )
}

function RobotPost({ post }: { post: LoggedRobotPost }) {
  return (
    <View className="log-entry divided" data-testid="log-robot-post">
      <View className="log-entry__head">
        <Text className={`tag${post.status === 'sent' ? ' tag--ok' : post.status === 'failed' ? ' tag--warn' : ''}`}>
          {ROBOT_STATUS_LABELS[post.status] ?? post.status}
        </Text>
        <Text className="muted">{monthDayTime(post.at)}</Text>
      </View>
      <Text className="log-entry__text">{post.text}</Text>
      {post.error ? <Text className="field-error">{post.error}</Text> : null}
    </View>
  )
}
