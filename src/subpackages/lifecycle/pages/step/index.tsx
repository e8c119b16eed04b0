import { Button, Input, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { ConversionOutcome, DevelopmentFileView, DevelopmentStep } from '../../../../../types/lifecycle'
import { CONVERSION_OUTCOMES, DEVELOPMENT_STEPS, STEP_NAMES, voteVerdict } from '../../../../../types/lifecycle-names'
import { FieldError } from '../../../../components/field-error'
import { FormField, TextAreaField, TypeOrPick } from '../../../../components/form-field'
import { Page } from '../../../../components/page'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { useSubmit } from '../../../../hooks/use-submit'
import { dateKey } from '../../../../lib/time'
import { call } from '../../../../services/call'
import { emptyStepDraft, type StepDraft, stepDetails, stepKind } from '../../lib/step-draft'

const OUTCOME_NAMES: Record<ConversionOutcome, string> = {
  convert: '按期转正',
  extend: '延长预备期',
  cancel: '取消预备党员资格',
}
const VERDICTS = {
  carried: '表决通过',
  no_quorum: '到会人数未超过应到会人数的半数，表决无效',
  too_few_in_favour: '赞成票未超过应到会人数的半数，表决未通过',
}
const FIELDS = [
  'on',
  'note',
  'details.memberIds',
  'details.hours',
  'details.noticeFrom',
  'details.noticeTo',
  'details.vote.eligible',
  'details.vote.present',
  'details.vote.inFavour',
  'details.extensionMonths',
] as const

/** 记录步骤 (?fileId=&step=): the day it happened and what the step carries; the server refuses what the 细则 does not allow. */
export default function StepPage() {
  const params = useRouter().params
  const step = DEVELOPMENT_STEPS.find((s) => s === params.step) ?? 'application_talk'
  const file = useAction('lifecycle', 'developmentFile', { fileId: params.fileId ?? '' })
  return (
    <Page>
      <PageState query={file}>{(data) => <StepForm file={data} step={step} />}</PageState>
    </Page>
  )
}

function StepForm({ file, step }: { file: DevelopmentFileView; step: DevelopmentStep }) {
  const today = dateKey(Date.now())
  const [draft, setDraft] = useState<StepDraft>(() => emptyStepDraft(today))
  const change = (patch: Partial<StepDraft>) => setDraft((current) => ({ ...current, ...patch }))
  const kind = stepKind(step)
  const next = file.timeline.next.find((n) => n.step === step)
  const recording = useSubmit(
    () =>
      call('lifecycle', 'recordDevelopmentStep', {
        fileId: file.id,
        on: draft.on ?? '',
        details: stepDetails(step, draft),
        note: draft.note,
      }),
    { fields: FIELDS, toast: `已记录：${STEP_NAMES[step]}`, onDone: () => Taro.navigateBack() },
  )
  const { errors } = recording
  const number = (
    key: 'hours' | 'eligible' | 'present' | 'inFavour' | 'extensionMonths',
    label: string,
    error: string,
  ) => (
    <FormField label={label} required error={errors.fields[error as (typeof FIELDS)[number]]}>
      <Input
        className={`field-input${errors.fields[error as (typeof FIELDS)[number]] ? ' field-input--invalid' : ''}`}
        data-testid={`dev-step-${key}`}
        type="number"
        value={draft[key]}
        onInput={(e) => change({ [key]: e.detail.value })}
      />
    </FormField>
  )
  const vote = { eligible: Number(draft.eligible), present: Number(draft.present), inFavour: Number(draft.inFavour) }
  const voteTyped = draft.eligible !== '' && draft.present !== '' && draft.inFavour !== ''

  return (
    <View data-testid="dev-step-form">
      <View className="card">
        <Text className="card__title" data-testid="dev-step-title">{`${file.name} · ${STEP_NAMES[step]}`}</Text>
        {next ? (
          <Text className="card__meta">
            {`最早可办日期 ${next.earliestOn}${next.latestOn ? `，截止日期 ${next.latestOn}` : ''}`}
          </Text>
        ) : null}
        <FormField label="日期" required error={errors.fields.on}>
          <TypeOrPick
            mode="date"
            placeholder="YYYY-MM-DD"
            value={draft.on ?? ''}
            testId="dev-step-on"
            invalid={Boolean(errors.fields.on)}
            onChange={(on) => change({ on })}
          />
        </FormField>
        {kind === 'people' ? (
          <PeoplePicker
            branchId={file.branchId}
            label={step === 'contacts_assigned' ? '培养联系人（一至二名正式党员）' : '入党介绍人（两名正式党员）'}
            chosen={draft.memberIds}
            error={errors.fields['details.memberIds']}
            onChange={(memberIds) => change({ memberIds })}
          />
        ) : null}
        {kind === 'hours' ? number('hours', '培训学时（不少于24学时）', 'details.hours') : null}
        {kind === 'notice' ? (
          <>
            <FormField label="公示开始日期" required error={errors.fields['details.noticeFrom']}>
              <TypeOrPick
                mode="date"
                placeholder="YYYY-MM-DD"
                value={draft.noticeFrom ?? ''}
                testId="dev-step-notice-from"
                onChange={(noticeFrom) => change({ noticeFrom })}
              />
            </FormField>
            <FormField label="公示结束日期" required hint="公示不少于5天" error={errors.fields['details.noticeTo']}>
              <TypeOrPick
                mode="date"
                placeholder="YYYY-MM-DD"
                value={draft.noticeTo ?? ''}
                testId="dev-step-notice-to"
                onChange={(noticeTo) => change({ noticeTo })}
              />
            </FormField>
          </>
        ) : null}
        {kind === 'conversion' ? (
          <FormField label="支部大会决定" required>
            <View className="chips">
              {CONVERSION_OUTCOMES.map((outcome) => (
                <Text
                  key={outcome}
                  className={`chip${draft.outcome === outcome ? ' chip--on' : ''}`}
                  data-testid={`dev-step-outcome-${outcome}`}
                  onClick={() => change({ outcome })}
                >
                  {OUTCOME_NAMES[outcome]}
                </Text>
              ))}
            </View>
          </FormField>
        ) : null}
        {kind === 'conversion' && draft.outcome === 'extend'
          ? number('extensionMonths', '延长月数（6至12个月）', 'details.extensionMonths')
          : null}
        {kind === 'vote' || kind === 'conversion' ? (
          <>
            {number('eligible', '应到会有表决权的正式党员', 'details.vote.eligible')}
            {number('present', '实到会', 'details.vote.present')}
            {number('inFavour', '赞成票', 'details.vote.inFavour')}
            {voteTyped ? (
              <Text
                className={`tag ${voteVerdict(vote) === 'carried' ? 'tag--ok' : 'tag--warn'}`}
                data-testid="dev-step-verdict"
              >
                {VERDICTS[voteVerdict(vote)]}
              </Text>
            ) : null}
          </>
        ) : null}
        <FormField label="说明" error={errors.fields.note}>
          <TextAreaField
            testId="dev-step-note"
            value={draft.note}
            maxlength={500}
            placeholder="选填"
            onInput={(note) => change({ note })}
          />
        </FormField>
        <FieldError message={errors.general} testId="dev-step-error" />
      </View>
      <Button
        className="btn btn--primary"
        data-testid="dev-step-submit"
        disabled={recording.busy || undefined}
        onClick={() => recording.submit()}
      >
        记录
      </Button>
    </View>
  )
}

/** Formal members of the branch to name as 培养联系人 or 入党介绍人 (a branch has at most a few dozen). */
function PeoplePicker(props: {
  branchId: string
  label: string
  chosen: string[]
  error: string | undefined
  onChange: (ids: string[]) => void
}) {
  const members = useAction('roster', 'listMembers', { branchId: props.branchId, pageSize: 50 })
  const toggle = (id: string) =>
    props.onChange(props.chosen.includes(id) ? props.chosen.filter((c) => c !== id) : [...props.chosen, id])
  return (
    <FormField label={props.label} required error={props.error}>
      <PageState query={members}>
        {(data) => (
          <View className="chips" data-testid="dev-step-people">
            {data.items
              .filter((m) => m.memberType === 'formal' && m.status === 'active')
              .map((m) => (
                <Text
                  key={m.id}
                  className={`chip${props.chosen.includes(m.id) ? ' chip--on' : ''}`}
                  data-testid="dev-step-person"
                  onClick={() => toggle(m.id)}
                >
                  {m.name}
                </Text>
              ))}
          </View>
        )}
      </PageState>
    </FormField>
  )
}
