import { Button, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { REPORT_RATING_LABELS } from '../../../../types/yearly-cycle-labels'
import { FormField, TextAreaField } from '../../../components/form-field'
import { useSubmit } from '../../../hooks/use-submit'
import { call } from '../../../services/call'

type Rating = keyof typeof REPORT_RATING_LABELS
const RATINGS = Object.keys(REPORT_RATING_LABELS) as Rating[]

/** 评价述职: 好/较好/一般/差, once; bureau staff sign theirs with a comment, members rate anonymously. */
export function RatingForm(props: { reportId: string; asBureau: boolean; onRated: () => void }) {
  const [rating, setRating] = useState<Rating | null>(null)
  const [comment, setComment] = useState('')
  const rating_ = useSubmit(
    (chosen: Rating) =>
      call('yearly-cycle', 'rateSecretaryReport', { reportId: props.reportId, rating: chosen, comment }),
    { toast: '评价已提交', onDone: props.onRated, onRefused: props.onRated },
  )
  return (
    <View className="card" data-testid="report-rate">
      <Text className="card__title">评价述职</Text>
      <Text className="muted">
        {props.asBureau ? '教育局党组的评价署名，附评语。' : '党员评价不记名，每人一次，提交后不能修改。'}
      </Text>
      <View className="chips">
        {RATINGS.map((value) => (
          <Text
            key={value}
            className={rating === value ? 'chip chip--on' : 'chip'}
            data-testid={`report-rate-${value}`}
            onClick={() => setRating(value)}
          >
            {REPORT_RATING_LABELS[value]}
          </Text>
        ))}
      </View>
      {props.asBureau ? (
        <FormField label="评语">
          <TextAreaField value={comment} onInput={setComment} maxlength={300} testId="report-rate-comment" />
        </FormField>
      ) : null}
      <Button
        className="btn btn--primary"
        data-testid="report-rate-submit"
        disabled={rating === null}
        loading={rating_.busy}
        onClick={() => rating && rating_.submit(rating)}
      >
        提交评价
      </Button>
    </View>
  )
}
