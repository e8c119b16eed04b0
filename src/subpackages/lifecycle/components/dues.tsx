import { Text, View } from '@tarojs/components'
import type { Arrears, DuesCategory, DuesImportRow, DuesMonth } from '../../../../types/lifecycle'
import { ListItem } from '../../../components/list-item'
import { Notice } from '../../../components/notice'
import { yuan } from '../lib/money'

export const CATEGORY_NAMES: Record<DuesCategory, string> = {
  employed: '在职（按税后月工资）',
  retired: '离退休（按月养老金）',
  student: '学生',
  unemployed: '失业、下岗',
  subsistence: '依靠最低生活保障',
}

const monthName = (month: string) => `${Number(month.slice(5, 7))}月`

/** A month's state in the words of the 党费证: 已交 / 未交 / 免交 / 基数未核定. */
export function monthState(row: DuesMonth): { text: string; tone: 'ok' | 'warn' | 'plain' } {
  if (!row.baseSet) return { text: '基数未核定', tone: 'plain' }
  if (row.owedFen === 0) return { text: '免交', tone: 'plain' }
  return row.settled ? { text: '已交', tone: 'ok' } : { text: '未交', tone: 'warn' }
}

/** The arrears flag as the member or the secretary reads it; nothing when there are none. */
export function ArrearsNotice({ arrears, whose }: { arrears: Arrears; whose: string }) {
  if (arrears.months === 0 || !arrears.since) return null
  const text =
    arrears.flag === 'none'
      ? `${whose}${monthName(arrears.since)}起有 ${arrears.months} 个月党费未交，请及时交纳`
      : `${whose}已连续 ${arrears.months} 个月未交纳党费（自${arrears.since.slice(0, 4)}年${monthName(arrears.since)}起），请及时与支部联系`
  return <Notice text={text} testId="dues-arrears-notice" />
}

/**
 * The year month by month, as a 党费证 lists it: 应交, 已交, 自愿多交 and the state;
 * with `selectable`, the unpaid months the secretary may tick for a payment.
 */
export function DuesMonths({
  months,
  selected,
  onToggle,
}: {
  months: readonly DuesMonth[]
  selected?: ReadonlySet<string>
  onToggle?: (month: string) => void
}) {
  return (
    <View className="card" data-testid="dues-months">
      <Text className="card__title">逐月明细</Text>
      {months.map((row) => {
        const state = monthState(row)
        const payable = onToggle && row.baseSet && !row.settled
        const on = selected?.has(row.month) ?? false
        return (
          <View
            key={row.month}
            className={`dues-month${on ? ' dues-month--on' : ''}`}
            data-testid={`dues-month-${row.month}`}
            onClick={payable ? () => onToggle(row.month) : undefined}
          >
            <Text className="dues-month__name">
              {payable ? (on ? '☑ ' : '☐ ') : ''}
              {monthName(row.month)}
            </Text>
            <Text className="dues-month__amounts">
              {row.baseSet ? `应交 ${yuan(row.owedFen)}` : '—'}
              {row.paidFen > 0 ? ` · 已交 ${yuan(row.paidFen)}` : ''}
              {row.extraFen > 0 ? ` · 自愿多交 ${yuan(row.extraFen)}` : ''}
              {row.reduced ? ' · 减免' : ''}
            </Text>
            <Text className={`tag tag--${state.tone}`}>{state.text}</Text>
          </View>
        )
      })}
    </View>
  )
}

const STATUS_TAGS: Record<DuesImportRow['status'], { text: string; tone: string }> = {
  set: { text: '设置', tone: 'ok' },
  unchanged: { text: '未变', tone: 'plain' },
  error: { text: '错误 · 不导入', tone: 'warn' },
}

/** One row: who it matched, the category, base and monthly amount it sets — or why it is not imported. */
export function DuesImportRowView({ row }: { row: DuesImportRow }) {
  const tag = STATUS_TAGS[row.status]
  const amounts =
    row.category && row.monthlyFen !== null
      ? `${CATEGORY_NAMES[row.category]}${row.baseFen ? ` · 基数 ${yuan(row.baseFen)} 元` : ''} · 每月 ${yuan(row.monthlyFen)} 元`
      : null
  return (
    <ListItem
      testId="dues-import-row"
      title={`第 ${row.row} 行 · ${row.name || '（无姓名）'}`}
      badges={<Text className={`tag tag--${tag.tone}`}>{tag.text}</Text>}
      meta={[amounts, row.message]}
    />
  )
}
