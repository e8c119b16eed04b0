import { Button, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { EXEMPT_REASON_LABELS } from '../../../../../types/labels'
import { EXEMPT_REASONS, type ExemptionRow, type ExemptReason } from '../../../../../types/points'
import { BranchMemberPicker } from '../../../../components/branch-member-picker'
import { ConfirmDialog } from '../../../../components/confirm-dialog'
import { DateField, FormField } from '../../../../components/form-field'
import { ListItem } from '../../../../components/list-item'
import { Page } from '../../../../components/page'
import { PageState } from '../../../../components/page-state'
import { SwitchRow } from '../../../../components/switch-row'
import { useAction } from '../../../../hooks/use-action'
import { useSubmit } from '../../../../hooks/use-submit'
import { dateKey } from '../../../../lib/time'
import { call } from '../../../../services/call'
import '../../components/points.css'

const FIELDS = ['memberId', 'reason', 'from', 'until'] as const

/**
 * 免于积分 of a branch: retired, long-absent or ill members left out of
 * rankings and participation over a period (their ledger kept); who is
 * exempt now, who was, and a form to add one or end one.
 */
export default function ExemptPage() {
  const branchId = useRouter().params.branchId ?? ''
  const list = useAction('points', 'exemptions', { branchId })
  // listMembers answers whether the caller manages the branch (only managers set exemptions).
  const roster = useAction('roster', 'listMembers', { branchId, page: 1, pageSize: 1, includeInactive: false })
  const manages = roster.state === 'ok' && roster.data.access === 'manage'
  const [ending, setEnding] = useState<ExemptionRow | null>(null)
  const endingCall = useSubmit((memberId: string) => call('points', 'setExempt', { memberId, exempt: false }), {
    toast: '已恢复积分排名',
    onDone: () => {
      setEnding(null)
      list.reload()
    },
    onRefused: () => setEnding(null),
  })
  return (
    <Page>
      <PageState query={list}>
        {({ items }) => (
          <View className="card" data-testid="exempt-list">
            <Text className="card__title">免于积分的党员</Text>
            {items.length === 0 ? <Text className="muted">本支部没有免于积分的党员</Text> : null}
            {items.map((item) => (
              <ListItem
                key={item.memberId}
                testId="exempt-row"
                title={item.name}
                badges={
                  <Text className={`tag ${item.inForce ? 'tag--warn' : 'tag--plain'}`}>
                    {item.inForce ? '免于积分中' : '不在期限内'}
                  </Text>
                }
                meta={[
                  `${EXEMPT_REASON_LABELS[item.reason]} · ${item.from} 至 ${item.until ?? '长期'}`,
                  item.byName ? `登记人：${item.byName}` : null,
                ]}
              >
                {manages ? (
                  <Text className="chip" data-testid="exempt-end" onClick={() => setEnding(item)}>
                    恢复积分排名
                  </Text>
                ) : null}
              </ListItem>
            ))}
          </View>
        )}
      </PageState>
      {manages ? <ExemptForm branchId={branchId} onDone={list.reload} /> : null}
      <ConfirmDialog
        visible={ending !== null}
        title="恢复积分排名"
        message={ending ? `${ending.name} 将重新计入支部排名和参与率，积分记录不变。` : ''}
        confirmLabel="确认恢复"
        busy={endingCall.busy}
        onConfirm={() => ending && endingCall.submit(ending.memberId)}
        onCancel={() => setEnding(null)}
      />
    </Page>
  )
}

function ExemptForm({ branchId, onDone }: { branchId: string; onDone: () => void }) {
  const today = dateKey(Date.now())
  const [memberId, setMemberId] = useState<string | null>(null)
  const [reason, setReason] = useState<ExemptReason>('retired')
  const [from, setFrom] = useState(today)
  const [openEnded, setOpenEnded] = useState(true)
  const [until, setUntil] = useState<string | null>(null)
  const saving = useSubmit(
    () =>
      call('points', 'setExempt', {
        memberId: memberId ?? '',
        exempt: true,
        reason,
        from,
        until: openEnded ? null : until,
      }),
    {
      fields: FIELDS,
      toast: '已登记免于积分',
      onDone: () => {
        setMemberId(null)
        onDone()
      },
    },
  )
  return (
    <View className="card" data-testid="exempt-form">
      <Text className="card__title">登记免于积分</Text>
      <FormField label="党员" required error={saving.errors.fields.memberId}>
        <BranchMemberPicker
          testId="picker-exempt-member"
          branchId={branchId}
          memberId={memberId}
          onPick={setMemberId}
        />
      </FormField>
      <FormField label="原因" required error={saving.errors.fields.reason}>
        <View className="chips">
          {EXEMPT_REASONS.map((key) => (
            <Text
              key={key}
              className={`chip${reason === key ? ' chip--on' : ''}`}
              data-testid={`exempt-reason-${key}`}
              onClick={() => setReason(key)}
            >
              {EXEMPT_REASON_LABELS[key]}
            </Text>
          ))}
        </View>
      </FormField>
      <FormField label="开始日期" required error={saving.errors.fields.from}>
        <DateField testId="picker-exempt-from" value={from} placeholder="请选择开始日期" onPick={setFrom} />
      </FormField>
      <SwitchRow label="长期（如退休）" checked={openEnded} onChange={setOpenEnded} />
      {openEnded ? null : (
        <FormField label="结束日期" required error={saving.errors.fields.until}>
          <DateField testId="picker-exempt-until" value={until} placeholder="请选择结束日期" onPick={setUntil} />
        </FormField>
      )}
      {saving.errors.general ? <Text className="field-error">{saving.errors.general}</Text> : null}
      <Button
        className="btn btn--primary"
        data-testid="exempt-submit"
        loading={saving.busy}
        disabled={!memberId || (!openEnded && !until) || saving.busy || undefined}
        onClick={() => saving.submit()}
      >
        登记
      </Button>
    </View>
  )
}
