import { Button, Input, Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { FieldError } from '../../../components/field-error'
import { DateField, FormField, TextAreaField } from '../../../components/form-field'
import { SwitchRow } from '../../../components/switch-row'
import type { FormErrors } from '../../../lib/form-errors'
import type { PublishDraft } from '../lib/publish-draft'
import './study.css'

interface PublishFormProps {
  draft: PublishDraft
  errors: FormErrors
  /** Branches bureau staff may target; null for a secretary, whose task goes to the branches they manage. */
  branches: { id: string; name: string }[] | null
  uploading: boolean
  submitting: boolean
  onChange: (patch: Partial<PublishDraft>) => void
  onPickDocument: () => void
  onSubmit: () => void
}

type TextKey = 'title' | 'text' | 'link' | 'videoLink' | 'minNoteLength' | 'minReadMinutes'

const DATES = [
  { key: 'startsOn', label: '开始日期', testId: 'publish-starts' },
  { key: 'dueOn', label: '截止日期', testId: 'publish-due' },
] as const

/** 发布学习任务: what to study (text, article or video link, a document), when, for whom. */
export function PublishForm(props: PublishFormProps) {
  const { draft, errors, branches, uploading, submitting, onChange } = props
  const fieldError = (key: string) => <FieldError message={errors.fields[key]} testId={`error-${key}`} />
  const input = (key: TextKey, errorKey: string, placeholder: string, type: 'text' | 'number' = 'text') => (
    <Input
      className={`field-input${errors.fields[errorKey] ? ' field-input--invalid' : ''}`}
      data-testid={`publish-${key}`}
      type={type}
      value={draft[key]}
      placeholder={placeholder}
      onInput={(event) => onChange({ [key]: event.detail.value })}
    />
  )
  const toggleBranch = (id: string) => {
    const chosen = draft.branchIds ?? []
    const next = chosen.includes(id) ? chosen.filter((b) => b !== id) : [...chosen, id]
    onChange({ branchIds: next.length === 0 ? null : next })
  }
  const labelled = (label: string, key: string, control: ReactNode, extra?: { required?: boolean; hint?: string }) => (
    <FormField
      label={label}
      required={extra?.required}
      hint={extra?.hint}
      error={errors.fields[key]}
      errorTestId={`error-${key}`}
    >
      {control}
    </FormField>
  )
  return (
    <View data-testid="publish-form">
      <View className="card">
        {labelled('标题', 'title', input('title', 'title', '如：学习党的二十届三中全会精神'), { required: true })}
        {labelled(
          '学习内容',
          'content.text',
          <TextAreaField
            testId="publish-text"
            value={draft.text}
            maxlength={5000}
            invalid={Boolean(errors.fields['content.text'])}
            placeholder="学习要求、原文摘录或讨论题（选填）"
            onInput={(text) => onChange({ text })}
          />,
        )}
        {labelled('文章链接', 'content.link', input('link', 'content.link', 'https://（选填）'))}
        {labelled(
          '视频链接',
          'content.videoLink',
          input('videoLink', 'content.videoLink', 'https://（选填，mp4 等视频文件可在小程序内播放）'),
        )}
        <FormField label="学习材料">
          <Text className="study-doc__name" data-testid="publish-document">
            {uploading ? '正在上传…' : (draft.document?.name ?? '未添加（可上传 PDF、Word、PPT）')}
          </Text>
          <View className="btn-row study-doc__actions">
            <Button
              className="btn btn--ghost"
              data-testid="publish-pick-document"
              disabled={uploading || undefined}
              onClick={props.onPickDocument}
            >
              {draft.document ? '更换' : '上传文件'}
            </Button>
            {draft.document ? (
              <Button
                className="btn btn--ghost"
                data-testid="publish-remove-document"
                onClick={() => onChange({ document: null })}
              >
                移除
              </Button>
            ) : null}
          </View>
        </FormField>
      </View>

      <View className="card">
        <View className="study-form__dates">
          {DATES.map(({ key, label, testId }) => (
            <View key={key} className="study-form__date">
              {labelled(
                label,
                key,
                <DateField
                  testId={testId}
                  value={draft[key]}
                  placeholder="请选择"
                  onPick={(date) => onChange({ [key]: date })}
                />,
                { required: true },
              )}
            </View>
          ))}
        </View>
        <SwitchRow
          label="党员集中学习日"
          hint="支部统一组织的集中学习"
          testId="publish-collective"
          checked={draft.collectiveDay}
          onChange={(collectiveDay) => onChange({ collectiveDay })}
        />
        {labelled('心得最少字数', 'minNoteLength', input('minNoteLength', 'minNoteLength', '15', 'number'), {
          hint: '填 0 则心得选填；年长党员可用语音输入',
        })}
        {labelled('阅读时长要求（分钟）', 'minReadMinutes', input('minReadMinutes', 'minReadMinutes', '0', 'number'), {
          hint: '填 0 则不要求；填写后，党员打开学习材料满这么多分钟才能打卡',
        })}
      </View>

      {branches ? (
        <View className="card" data-testid="publish-targets">
          <Text className="card__title">学习对象</Text>
          <View className="chips">
            <Text
              // study-chip--on marks the chosen targets for readers of the page (and its tests) beside the chip style.
              className={`chip${draft.branchIds === null ? ' chip--on study-chip--on' : ''}`}
              data-testid="publish-target-all"
              onClick={() => onChange({ branchIds: null })}
            >
              全县各党支部
            </Text>
            {branches.map((branch) => (
              <Text
                key={branch.id}
                className={`chip${draft.branchIds?.includes(branch.id) ? ' chip--on study-chip--on' : ''}`}
                data-testid="publish-target"
                onClick={() => toggleBranch(branch.id)}
              >
                {branch.name}
              </Text>
            ))}
          </View>
          {fieldError('branchIds')}
        </View>
      ) : (
        <Text className="study-form__hint" data-testid="publish-own-branch">
          任务将发布给您所在支部的全体党员
        </Text>
      )}

      <FieldError message={errors.general} testId="publish-error" />
      <View className="study-bar">
        <Button
          className="btn btn--primary"
          data-testid="publish-submit"
          loading={submitting}
          disabled={submitting || uploading || undefined}
          onClick={props.onSubmit}
        >
          发布
        </Button>
      </View>
    </View>
  )
}
