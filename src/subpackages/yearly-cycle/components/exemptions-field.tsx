import { Button, Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { EXEMPTION_REASON_LABELS } from '../../../../types/yearly-cycle-labels'
import { FormField, PickerField } from '../../../components/form-field'
import { useAction } from '../../../hooks/use-action'

type Reason = keyof typeof EXEMPTION_REASON_LABELS
const REASONS = Object.keys(EXEMPTION_REASON_LABELS) as Reason[]
export interface Exemption {
  memberId: string
  name: string
  reason: Reason
  note: string
}

/**
 * 免于评议: members who sit this round out (病休, 长期外出, or another reason written down), each
 * recorded with the reason when the round opens — never left out silently.
 */
export function ExemptionsField(props: {
  branchId: string
  value: Exemption[]
  onChange: (value: Exemption[]) => void
}) {
  const roster = useAction('roster', 'listMembers', { branchId: props.branchId, page: 1, pageSize: 50 })
  const [picked, setPicked] = useState<number | null>(null)
  const [reason, setReason] = useState<Reason>('illness')
  const [note, setNote] = useState('')
  const members = (roster.state === 'ok' ? roster.data.items : []).filter(
    (member) => !props.value.some((exemption) => exemption.memberId === member.id),
  )
  const add = () => {
    if (picked === null || !members[picked]) return
    props.onChange([
      ...props.value,
      { memberId: members[picked].id, name: members[picked].name, reason, note: note.trim() },
    ])
    setPicked(null)
    setNote('')
  }
  return (
    <FormField label="免于评议" hint="病休、长期外出等不参加本次评议的党员，须写明原因">
      {props.value.map((exemption) => (
        <View className="row" key={exemption.memberId}>
          <Text className="row__label">{exemption.name}</Text>
          <Text className="row__value">
            {`${EXEMPTION_REASON_LABELS[exemption.reason]}${exemption.note ? `（${exemption.note}）` : ''}`}
          </Text>
          <Text
            className="link"
            onClick={() => props.onChange(props.value.filter((other) => other.memberId !== exemption.memberId))}
          >
            移除
          </Text>
        </View>
      ))}
      <PickerField
        range={members.map((member) => member.name)}
        index={picked ?? 0}
        text={picked === null ? null : (members[picked]?.name ?? null)}
        placeholder="选择党员"
        onPick={setPicked}
      />
      <View className="chips">
        {REASONS.map((value) => (
          <Text key={value} className={reason === value ? 'chip chip--on' : 'chip'} onClick={() => setReason(value)}>
            {EXEMPTION_REASON_LABELS[value]}
          </Text>
        ))}
      </View>
      <Input
        className="field-input"
        placeholder={reason === 'other' ? '请写明原因' : '说明（可不填）'}
        value={note}
        onInput={(e) => setNote(e.detail.value)}
      />
      <Button className="btn btn--ghost" disabled={picked === null} onClick={add}>
        添加免于评议党员
      </Button>
    </FormField>
  )
}
