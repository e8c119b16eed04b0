import { Button, Input, View } from '@tarojs/components'
import { useState } from 'react'
import { FormField, TextAreaField } from '../../../components/form-field'
import { useSubmit } from '../../../hooks/use-submit'
import { call } from '../../../services/call'

interface ScoreFormProps {
  roundId: string
  branchId: string
  indicatorKey: string
  maxScore: number
  scored: number | null
  onDone: () => void
}

/** 评分: the bureau's score of a submitted self-assessment; taking points off needs the reason the branch will read. */
export function ScoreForm({ roundId, branchId, indicatorKey, maxScore, scored, onDone }: ScoreFormProps) {
  const [score, setScore] = useState(scored === null ? '' : String(scored))
  const [comment, setComment] = useState('')
  const scoring = useSubmit<[], unknown, 'score' | 'comment'>(
    () =>
      call('assessment', 'scoreSelfAssessment', {
        roundId,
        branchId,
        indicatorKey,
        score: Number(score),
        comment,
      }),
    {
      fields: (error) =>
        error.code === 'ASSESSMENT.COMMENT_REQUIRED'
          ? { fields: { comment: error.message }, general: null }
          : error.code === 'ASSESSMENT.SCORE_OVER_MAX'
            ? { fields: { score: error.message }, general: null }
            : { fields: {}, general: error.message },
      toast: '已评分',
      onDone,
    },
  )
  return (
    <View data-testid={`score-form-${indicatorKey}`}>
      <FormField
        label="评分"
        required
        hint={`满分 ${maxScore} 分`}
        error={scoring.errors.fields.score ?? scoring.errors.general}
      >
        <Input
          className={`field-input${scoring.errors.fields.score ? ' field-input--invalid' : ''}`}
          data-testid="score-value"
          type="digit"
          value={score}
          onInput={(e) => setScore(e.detail.value)}
        />
      </FormField>
      <FormField label="评分说明" hint="扣分时必填，支部将看到失分原因" error={scoring.errors.fields.comment}>
        <TextAreaField
          value={comment}
          onInput={setComment}
          maxlength={300}
          invalid={!!scoring.errors.fields.comment}
          testId="score-comment"
        />
      </FormField>
      <Button
        className="btn btn--primary"
        data-testid="score-submit"
        disabled={score.trim() === '' || undefined}
        loading={scoring.busy}
        onClick={() => scoring.submit()}
      >
        {scored === null ? '提交评分' : '修改评分'}
      </Button>
    </View>
  )
}
