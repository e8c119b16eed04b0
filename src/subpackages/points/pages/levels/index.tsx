import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { POINTS_LEVEL_LABELS } from '../../../../../types/labels'
import { ListItem } from '../../../../components/list-item'
import { Notice } from '../../../../components/notice'
import { Page } from '../../../../components/page'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { yearOf } from '../../../../lib/time'
import '../../components/points.css'

/**
 * 积分等级 of a branch's members for a year: A级 to D级 by the tenant's lines,
 * exempt members marked. Levels describe points only; 民主评议's 等次
 * (优秀/合格/基本合格/不合格) are decided by the 党员大会, never from here.
 */
export default function LevelsPage() {
  const branchId = useRouter().params.branchId ?? ''
  const thisYear = yearOf(Date.now())
  const [year, setYear] = useState(thisYear)
  const levels = useAction('points', 'grades', { branchId, year })
  return (
    <Page>
      <View className="chips">
        {[thisYear, thisYear - 1].map((y) => (
          <Text
            key={y}
            className={`chip${year === y ? ' chip--on' : ''}`}
            data-testid={`levels-year-${y}`}
            onClick={() => setYear(y)}
          >
            {y}年
          </Text>
        ))}
      </View>
      <Notice text="积分等级只反映党员年度积分，供支部参考；不是民主评议党员的等次。" />
      <PageState
        query={levels}
        isEmpty={(data) => data.items.length === 0}
        empty={{ title: '本支部暂无党员', hint: '党员编入支部后按年度积分显示等级' }}
      >
        {(data) => {
          const count = (level: keyof typeof POINTS_LEVEL_LABELS) =>
            data.items.filter((item) => !item.exempt && item.grade === level).length
          return (
            <>
              <View className="card" data-testid="levels-bands">
                <Text className="card__title">{data.year}年 积分等级分数线</Text>
                <Text className="muted">
                  A级 ≥ {data.bands.excellent} 分 · B级 ≥ {data.bands.qualified} 分 · C级 ≥ {data.bands.basic} 分 ·
                  以下为 D级
                </Text>
                <View className="stats">
                  {(['excellent', 'qualified', 'basic', 'unqualified'] as const).map((level) => (
                    <View key={level} className="stat">
                      <Text className="stat__value" data-testid={`levels-count-${level}`}>
                        {count(level)}
                      </Text>
                      <Text className="stat__label">{POINTS_LEVEL_LABELS[level]}</Text>
                    </View>
                  ))}
                </View>
              </View>
              <View className="card" data-testid="levels-list">
                {data.items.map((item) => (
                  <ListItem
                    key={item.memberId}
                    testId="levels-row"
                    title={item.name}
                    badges={
                      item.exempt ? (
                        <Text className="tag tag--plain">免于积分</Text>
                      ) : (
                        <Text className="tag tag--info">{POINTS_LEVEL_LABELS[item.grade]}</Text>
                      )
                    }
                    meta={[`年度积分 ${item.points}`]}
                  />
                ))}
              </View>
            </>
          )
        }}
      </PageState>
    </Page>
  )
}
