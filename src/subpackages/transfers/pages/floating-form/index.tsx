import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { OutputOf } from '../../../../../types/api'
import { FieldError } from '../../../../components/field-error'
import { FormField, TypedField, TypeOrPick } from '../../../../components/form-field'
import { Page } from '../../../../components/page'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { useSubmit } from '../../../../hooks/use-submit'
import { useRequestId } from '../../../../lib/request-id'
import { dateKey } from '../../../../lib/time'
import { call } from '../../../../services/call'

const FIELDS = ['whereabouts', 'hostOrg', 'since', 'contact'] as const

/** 登记流动党员 (?memberId=): where the member is and where they take part in Party life. */
export default function FloatingFormPage() {
  const memberId = useRouter().params.memberId ?? ''
  const member = useAction('roster', 'getMember', { memberId })
  return (
    <Page>
      <PageState query={member}>{(data) => <FloatingForm member={data} />}</PageState>
    </Page>
  )
}

function FloatingForm({ member }: { member: OutputOf<'roster', 'getMember'> }) {
  const [requestId] = useRequestId()
  const [whereabouts, setWhereabouts] = useState('')
  const [hostOrg, setHostOrg] = useState('')
  const [since, setSince] = useState(() => dateKey(Date.now()))
  const [contact, setContact] = useState('')
  const recording = useSubmit(
    () =>
      call('lifecycle', 'recordFloating', {
        requestId,
        memberId: member.id,
        whereabouts,
        hostOrg: hostOrg.trim() || null,
        since,
        contact: contact.trim() || null,
      }),
    { fields: FIELDS, toast: '已登记', onDone: () => Taro.navigateBack() },
  )
  const { errors } = recording
  return (
    <View data-testid="floating-form">
      <View className="card">
        <Text className="card__title">{`${member.name} · ${member.branchName ?? ''}`}</Text>
        <FormField label="外出地点" required error={errors.fields.whereabouts}>
          <TypedField
            testId="floating-whereabouts"
            placeholder="如：上海市浦东新区（务工）"
            value={whereabouts}
            invalid={Boolean(errors.fields.whereabouts)}
            onInput={setWhereabouts}
          />
        </FormField>
        <FormField label="参加组织生活的党组织" hint="流入地党组织，尚未联系上可不填" error={errors.fields.hostOrg}>
          <TypedField
            testId="floating-host"
            placeholder="如：周家渡街道流动党员党支部"
            value={hostOrg}
            invalid={Boolean(errors.fields.hostOrg)}
            onInput={setHostOrg}
          />
        </FormField>
        <FormField label="外出日期" required error={errors.fields.since}>
          <TypeOrPick
            mode="date"
            placeholder="YYYY-MM-DD"
            testId="floating-since"
            value={since}
            invalid={Boolean(errors.fields.since)}
            onChange={setSince}
          />
        </FormField>
        <FormField label="联系方式" hint="选填" error={errors.fields.contact}>
          <TypedField testId="floating-contact" value={contact} onInput={setContact} />
        </FormField>
        <FieldError message={errors.general} testId="floating-error" />
      </View>
      <Button
        className="btn btn--primary"
        data-testid="floating-submit"
        disabled={recording.busy || undefined}
        onClick={() => recording.submit()}
      >
        登记为流动党员
      </Button>
    </View>
  )
}
