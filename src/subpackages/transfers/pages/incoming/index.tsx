import { Button, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { FieldError } from '../../../../components/field-error'
import { FormField, PickerField, TypedField, TypeOrPick } from '../../../../components/form-field'
import { Notice } from '../../../../components/notice'
import { Page } from '../../../../components/page'
import { useSubmit } from '../../../../hooks/use-submit'
import { useRequestId } from '../../../../lib/request-id'
import { dateKey } from '../../../../lib/time'
import { call } from '../../../../services/call'
import { type Letter, LetterFields, letterInput } from '../../components/letter-fields'

const TYPES = ['formal', 'probationary'] as const
const TYPE_NAMES = { formal: '正式党员', probationary: '预备党员' }
const FIELDS = ['name', 'origin', 'letterNo', 'issuedOn', 'validDays', 'joinedOn', 'probationEndsOn'] as const

/** 登记转入 (?branchId=): a member coming from outside the county, pending until they 报到 at the branch. */
export default function IncomingPage() {
  const branchId = useRouter().params.branchId ?? ''
  const [requestId] = useRequestId()
  const [name, setName] = useState('')
  const [letter, setLetter] = useState<Letter>(() => ({
    letterNo: '',
    counterpart: '',
    issuedOn: dateKey(Date.now()),
    validDays: '30',
  }))
  const [memberType, setMemberType] = useState<(typeof TYPES)[number]>('formal')
  const [joinedOn, setJoinedOn] = useState('')
  const [probationEndsOn, setProbationEndsOn] = useState('')
  const registering = useSubmit(
    () =>
      call('lifecycle', 'registerIncomingTransfer', {
        ...letterInput(letter),
        requestId,
        name,
        branchId,
        origin: letter.counterpart,
        memberType,
        joinedOn: joinedOn.trim() || null,
        probationEndsOn: memberType === 'probationary' ? probationEndsOn.trim() || null : null,
      }),
    { fields: FIELDS, toast: '已登记，待报到', onDone: () => Taro.navigateBack() },
  )
  const { errors } = registering
  return (
    <Page>
      <View className="card" data-testid="incoming-form">
        <Notice text="按转出党组织开具的介绍信登记。本人到支部报到后再点“登记报到”，方列入名册。" />
        <FormField label="姓名" required error={errors.fields.name}>
          <TypedField
            testId="incoming-name"
            placeholder="转入党员姓名"
            value={name}
            invalid={Boolean(errors.fields.name)}
            onInput={setName}
          />
        </FormField>
        <LetterFields
          letter={letter}
          counterpartLabel="转出党组织"
          counterpartError={errors.fields.origin}
          errors={errors.fields}
          onChange={(patch) => setLetter((current) => ({ ...current, ...patch }))}
        />
        <FormField label="党员类别" required>
          <PickerField
            range={TYPES.map((type) => TYPE_NAMES[type])}
            index={TYPES.indexOf(memberType)}
            text={TYPE_NAMES[memberType]}
            testId="incoming-type"
            onPick={(index) => setMemberType(TYPES[index])}
          />
        </FormField>
        <FormField label="入党时间" hint="按介绍信填写，可不填" error={errors.fields.joinedOn}>
          <TypeOrPick
            mode="date"
            placeholder="YYYY-MM-DD"
            testId="incoming-joined-on"
            value={joinedOn}
            invalid={Boolean(errors.fields.joinedOn)}
            onChange={setJoinedOn}
          />
        </FormField>
        {memberType === 'probationary' ? (
          <FormField label="预计转正日期" required error={errors.fields.probationEndsOn}>
            <TypeOrPick
              mode="date"
              placeholder="YYYY-MM-DD"
              testId="incoming-probation-ends-on"
              value={probationEndsOn}
              invalid={Boolean(errors.fields.probationEndsOn)}
              onChange={setProbationEndsOn}
            />
          </FormField>
        ) : null}
        <FieldError message={errors.general} testId="incoming-error" />
      </View>
      <Button
        className="btn btn--primary"
        data-testid="incoming-submit"
        disabled={registering.busy || undefined}
        onClick={() => registering.submit()}
      >
        登记转入
      </Button>
    </Page>
  )
}
