import { Button, Input, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { PointsRule } from '../../../../../types/points'
import type { Me } from '../../../../../types/roster'
import { FieldError } from '../../../../components/field-error'
import { FormField, PickerField } from '../../../../components/form-field'
import { Notice } from '../../../../components/notice'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { useSubmit } from '../../../../hooks/use-submit'
import { newRequestId } from '../../../../lib/request-id'
import { call } from '../../../../services/call'
import { MemberPicker, type PickableMember } from '../../components/member-picker'
import '../../components/points.css'
import { Page } from '../../../../components/page'

/** 发放积分: a secretary picks a member of the branch roster, an item, the points and the reason. */
export default function AwardPage() {
  const me = useAction('roster', 'me', {})
  const rules = useAction('points', 'getRules', {})
  return (
    <Page>
      <PageState query={me}>
        {(caller) => (
          <PageState query={rules}>
            {(data) => (
              <BranchChoice
                me={caller}
                rules={data.rules.filter((r) => r.active && r.grantRoles.some((role) => caller.roles.includes(role)))}
              />
            )}
          </PageState>
        )}
      </PageState>
    </Page>
  )
}

/** A secretary awards in their own branch; bureau staff first choose a branch. */
function BranchChoice({ me, rules }: { me: Me; rules: PointsRule[] }) {
  const directory = useAction('roster', 'branchDirectory', {})
  const [index, setIndex] = useState(0)
  if (rules.length === 0) {
    return <Notice testId="award-notice" text="您没有可发放的积分项目。" />
  }
  if (me.branch && !me.roles.includes('bureau_staff')) return <AwardForm branchId={me.branch.id} rules={rules} />
  return (
    <PageState query={directory} isEmpty={(d) => d.branches.length === 0} empty={{ title: '还没有党支部' }}>
      {(data) => {
        const branch = data.branches[Math.min(index, data.branches.length - 1)]
        return (
          <View>
            <View className="card">
              <FormField label="党支部">
                <PickerField
                  testId="award-branch"
                  range={data.branches.map((b) => b.name)}
                  index={index}
                  text={branch.name}
                  onPick={setIndex}
                />
              </FormField>
            </View>
            <AwardForm key={branch.id} branchId={branch.id} rules={rules} />
          </View>
        )
      }}
    </PageState>
  )
}

function AwardForm({ branchId, rules }: { branchId: string; rules: PointsRule[] }) {
  const [search, setSearch] = useState('')
  const [results, setResults] = useState<PickableMember[]>([])
  const [loading, setLoading] = useState(true)
  const [member, setMember] = useState<PickableMember | null>(null)
  const [ruleIndex, setRuleIndex] = useState(0)
  const [points, setPoints] = useState(String(rules[0]?.points ?? 1))
  const [reason, setReason] = useState('')
  const [searchError, setSearchError] = useState<string | null>(null)
  // One key per intent: a retry of the same award (after a network error) reuses it, so it pays once;
  // a changed member, item, value or reason is a new intent.
  const [requestId, setRequestId] = useState(newRequestId)
  const rule = rules[ruleIndex]
  // biome-ignore lint/correctness/useExhaustiveDependencies: each of these starts a new intent.
  useEffect(() => setRequestId(newRequestId()), [member, ruleIndex, points, reason])
  const awarding = useSubmit(
    (chosen: PickableMember) =>
      call('points', 'award', { memberId: chosen.id, ruleKey: rule.key, points: Number(points), reason, requestId }),
    {
      fields: [],
      toast: (data, chosen) => `已为${chosen.name}发放 ${data.points} 分`,
      onDone: () => {
        setReason('')
        setMember(null)
      },
    },
  )

  // Debounced roster search: one call per pause in typing.
  useEffect(() => {
    let live = true
    setLoading(true)
    const timer = setTimeout(async () => {
      const text = search.trim()
      const result = await call('roster', 'listMembers', {
        branchId,
        page: 1,
        pageSize: 20,
        includeInactive: false,
        ...(text ? { search: text } : {}),
      })
      if (!live) return
      setLoading(false)
      setResults(
        result.ok
          ? result.data.items.map((m) => ({
              id: m.id,
              name: m.name,
              hint: m.memberType === 'probationary' ? '预备党员' : '',
            }))
          : [],
      )
      setSearchError(result.ok ? null : result.error.message)
    }, 300)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [branchId, search])

  const needsReason = rule?.reasonRequired || Number(points) < 0
  return (
    <View className="card" data-testid="award-form">
      <FormField label="党员" required>
        <MemberPicker
          search={search}
          results={results}
          loading={loading}
          chosen={member}
          onSearch={setSearch}
          onChoose={setMember}
          onClear={() => setMember(null)}
        />
      </FormField>
      <FormField
        label="积分项目"
        required
        hint={
          [
            rule.caps.day ? `每日最多${rule.caps.day}分` : '',
            rule.caps.month ? `每月最多${rule.caps.month}分` : '',
            rule.caps.year ? `每年最多${rule.caps.year}分` : '',
          ]
            .filter(Boolean)
            .join('，') || undefined
        }
      >
        <PickerField
          testId="award-rule"
          range={rules.map((r) => `${r.name}（${r.points > 0 ? '+' : ''}${r.points}）`)}
          index={ruleIndex}
          text={rule.name}
          onPick={(index) => {
            setRuleIndex(index)
            setPoints(String(rules[index].points))
          }}
        />
      </FormField>
      <FormField label={`分值${rule.variable ? '' : '（固定）'}`}>
        <Input
          className="field-input"
          data-testid="award-points"
          type="number"
          value={points}
          disabled={!rule.variable}
          onInput={(e) => setPoints(e.detail.value)}
        />
      </FormField>
      <FormField label={`理由${needsReason ? '（必填）' : '（选填）'}`}>
        <Input
          className="field-input"
          data-testid="award-reason"
          value={reason}
          placeholder="如：周末参加社区志愿服务"
          onInput={(e) => setReason(e.detail.value)}
        />
      </FormField>
      <FieldError message={awarding.errors.general ?? searchError} testId="award-error" />
      <Button
        className="btn btn--primary points-bar"
        data-testid="award-submit"
        loading={awarding.busy}
        disabled={!member || awarding.busy || undefined}
        onClick={() => member && awarding.submit(member)}
      >
        确认发放
      </Button>
    </View>
  )
}
