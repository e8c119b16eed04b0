import { Button, Input, Text, View } from '@tarojs/components'
import {
  isConfigured,
  MAX_KEYWORDS,
  previewTemplate,
  type SubscribeTemplates,
  TEMPLATE_USE_LABELS,
  TEMPLATE_USES,
  type TemplateEntry,
  type TemplateUse,
  USE_VALUES,
} from '../../../../types/subscribe-templates'
import { FieldError } from '../../../components/field-error'
import { FormField } from '../../../components/form-field'
import { entryEdits, tableProblems } from '../lib/templates-draft'
import './meetings.css'

interface TemplatesEditorProps {
  templates: SubscribeTemplates
  /** Refusals from the server, by path (`templates.meetingReminder.fields.0.keyword`). */
  errors: Partial<Record<string, string>>
  /** After a save was tried, every problem shows; before, only those of cells already filled in. */
  checked: boolean
  onChange: (templates: SubscribeTemplates) => void
}

/**
 * 会议规则 → 订阅消息: per use, the template id the bureau chose on the platform
 * and which of our values fills which keyword, checked as it is typed against
 * the platform's keyword rules, with the message as a member would read it.
 */
export function TemplatesEditor({ templates, errors, checked, onChange }: TemplatesEditorProps) {
  const problems = tableProblems(templates)
  return (
    <View data-testid="templates-editor">
      <View className="card">
        <Text className="card__title">订阅消息模板</Text>
        <Text className="field-hint">
          在微信公众平台“订阅消息”中为小程序选用模板后，把每个模板的模板ID和它的关键词（如
          thing1、time2）填在这里，并选好每个关键词填入什么内容。未配置的用途不会发送订阅消息，支部书记会看到提示。
        </Text>
      </View>
      {TEMPLATE_USES.map((use) => (
        <UseTemplate
          key={use}
          use={use}
          entry={templates[use]}
          messageOf={(path, filled) => {
            const key = `templates.${use}.${path}`
            return errors[key] ?? (checked || filled ? problems[key] : undefined) ?? null
          }}
          onChange={(entry) => onChange({ ...templates, [use]: entry })}
        />
      ))}
    </View>
  )
}

interface UseTemplateProps {
  use: TemplateUse
  entry: TemplateEntry
  /** The problem to show at a path inside this use's entry; `filled` says the cell has something in it. */
  messageOf: (path: string, filled: boolean) => string | null
  onChange: (entry: TemplateEntry) => void
}

function UseTemplate({ use, entry, messageOf, onChange }: UseTemplateProps) {
  const { title, hint } = TEMPLATE_USE_LABELS[use]
  const values = Object.entries(USE_VALUES[use]) as [string, { label: string }][]
  const idError = messageOf('templateId', entry.templateId !== '')
  const preview = previewTemplate(use, entry)
  return (
    <View className="card" data-testid="tmpl-use" data-use={use}>
      <View className="tmpl-head">
        <Text className="card__title">{title}</Text>
        <Text className={`tag${isConfigured(entry) ? ' tag--ok' : ' tag--plain'}`} data-testid="tmpl-state">
          {isConfigured(entry) ? '已配置' : '未配置'}
        </Text>
      </View>
      <Text className="field-hint">{hint}</Text>
      <FormField label="模板ID" error={idError} errorTestId="tmpl-id-error">
        <Input
          className={`field-input${idError ? ' field-input--invalid' : ''}`}
          data-testid="tmpl-id"
          value={entry.templateId}
          placeholder="从公众平台复制，如 xF1hDqH5k…"
          onInput={(event) => onChange({ ...entry, templateId: event.detail.value.trim() })}
        />
      </FormField>
      {entry.fields.map((field, index) => {
        const keywordError = messageOf(`fields.${index}.keyword`, field.keyword !== '')
        const valueError = messageOf(`fields.${index}.value`, field.value !== '')
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: a row is a position in the template (关键词 1, 2…), all its content in props
          <View key={index} className="tmpl-field" data-testid="tmpl-field">
            <FormField label={`关键词 ${index + 1}`} error={keywordError} errorTestId="tmpl-keyword-error">
              <Input
                className={`field-input${keywordError ? ' field-input--invalid' : ''}`}
                data-testid="tmpl-keyword"
                value={field.keyword}
                placeholder="如 thing1"
                onInput={(event) =>
                  onChange(entryEdits.set(entry, index, { keyword: event.detail.value.trim().toLowerCase() }))
                }
              />
            </FormField>
            <Text className="field-label">填入</Text>
            <View className="chips">
              {values.map(([key, spec]) => (
                <Text
                  key={key}
                  className={`chip${field.value === key ? ' chip--on' : ''}`}
                  data-testid="tmpl-value"
                  data-value={key}
                  onClick={() => onChange(entryEdits.set(entry, index, { value: key }))}
                >
                  {spec.label}
                </Text>
              ))}
            </View>
            <FieldError message={valueError} testId="tmpl-value-error" />
            <Button
              className="btn btn--danger-ghost"
              data-testid="tmpl-remove"
              onClick={() => onChange(entryEdits.remove(entry, index))}
            >
              删除此关键词
            </Button>
          </View>
        )
      })}
      <FieldError message={messageOf('fields', entry.templateId !== '')} testId="tmpl-fields-error" />
      <View className="btn-row">
        {entry.fields.length < MAX_KEYWORDS ? (
          <Button className="btn btn--ghost" data-testid="tmpl-add" onClick={() => onChange(entryEdits.add(entry))}>
            添加关键词
          </Button>
        ) : null}
        {entry.fields.length === 0 ? (
          <Button
            className="btn btn--ghost"
            data-testid="tmpl-suggest"
            onClick={() => onChange(entryEdits.suggest(use, entry))}
          >
            按常用格式填入
          </Button>
        ) : null}
      </View>
      {preview.length > 0 ? (
        <View className="tmpl-preview" data-testid="tmpl-preview">
          <Text className="field-label">消息预览（示例内容，超长部分按平台规则截断）</Text>
          {preview.map((line) => (
            <View key={line.keyword} className="row" data-testid="tmpl-preview-line" data-keyword={line.keyword}>
              <Text className="row__label">{line.keyword}</Text>
              <Text className="row__value">{line.text}</Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}
