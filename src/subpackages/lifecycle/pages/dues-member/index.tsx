import { Button, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { OutputOf } from '../../../../../types/api'
import { DUES_CATEGORIES, type DuesCategory, PAYMENT_METHODS, type PaymentMethod } from '../../../../../types/lifecycle'
import { ConfirmDialog } from '../../../../components/confirm-dialog'
import { FieldError } from '../../../../components/field-error'
import { DateField, FormField, PickerField, TypedField } from '../../../../components/form-field'
import { Page } from '../../../../components/page'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { useSubmit } from '../../../../hooks/use-submit'
import { useRequestId } from '../../../../lib/request-id'
import { dateKey, yearOf } from '../../../../lib/time'
import { call } from '../../../../services/call'
import { ArrearsNotice, CATEGORY_NAMES, DuesMonths } from '../../components/dues'
import { YearChips } from '../../components/year-chips'
import { fenOf, yuan } from '../../lib/money'
import '../../components/lifecycle.css'

type MemberYear = OutputOf<'lifecycle', 'memberDues'>

const METHOD_NAMES: Record<PaymentMethod, string> = {
  cash: '现金',
  transfer: '银行转账',
  wechat_pay: '微信支付（记录单号）',
}
const WAGE_CATEGORIES: readonly DuesCategory[] = ['employed', 'retired']

/**
 * One member's dues (?memberId=&year=) for the branch's secretary: the year
 * month by month; 核定基数; 记录交纳 of the months ticked (priced by the
 * server, plus voluntary extra), confirmed, sent with one request id per
 * intent so a retried tap records once; 减免 by the branch's decision.
 */
export default function MemberDuesPage() {
  const params = useRouter().params
  const memberId = params.memberId ?? ''
  const [year, setYear] = useState(() => Number(params.year) || yearOf(Date.now()))
  const dues = useAction('lifecycle', 'memberDues', { memberId, year })
  return (
    <Page>
      <YearChips year={year} onYear={setYear} />
      <PageState query={dues}>
        {(data) => (
          <>
            <View className="hero">
              <Text className="hero__title" data-testid="dues-member-name">
                {data.name}
              </Text>
              <Text className="hero__subtitle">
                {data.monthlyFen === null
                  ? `${year}年党费基数未核定`
                  : `${data.category ? CATEGORY_NAMES[data.category] : ''} · 每月应交 ${yuan(data.monthlyFen)} 元`}
              </Text>
            </View>
            <ArrearsNotice arrears={data.arrears} whose="该党员" />
            {data.canManage ? (
              <ManageMember key={`${data.memberId}-${year}`} data={data} onSaved={dues.reload} />
            ) : (
              <DuesMonths months={data.months} />
            )}
          </>
        )}
      </PageState>
    </Page>
  )
}

function ManageMember({ data, onSaved }: { data: MemberYear; onSaved: () => void }) {
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const toggle = (month: string) =>
    setSelected((current) => {
      const next = new Set(current)
      if (next.has(month)) next.delete(month)
      else next.add(month)
      return next
    })
  return (
    <>
      <DuesMonths months={data.months} selected={selected} onToggle={toggle} />
      <PaymentForm
        data={data}
        months={[...selected].sort()}
        onSaved={() => {
          setSelected(new Set())
          onSaved()
        }}
      />
      <BaseForm data={data} onSaved={onSaved} />
      <ReductionForm data={data} onSaved={onSaved} />
    </>
  )
}

function PaymentForm({ data, months, onSaved }: { data: MemberYear; months: string[]; onSaved: () => void }) {
  const [requestId, renew] = useRequestId()
  const [extra, setExtra] = useState('')
  const [method, setMethod] = useState<PaymentMethod>('cash')
  const [reference, setReference] = useState('')
  const [paidOn, setPaidOn] = useState(() => dateKey(Date.now()))
  const [confirming, setConfirming] = useState(false)
  const extraFen = extra.trim() === '' ? 0 : fenOf(extra)
  const owed = data.months
    .filter((row) => months.includes(row.month))
    .reduce((sum, row) => sum + row.owedFen - row.paidFen, 0)
  const saving = useSubmit(
    () =>
      call('lifecycle', 'recordDuesPayment', {
        requestId,
        memberId: data.memberId,
        months,
        extraFen: extraFen ?? -1,
        method,
        reference,
        paidOn,
      }),
    {
      fields: ['months', 'extraFen', 'reference', 'paidOn'] as const,
      toast: (paid) => `已记录 ${yuan(paid.paidFen + paid.extraFen)} 元`,
      onDone: () => {
        renew()
        setConfirming(false)
        setExtra('')
        setReference('')
        onSaved()
      },
      onRefused: () => setConfirming(false),
    },
  )
  const { errors } = saving
  return (
    <View className="card" data-testid="dues-pay-form">
      <Text className="card__title">记录交纳</Text>
      <Text className="muted">
        {months.length === 0
          ? '在上方勾选本次交纳的月份；金额按核定基数计算。本程序只作记录，不收取款项。'
          : `已选 ${months.length} 个月，应交 ${yuan(owed)} 元`}
      </Text>
      <FormField label="自愿多交（元）" hint="选填；单独列示，不计入收缴率" error={errors.fields.extraFen}>
        <TypedField
          testId="dues-pay-extra"
          type="digit"
          value={extra}
          placeholder="0.00"
          invalid={Boolean(errors.fields.extraFen) || extraFen === null}
          onInput={setExtra}
        />
      </FormField>
      <FormField label="交纳方式" required>
        <PickerField
          testId="dues-pay-method"
          range={PAYMENT_METHODS.map((m) => METHOD_NAMES[m])}
          index={PAYMENT_METHODS.indexOf(method)}
          text={METHOD_NAMES[method]}
          onPick={(index) => setMethod(PAYMENT_METHODS[index])}
        />
      </FormField>
      {method === 'cash' ? null : (
        <FormField label="转账流水号 / 微信支付单号" error={errors.fields.reference}>
          <TypedField testId="dues-pay-reference" value={reference} onInput={setReference} placeholder="选填" />
        </FormField>
      )}
      <FormField label="交纳日期" required error={errors.fields.paidOn}>
        <DateField value={paidOn} end={dateKey(Date.now())} placeholder="选择日期" onPick={setPaidOn} />
      </FormField>
      <FieldError testId="dues-form-error" message={errors.fields.months ?? errors.general} />
      <Button
        className="btn btn--primary"
        data-testid="dues-pay-submit"
        disabled={months.length === 0 || extraFen === null || saving.busy || undefined}
        onClick={() => setConfirming(true)}
      >
        记录交纳
      </Button>
      <ConfirmDialog
        visible={confirming}
        title="确认记录交纳"
        message={`${data.name}：${months.map((m) => `${Number(m.slice(5))}月`).join('、')}，应交 ${yuan(owed)} 元${
          extraFen ? `，自愿多交 ${yuan(extraFen)} 元` : ''
        }，${METHOD_NAMES[method]}，${paidOn}`}
        confirmLabel="确认记录"
        busy={saving.busy}
        onConfirm={() => saving.submit()}
        onCancel={() => setConfirming(false)}
      />
    </View>
  )
}

function BaseForm({ data, onSaved }: { data: MemberYear; onSaved: () => void }) {
  const [category, setCategory] = useState<DuesCategory>(data.category ?? 'employed')
  const [base, setBase] = useState(data.baseFen ? yuan(data.baseFen) : '')
  const wage = WAGE_CATEGORIES.includes(category)
  const baseFen = wage ? fenOf(base) : 0
  const saving = useSubmit(
    () =>
      call('lifecycle', 'setDuesBase', { memberId: data.memberId, year: data.year, category, baseFen: baseFen ?? -1 }),
    {
      fields: ['baseFen', 'category'] as const,
      toast: (saved) => `已核定，每月应交 ${yuan(saved.monthlyFen)} 元`,
      onDone: onSaved,
    },
  )
  const { errors } = saving
  return (
    <View className="card" data-testid="dues-base-form">
      <Text className="card__title">{`核定${data.year}年党费基数`}</Text>
      <FormField label="类别" required error={errors.fields.category}>
        <PickerField
          testId="dues-base-category"
          range={DUES_CATEGORIES.map((c) => CATEGORY_NAMES[c])}
          index={DUES_CATEGORIES.indexOf(category)}
          text={CATEGORY_NAMES[category]}
          onPick={(index) => setCategory(DUES_CATEGORIES[index])}
        />
      </FormField>
      {wage ? (
        <FormField
          label={category === 'retired' ? '月养老金（元）' : '税后月工资（元）'}
          required
          hint="工资收入中相对固定、经常性的部分"
          error={errors.fields.baseFen ?? (base.trim() !== '' && baseFen === null ? '请填写金额，最多两位小数' : null)}
        >
          <TypedField testId="dues-base-amount" type="digit" value={base} onInput={setBase} placeholder="例如 4500" />
        </FormField>
      ) : (
        <Text className="muted">按固定金额交纳，不需填写基数。</Text>
      )}
      <FieldError testId="dues-form-error" message={errors.general} />
      <Button
        className="btn btn--ghost"
        data-testid="dues-base-submit"
        disabled={baseFen === null || saving.busy || undefined}
        onClick={() => saving.submit()}
      >
        保存基数
      </Button>
    </View>
  )
}

function ReductionForm({ data, onSaved }: { data: MemberYear; onSaved: () => void }) {
  const [requestId, renew] = useRequestId()
  const months = data.months.map((row) => row.month)
  const [from, setFrom] = useState(0)
  const [to, setTo] = useState(0)
  const [amount, setAmount] = useState('0')
  const [decision, setDecision] = useState('')
  const [decidedOn, setDecidedOn] = useState(() => dateKey(Date.now()))
  const monthlyFen = fenOf(amount)
  const saving = useSubmit(
    () =>
      call('lifecycle', 'setDuesReduction', {
        requestId,
        memberId: data.memberId,
        fromMonth: months[from],
        toMonth: months[to],
        monthlyFen: monthlyFen ?? -1,
        decision,
        decidedOn,
      }),
    {
      fields: ['toMonth', 'monthlyFen', 'decision', 'decidedOn'] as const,
      toast: '已记录减免',
      onDone: () => {
        renew()
        setDecision('')
        onSaved()
      },
    },
  )
  if (months.length === 0) return null
  const { errors } = saving
  const monthNames = months.map((m) => `${Number(m.slice(5))}月`)
  return (
    <View className="card" data-testid="dues-reduction-form">
      <Text className="card__title">少交或免交</Text>
      <Text className="muted">生活确有困难的党员，经支部委员会研究同意，可以少交或免交党费。</Text>
      <FormField label="起止月份" required error={errors.fields.toMonth}>
        <View className="btn-row">
          <PickerField range={monthNames} index={from} text={monthNames[from]} onPick={setFrom} />
          <PickerField range={monthNames} index={to} text={monthNames[to]} onPick={setTo} />
        </View>
      </FormField>
      <FormField label="每月交纳（元）" hint="填 0 为免交" required error={errors.fields.monthlyFen}>
        <TypedField type="digit" value={amount} onInput={setAmount} invalid={monthlyFen === null} />
      </FormField>
      <FormField label="支部研究决定" required error={errors.fields.decision}>
        <TypedField value={decision} onInput={setDecision} placeholder="例如：2026年3月支委会研究同意" />
      </FormField>
      <FormField label="决定日期" required error={errors.fields.decidedOn}>
        <DateField value={decidedOn} end={dateKey(Date.now())} placeholder="选择日期" onPick={setDecidedOn} />
      </FormField>
      <FieldError testId="dues-form-error" message={errors.general} />
      <Button
        className="btn btn--ghost"
        disabled={monthlyFen === null || saving.busy || undefined}
        onClick={() => saving.submit()}
      >
        记录减免
      </Button>
    </View>
  )
}
