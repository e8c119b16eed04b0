import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { OutputOf } from '../../../../../types/api'
import { FieldError } from '../../../../components/field-error'
import { Notice } from '../../../../components/notice'
import { Page } from '../../../../components/page'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { useSubmit } from '../../../../hooks/use-submit'
import { useRequestId } from '../../../../lib/request-id'
import { dateKey } from '../../../../lib/time'
import { call } from '../../../../services/call'
import { type Letter, LetterFields, letterInput } from '../../components/letter-fields'

const FIELDS = ['letterNo', 'destination', 'issuedOn', 'validDays'] as const

/** 开具介绍信 (?memberId=): 转出县外; the member stays on the roster until the 回执 is recorded. */
export default function LetterPage() {
  const memberId = useRouter().params.memberId ?? ''
  const member = useAction('roster', 'getMember', { memberId })
  return (
    <Page>
      <PageState query={member}>{(data) => <LetterForm member={data} />}</PageState>
    </Page>
  )
}

function LetterForm({ member }: { member: OutputOf<'roster', 'getMember'> }) {
  const [requestId] = useRequestId()
  const [letter, setLetter] = useState<Letter>(() => ({
    letterNo: '',
    counterpart: '',
    issuedOn: dateKey(Date.now()),
    validDays: '30',
  }))
  const issuing = useSubmit(
    () =>
      call('lifecycle', 'issueTransferLetter', {
        ...letterInput(letter),
        requestId,
        memberId: member.id,
        destination: letter.counterpart,
      }),
    {
      fields: FIELDS,
      toast: '已开具介绍信',
      // Back to the member's page (where the letter was started), which now shows it 待回执.
      onDone: () => Taro.navigateBack(),
    },
  )
  const { errors } = issuing
  return (
    <View data-testid="letter-form">
      <View className="card">
        <Text className="card__title" data-testid="letter-member">{`${member.name} · ${member.branchName ?? ''}`}</Text>
        <Notice text="转往县外党组织。收到回执前该党员仍在本支部名册中；登记回执后移出名册，变动记录保留。" />
        <LetterFields
          letter={letter}
          counterpartLabel="接收党组织"
          counterpartError={errors.fields.destination}
          errors={errors.fields}
          onChange={(patch) => setLetter((current) => ({ ...current, ...patch }))}
        />
        <FieldError message={errors.general} testId="letter-error" />
      </View>
      <Button
        className="btn btn--primary"
        data-testid="letter-submit"
        disabled={issuing.busy || undefined}
        onClick={() => issuing.submit()}
      >
        开具介绍信
      </Button>
    </View>
  )
}
