import { Text, View } from '@tarojs/components'
import { GRADE_LABELS } from '../../../../types/yearly-cycle-labels'

export type Grade = keyof typeof GRADE_LABELS
export const GRADES = Object.keys(GRADE_LABELS) as Grade[]

/** One member appraised and the four 等次 to choose from (the ballot, and the 党员大会's decision). */
export function GradeChips(props: {
  name: string
  probationary?: boolean
  chosen: Grade | null
  onChoose: (grade: Grade) => void
  testIdPrefix: string
}) {
  return (
    <View>
      <Text className="yearly-person__name">
        {props.name}
        {props.probationary ? '（预备党员）' : ''}
      </Text>
      <View className="chips">
        {GRADES.map((grade) => (
          <Text
            key={grade}
            className={props.chosen === grade ? 'chip chip--on' : 'chip'}
            data-testid={`${props.testIdPrefix}-${grade}`}
            onClick={() => props.onChoose(grade)}
          >
            {GRADE_LABELS[grade]}
          </Text>
        ))}
      </View>
    </View>
  )
}
