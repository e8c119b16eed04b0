import { Text, View } from '@tarojs/components'

/** What a page says to someone it has nothing for (另一角色的功能、尚未开放…), in a card. */
export function Notice({ text, testId }: { text: string; testId?: string }) {
  return (
    <View className="card notice" data-testid={testId}>
      <Text>{text}</Text>
    </View>
  )
}
