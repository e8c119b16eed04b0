import { Button, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { OutputOf } from '../../../../../types/api'
import { GRADE_LABELS, UNQUALIFIED_OUTCOME_LABELS } from '../../../../../types/yearly-cycle-labels'
import { ConfirmDialog } from '../../../../components/confirm-dialog'
import { FieldError } from '../../../../components/field-error'
import { FormField, PickerField, TextAreaField } from '../../../../components/form-field'
import { Page } from '../../../../components/page'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { useSubmit } from '../../../../hooks/use-submit'
import { call } from '../../../../services/call'
import { GRADES, type Grade, GradeChips } from '../../components/grade-chips'
import '../../components/yearly.css'

type Outcome = keyof typeof UNQUALIFIED_OUTCOME_LABELS
const OUTCOMES = Object.keys(UNQUALIFIED_OUTCOME_LABELS) as Outcome[]
type Tally = OutputOf<'yearly-cycle', 'appraisalTally'>

/**
 * 测评结果: the count of each 等次 for every member appraised — never who gave which — and,
 * for the secretary, the 党员大会's decision: 优秀 within the cap, 不合格 with its reason and handling.
 */
export default function ResultsPage() {
  const roundId = useRouter().params.roundId ?? ''
  const tally = useAction('yearly-cycle', 'appraisalTally', { roundId })
  return (
    <Page>
      <PageState query={tally}>
        {(data) => (
          <View>
            <View className="card">
              <Text className="card__title">{`${data.branchName}民主测评结果`}</Text>
              <Text
                className="muted"
                data-testid="results-ballots"
              >{`收回测评票 ${data.ballots} 张（应投 ${data.voters} 张）`}</Text>
              <Text className="muted">测评票不记名，结果只显示票数。</Text>
            </View>
            <View className="card" data-testid="results-tally">
              {data.rows.map((row) => (
                <View className="yearly-person" key={row.memberId} data-testid="results-row">
                  <Text className="yearly-person__name">
                    {row.name}
                    {row.probationary ? '（预备党员）' : ''}
                  </Text>
                  <View className="yearly-counts">
                    {GRADES.map((grade) => (
                      <Text
                        key={grade}
                        data-testid={`results-${grade}`}
                      >{`${GRADE_LABELS[grade]} ${row.counts[grade]}`}</Text>
                    ))}
                  </View>
                  {data.decisions ? (
                    <Text className="tag tag--ok" data-testid="results-decided">
                      {`评定：${GRADE_LABELS[data.decisions.find((d) => d.memberId === row.memberId)?.grade ?? 'qualified']}`}
                    </Text>
                  ) : null}
                </View>
              ))}
            </View>
            {data.decisions === null && data.mayDecide ? (
              <DecisionForm roundId={roundId} tally={data} onDone={tally.reload} />
            ) : null}
          </View>
        )}
      </PageState>
    </Page>
  )
}

interface Decision {
  grade: Grade
  reason: string
  outcome: Outcome | null
}

function DecisionForm({ roundId, tally, onDone }: { roundId: string; tally: Tally; onDone: () => void }) {
  const [decisions, setDecisions] = useState<Record<string, Decision>>(() =>
    Object.fromEntries(tally.rows.map((row) => [row.memberId, { grade: 'qualified', reason: '', outcome: null }])),
  )
  const [confirming, setConfirming] = useState(false)
  const deciding = useSubmit(
    () =>
      call('yearly-cycle', 'decideAppraisal', {
        roundId,
        decisions: tally.rows.map((row) => {
          const d = decisions[row.memberId]
          return d.grade === 'unqualified'
            ? { memberId: row.memberId, grade: d.grade, reason: d.reason, outcome: d.outcome }
            : { memberId: row.memberId, grade: d.grade, reason: null, outcome: null }
        }),
      }),
    { fields: [], toast: '评定等次已保存，已报教育局党组', onDone },
  )
  const excellent = Object.values(decisions).filter((d) => d.grade === 'excellent').length
  const set = (memberId: string, change: Partial<Decision>) =>
    setDecisions({ ...decisions, [memberId]: { ...decisions[memberId], ...change } })
  return (
    <View className="card" data-testid="results-decide">
      <Text className="card__title">党员大会评定等次</Text>
      <Text className={excellent > tally.excellentCap ? 'field-error' : 'muted'} data-testid="results-cap">
        {`优秀 ${excellent} 名，至多 ${tally.excellentCap} 名`}
      </Text>
      <Text className="muted">等次由党员大会根据测评结果评定，与积分无关；评为不合格须写明理由和处置。</Text>
      {tally.rows.map((row) => {
        const d = decisions[row.memberId]
        return (
          <View className="yearly-person" key={row.memberId} data-testid="decide-row">
            <GradeChips
              name={row.name}
              chosen={d.grade}
              onChoose={(grade) => set(row.memberId, { grade, outcome: grade === 'unqualified' ? d.outcome : null })}
              testIdPrefix="decide"
            />
            {d.grade === 'unqualified' ? (
              <View>
                <FormField label="不合格的理由" required>
                  <TextAreaField
                    value={d.reason}
                    onInput={(reason) => set(row.memberId, { reason })}
                    maxlength={500}
                    placeholder="不少于10个字"
                  />
                </FormField>
                <FormField label="处置" required hint="按《条例》记录处置结果，系统不会自动执行">
                  <PickerField
                    range={OUTCOMES.map((o) => UNQUALIFIED_OUTCOME_LABELS[o])}
                    index={d.outcome ? OUTCOMES.indexOf(d.outcome) : 0}
                    text={d.outcome ? UNQUALIFIED_OUTCOME_LABELS[d.outcome] : null}
                    placeholder="请选择"
                    onPick={(index) => set(row.memberId, { outcome: OUTCOMES[index] })}
                  />
                </FormField>
              </View>
            ) : null}
          </View>
        )
      })}
      <FieldError message={deciding.errors.general} testId="results-decide-error" />
      <Button
        className="btn btn--primary"
        data-testid="results-decide-submit"
        loading={deciding.busy}
        onClick={() => setConfirming(true)}
      >
        保存评定等次
      </Button>
      <ConfirmDialog
        visible={confirming}
        title="保存评定等次"
        message="等次保存后报送教育局党组，不能再修改。"
        confirmLabel="确认保存"
        onConfirm={() => {
          setConfirming(false)
          deciding.submit()
        }}
        onCancel={() => setConfirming(false)}
      />
    </View>
  )
}
