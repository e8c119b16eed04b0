import { Button, Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { DuesBracket, DuesSchedule } from '../../../../../types/lifecycle'
import { FieldError } from '../../../../components/field-error'
import { FormField, PickerField, TypedField } from '../../../../components/form-field'
import { Page } from '../../../../components/page'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { useSubmit } from '../../../../hooks/use-submit'
import { yearOf } from '../../../../lib/time'
import { call } from '../../../../services/call'
import { fenOf, yuan } from '../../lib/money'
import '../../components/lifecycle.css'

/** A bracket as typed: its upper bound in 元 ('' for the last, unbounded one) and its rate in %. */
type BracketText = { upTo: string; rate: string }
const toText = (brackets: readonly DuesBracket[]): BracketText[] =>
  brackets.map((b) => ({ upTo: b.upToFen === null ? '' : yuan(b.upToFen), rate: (b.rateBp / 100).toString() }))

/** '1.5' (%) to basis points (150), or null. */
function basisPoints(text: string): number | null {
  const match = /^(\d{1,2})(?:\.(\d{1,2}))?$/.exec(text.trim())
  return match ? Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0')) : null
}

function fromText(rows: readonly BracketText[]): DuesBracket[] | null {
  const brackets = rows.map((row, i) => ({
    upToFen: i === rows.length - 1 ? null : fenOf(row.upTo),
    rateBp: basisPoints(row.rate),
  }))
  if (brackets.some((b, i) => b.rateBp === null || (i < rows.length - 1 && b.upToFen === null))) return null
  return brackets as DuesBracket[]
}

/** The months a county may start its dues records from: two years back to a year ahead, after 不限. */
function recordMonths(thisYear: number): { value: string | null; label: string }[] {
  const months = [{ value: null as string | null, label: '不限（自入党时间起）' }]
  for (let year = thisYear - 2; year <= thisYear + 1; year++) {
    for (let m = 1; m <= 12; m++)
      months.push({ value: `${year}-${String(m).padStart(2, '0')}`, label: `${year}年${m}月` })
  }
  return months
}

/**
 * 党费交纳标准 for bureau staff: the share of the wage per bracket for members
 * in work and for retired members, and the fixed amount; the 2008 规定 until
 * changed. Payments already recorded keep the amounts they were priced at.
 */
export default function DuesSchedulePage() {
  const schedule = useAction('lifecycle', 'getDuesSchedule', {})
  return (
    <Page>
      <PageState query={schedule}>{(data) => <ScheduleForm saved={data} onSaved={schedule.reload} />}</PageState>
    </Page>
  )
}

function ScheduleForm({ saved, onSaved }: { saved: DuesSchedule; onSaved: () => void }) {
  const [employed, setEmployed] = useState(() => toText(saved.employed))
  const [retired, setRetired] = useState(() => toText(saved.retired))
  const [fixed, setFixed] = useState(() => yuan(saved.fixedFen))
  const [recordsFrom, setRecordsFrom] = useState<string | null>(saved.recordsFrom)
  const [months] = useState(() => recordMonths(yearOf(Date.now())))
  const schedule = {
    employed: fromText(employed),
    retired: fromText(retired),
    fixedFen: fenOf(fixed),
  }
  const monthIndex = months.findIndex((month) => month.value === recordsFrom)
  const complete = schedule.employed && schedule.retired && schedule.fixedFen !== null
  const saving = useSubmit(
    () =>
      call('lifecycle', 'updateDuesSchedule', {
        employed: schedule.employed ?? [],
        retired: schedule.retired ?? [],
        fixedFen: schedule.fixedFen ?? -1,
        recordsFrom,
      }),
    { fields: ['employed', 'retired', 'fixedFen'] as const, toast: '已保存党费交纳标准', onDone: onSaved },
  )
  const { errors } = saving
  const brackets = (title: string, rows: BracketText[], set: (rows: BracketText[]) => void, key: string) => (
    <View className="card" data-testid={`dues-schedule-${key}`}>
      <Text className="card__title">{title}</Text>
      {rows.map((row, i) => {
        const change = (patch: Partial<BracketText>) => set(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)))
        const last = i === rows.length - 1
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: a bracket is its position in the table
          <View key={i} className="btn-row">
            {last ? (
              <Text className="muted">{`${rows[i - 1]?.upTo || '0'} 元以上`}</Text>
            ) : (
              <FormField label="不超过（元）">
                <TypedField type="digit" value={row.upTo} onInput={(upTo) => change({ upTo })} />
              </FormField>
            )}
            <FormField label="比例（%）">
              <TypedField
                testId={`dues-rate-${key}-${i}`}
                type="digit"
                value={row.rate}
                onInput={(rate) => change({ rate })}
              />
            </FormField>
          </View>
        )
      })}
    </View>
  )
  return (
    <View data-testid="dues-schedule">
      <Text className="muted">
        默认按《关于中国共产党党费收缴、使用和管理的规定》（2008年）：在职党员按税后月工资分档交纳，离退休党员按月养老金分档交纳，学生、失业和依靠最低生活保障的党员每月交纳固定金额。
      </Text>
      {brackets('在职党员', employed, setEmployed, 'employed')}
      {brackets('离退休党员', retired, setRetired, 'retired')}
      <View className="card">
        <FormField label="学生、失业、低保党员每月（元）" required error={errors.fields.fixedFen}>
          <TypedField type="digit" value={fixed} onInput={setFixed} />
        </FormField>
      </View>
      <View className="card">
        <FormField
          label="党费记录起始月份"
          hint="此前各月的党费记在纸质党费证上，不计入应交和欠缴。各支部收缴表和党员的党费页立即按此计算；全县收缴率和欠缴名单在1小时内更新。"
        >
          <PickerField
            testId="dues-records-from"
            range={months.map((month) => month.label)}
            index={Math.max(0, monthIndex)}
            text={monthIndex >= 0 ? months[monthIndex].label : recordsFrom}
            onPick={(i) => setRecordsFrom(months[i]?.value ?? null)}
          />
        </FormField>
      </View>
      <FieldError message={errors.fields.employed ?? errors.fields.retired ?? errors.general} />
      <Button
        className="btn btn--primary"
        data-testid="dues-schedule-save"
        disabled={!complete || saving.busy || undefined}
        onClick={() => saving.submit()}
      >
        保存
      </Button>
    </View>
  )
}
