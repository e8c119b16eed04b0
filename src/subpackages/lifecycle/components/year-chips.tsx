import { Text, View } from '@tarojs/components'

/** 上一年 / 本年 / 下一年 as chips. */
export function YearChips({ year, onYear }: { year: number; onYear: (year: number) => void }) {
  return (
    <View className="chips">
      {[year - 1, year, year + 1].map((y) => (
        <Text
          key={y}
          className={`chip${y === year ? ' chip--on' : ''}`}
          data-testid={`chip-year-${y}`}
          onClick={() => onYear(y)}
        >
          {`${y}年`}
        </Text>
      ))}
    </View>
  )
}
