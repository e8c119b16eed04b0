import { Button, Input, Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { PointsRule } from '../../../../../types/points'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { call } from '../../../../services/call'

/** 发放积分: a secretary picks a member of the branch, an item, the points and the reason. */
export default function AwardPage() {
  const rules = useAction('points', 'getRules', {})
  return (
    <View className="page">
      <PageState query={rules}>
        {(data) => <AwardForm rules={data.rules.filter((r) => r.active && r.grantRoles.length > 0)} />}
      </PageState>
    </View>
  )
}

function AwardForm({ rules }: { rules: PointsRule[] }) {
  const [memberId, setMemberId] = useState('')
  const [ruleIndex, setRuleIndex] = useState(0)
  const [points, setPoints] = useState(String(rules[0]?.points ?? 1))
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const rule = rules[ruleIndex]

  async function submit() {
    setError(null)
    const result = await call('points', 'award', { memberId, ruleKey: rule.key, points: Number(points), reason })
    if (!result.ok) {
      setError(result.error.message)
      return
    }
    Taro.showToast({ title: `已发放 ${result.data.points} 分`, icon: 'success' })
    setReason('')
  }

  return (
    <View className="card">
      <Text className="row__label">党员编号</Text>
      <Input
        data-testid="award-member"
        value={memberId}
        placeholder="从名册中复制党员编号"
        onInput={(e) => setMemberId(e.detail.value)}
      />
      <Text className="row__label">积分项目</Text>
      <Picker
        mode="selector"
        range={rules.map((r) => r.name)}
        value={ruleIndex}
        onChange={(e) => {
          const index = Number(e.detail.value)
          setRuleIndex(index)
          setPoints(String(rules[index].points))
        }}
      >
        <Text className="row__value" data-testid="award-rule">
          {rule?.name ?? '无可发放的项目'}
        </Text>
      </Picker>
      <Text className="row__label">分值</Text>
      <Input
        data-testid="award-points"
        type="number"
        value={points}
        disabled={!rule?.variable}
        onInput={(e) => setPoints(e.detail.value)}
      />
      <Text className="row__label">理由{rule?.reasonRequired || Number(points) < 0 ? '（必填）' : ''}</Text>
      <Input
        data-testid="award-reason"
        value={reason}
        placeholder="如：周末参加社区志愿服务"
        onInput={(e) => setReason(e.detail.value)}
      />
      {error ? <Text className="form-error">{error}</Text> : null}
      <Button className="btn btn--primary" data-testid="award-submit" disabled={!rule} onClick={submit}>
        确认发放
      </Button>
    </View>
  )
}
