import { Text, View } from '@tarojs/components'
import './roster.css'

export interface Choice {
  id: string
  title: string
  hint?: string
}

interface ChoiceListProps {
  choices: readonly Choice[]
  chosen: string | null
  onChoose: (id: string) => void
  /** Shown when there is nothing to choose. */
  empty: string
  testId?: string
}

/** One choice among a short list inside a dialog (a destination, a branch to merge into). */
export function ChoiceList({ choices, chosen, onChoose, empty, testId }: ChoiceListProps) {
  if (choices.length === 0) return <Text className="transfer-empty">{empty}</Text>
  return (
    <View className="transfer-list" data-testid={testId}>
      {choices.map((choice) => (
        <View
          key={choice.id}
          className={`transfer-option divided${chosen === choice.id ? ' transfer-option--on' : ''}`}
          data-testid="choice"
          data-choice-id={choice.id}
          onClick={() => onChoose(choice.id)}
        >
          <View className="choice__main">
            <Text>{choice.title}</Text>
            {choice.hint ? <Text className="muted">{choice.hint}</Text> : null}
          </View>
          {chosen === choice.id ? <Text className="transfer-option__check">✓</Text> : null}
        </View>
      ))}
    </View>
  )
}
