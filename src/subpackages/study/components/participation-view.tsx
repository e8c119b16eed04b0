import { Button, Text, View } from '@tarojs/components'
import { monthDayTime } from '../../../lib/time'
import './study.css'

export interface Participation {
  branchId: string
  branchName: string
  studied: { memberId: string; name: string; at: number; note: string }[]
  notStudied: { memberId: string; name: string; nudgedAt: number | null }[]
}

interface ParticipationViewProps {
  title: string
  dueOn: string
  participation: Participation
  /** Only publishers may nudge, and only while the task is open. */
  canNudge: boolean
  nudging: boolean
  onNudge: () => void
}

/** 学习情况: who has studied (with their 心得) and who has not, and 提醒未学习 for those who have not. */
export function ParticipationView({ title, dueOn, participation, canNudge, nudging, onNudge }: ParticipationViewProps) {
  const { studied, notStudied } = participation
  const total = studied.length + notStudied.length
  const rate = total === 0 ? 0 : Math.round((studied.length / total) * 100)
  return (
    <View data-testid="participation">
      <View className="card">
        <Text className="card__title">{title}</Text>
        <Text className="study-form__hint">
          {participation.branchName} · {dueOn} 截止 · 完成率 {rate}%
        </Text>
        <View className="stats">
          <View className="stat stat--good" data-testid="studied-count">
            <Text className="stat__value">{studied.length}</Text>
            <Text className="stat__label">已学习</Text>
          </View>
          <View className={`stat${notStudied.length ? ' stat--bad' : ''}`} data-testid="not-studied-count">
            <Text className="stat__value">{notStudied.length}</Text>
            <Text className="stat__label">未学习</Text>
          </View>
        </View>
      </View>

      <View className="card">
        <Text className="card__title">未学习</Text>
        {notStudied.length === 0 ? (
          <Text className="study-form__hint study-form__hint--ok" data-testid="all-studied">
            全部党员已完成学习
          </Text>
        ) : (
          notStudied.map((person) => (
            <View key={person.memberId} className="study-person divided" data-testid="not-studied">
              <View className="study-person__head">
                <Text>{person.name}</Text>
                <Text className="study-person__state">
                  {person.nudgedAt ? `已提醒 ${monthDayTime(person.nudgedAt)}` : '未提醒'}
                </Text>
              </View>
            </View>
          ))
        )}
        {canNudge && notStudied.length > 0 ? (
          <Button
            className="btn btn--primary study-bar"
            data-testid="nudge"
            loading={nudging}
            disabled={nudging || undefined}
            onClick={onNudge}
          >
            提醒未学习（{notStudied.length}人）
          </Button>
        ) : null}
      </View>

      <View className="card">
        <Text className="card__title">已学习</Text>
        {studied.length === 0 ? (
          <Text className="study-form__hint">还没有党员打卡</Text>
        ) : (
          studied.map((person) => (
            <View key={person.memberId} className="study-person divided" data-testid="studied">
              <View className="study-person__head">
                <Text>{person.name}</Text>
                <Text className="study-person__state">{monthDayTime(person.at)}</Text>
              </View>
              <Text className="study-person__note">{person.note}</Text>
            </View>
          ))
        )}
      </View>
    </View>
  )
}
