import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { Me } from '../../../../../types/roster'
import { FormField, TypedField, TypeOrPick } from '../../../../components/form-field'
import { Notice } from '../../../../components/notice'
import { Page } from '../../../../components/page'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { useSubmit } from '../../../../hooks/use-submit'
import { useRequestId } from '../../../../lib/request-id'
import { volunteerActivityPageUrl } from '../../../../lib/routes'
import { dateKey, instantOf } from '../../../../lib/time'
import { call } from '../../../../services/call'
import '../../components/assessment.css'

const FIELDS = ['title', 'place', 'startsAt', 'endsAt', 'places', 'branchId'] as const

/** 发布志愿服务活动: a secretary for their branch; bureau staff for every branch of the county. */
export default function PublishPage() {
  const me = useAction('roster', 'me', {})
  return (
    <Page>
      <PageState query={me}>{(caller) => <PublishForm me={caller} />}</PageState>
    </Page>
  )
}

function PublishForm({ me }: { me: Me }) {
  const bureau = me.roles.includes('bureau_staff')
  const branchId = bureau ? null : (me.branch?.id ?? null)
  const [requestId] = useRequestId()
  const [title, setTitle] = useState('')
  const [place, setPlace] = useState('')
  const [day, setDay] = useState(dateKey(Date.now(), 1))
  const [from, setFrom] = useState('09:00')
  const [to, setTo] = useState('11:00')
  const [places, setPlaces] = useState('20')
  const saving = useSubmit(
    () =>
      call('assessment', 'publishVolunteerActivity', {
        requestId,
        branchId,
        title,
        place,
        startsAt: instantOf(day, from),
        endsAt: instantOf(day, to),
        places: Number(places),
      }),
    {
      fields: FIELDS,
      toast: '活动已发布',
      onDone: ({ id }) => Taro.redirectTo({ url: volunteerActivityPageUrl(id) }),
    },
  )
  if (!bureau && !branchId)
    return <Notice testId="publish-no-branch" text="您未编入支部，不能发布支部的志愿服务活动。" />
  const times = [instantOf(day, from), instantOf(day, to)]
  const malformed = times.some(Number.isNaN)
  return (
    <View className="card" data-testid="publish-form">
      <Text className="card__title">{bureau ? '面向全县各支部' : `面向${me.branch?.name ?? '本支部'}`}</Text>
      <FormField label="活动名称" required error={saving.errors.fields.title}>
        <TypedField testId="publish-title" placeholder="如：社区义务辅导" value={title} onInput={setTitle} />
      </FormField>
      <FormField label="地点" required error={saving.errors.fields.place}>
        <TypedField testId="publish-place" placeholder="如：城关社区活动中心" value={place} onInput={setPlace} />
      </FormField>
      <FormField label="日期" required hint="YYYY-MM-DD">
        <TypeOrPick mode="date" testId="publish-day" placeholder="YYYY-MM-DD" value={day} onChange={setDay} />
      </FormField>
      <FormField label="开始时间" required error={saving.errors.fields.startsAt}>
        <TypeOrPick mode="time" testId="publish-from" placeholder="09:00" value={from} onChange={setFrom} />
      </FormField>
      <FormField label="结束时间" required error={saving.errors.fields.endsAt}>
        <TypeOrPick mode="time" testId="publish-to" placeholder="11:00" value={to} onChange={setTo} />
      </FormField>
      <FormField label="名额" required hint="报名满额后不再接受报名" error={saving.errors.fields.places}>
        <TypedField testId="publish-places" type="number" value={places} onInput={setPlaces} />
      </FormField>
      {malformed ? <Text className="field-error">请按 YYYY-MM-DD 和 HH:mm 填写日期和时间</Text> : null}
      {saving.errors.general ? (
        <Text className="field-error" data-testid="publish-error">
          {saving.errors.general}
        </Text>
      ) : null}
      <Button
        className="btn btn--primary assessment-bar"
        data-testid="publish-submit"
        loading={saving.busy}
        disabled={malformed || saving.busy || undefined}
        onClick={() => saving.submit()}
      >
        发布
      </Button>
    </View>
  )
}
