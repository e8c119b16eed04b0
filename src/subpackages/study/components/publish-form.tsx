import { Button, Input, Picker, Switch, Text, Textarea, View } from '@tarojs/components'
import { FieldError } from '../../../components/field-error'
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

type TextKey = 'title' | 'text' | 'link' | 'videoLink' | 'minNoteLength'

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
  return (
    <View data-testid="publish-form">
      <View className="card">
        <Text className="field-label">标题</Text>
        {input('title', 'title', '如：学习党的二十届三中全会精神')}
        {fieldError('title')}

        <Text className="field-label">学习内容</Text>
        <Textarea
          className={`field-input study-form__textarea${errors.fields['content.text'] ? ' field-input--invalid' : ''}`}
          data-testid="publish-text"
          value={draft.text}
          maxlength={5000}
          placeholder="学习要求、原文摘录或讨论题（选填）"
          onInput={(event) => onChange({ text: event.detail.value })}
        />
        {fieldError('content.text')}

        <Text className="field-label">文章链接</Text>
        {input('link', 'content.link', 'https://（选填）')}
        {fieldError('content.link')}

        <Text className="field-label">视频链接</Text>
        {input('videoLink', 'content.videoLink', 'https://（选填）')}
        {fieldError('content.videoLink')}

        <Text className="field-label">学习材料</Text>
        <View className="study-doc">
          <Text className="study-doc__name" data-testid="publish-document">
            {uploading ? '正在上传…' : (draft.document?.name ?? '未添加（可上传 PDF、Word、PPT）')}
          </Text>
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
      </View>

      <View className="card">
        <View className="study-form__dates">
          {DATES.map(({ key, label, testId }) => (
            <View key={key} className="study-form__date">
              <Text className="field-label">{label}</Text>
              <Picker
                mode="date"
                value={draft[key]}
                onChange={(event) => onChange({ [key]: String(event.detail.value) })}
              >
                <Text className="field-input" data-testid={testId}>
                  {draft[key]}
                </Text>
              </Picker>
              {fieldError(key)}
            </View>
          ))}
        </View>

        <View className="study-form__switch">
          <View>
            <Text>党员集中学习日</Text>
            <Text className="study-form__hint">支部统一组织的集中学习</Text>
          </View>
          <Switch
            data-testid="publish-collective"
            checked={draft.collectiveDay}
            color="#C8161D"
            onChange={(event) => onChange({ collectiveDay: Boolean(event.detail.value) })}
          />
        </View>

        <Text className="field-label">心得最少字数</Text>
        {input('minNoteLength', 'minNoteLength', '15', 'number')}
        {fieldError('minNoteLength')}
      </View>

      {branches ? (
        <View className="card" data-testid="publish-targets">
          <Text className="card__title">学习对象</Text>
          <View className="study-chips">
            <Text
              className={`study-chip${draft.branchIds === null ? ' study-chip--on' : ''}`}
              data-testid="publish-target-all"
              onClick={() => onChange({ branchIds: null })}
            >
              全县各党支部
            </Text>
            {branches.map((branch) => (
              <Text
                key={branch.id}
                className={`study-chip${draft.branchIds?.includes(branch.id) ? ' study-chip--on' : ''}`}
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
