import { Button, Input, Text, View } from '@tarojs/components'
import type { PointsRule } from '../../../../types/points'
import { FieldError } from '../../../components/field-error'
import { FormField } from '../../../components/form-field'
import { ListItem } from '../../../components/list-item'
import type { FormErrors } from '../../../lib/form-errors'
import { type ConversionDraft, type ConversionField, type ConversionRow, capsText } from '../lib/conversion-draft'
import './points.css'

/** The county's conversions: each source, the rule it pays, points per score unit and the caps that cut it. */
export function ConversionList({ rows, onEdit }: { rows: ConversionRow[]; onEdit: (row: ConversionRow) => void }) {
  return (
    <View className="card" data-testid="conversion-list">
      <Text className="card__title">已设置的折算</Text>
      {rows.length === 0 ? (
        <View data-testid="conversion-empty">
          <Text className="field-hint">
            尚未设置外部积分折算。设置后，各支部书记即可在“导入外部积分”中导入本支部的成绩。
          </Text>
        </View>
      ) : (
        rows.map((row) => (
          <ListItem
            key={row.ruleKey}
            testId={`conversion-${row.ruleKey}`}
            title={`${row.source} → ${row.ruleName}`}
            meta={[`每 1 分${row.source}积分折算 ${row.factor} 分`, capsText(row.caps)]}
          >
            <Button
              className="btn btn--ghost points-bar"
              data-testid={`conversion-edit-${row.ruleKey}`}
              onClick={() => onEdit(row)}
            >
              修改
            </Button>
          </ListItem>
        ))
      )}
    </View>
  )
}

interface ConversionFormProps {
  draft: ConversionDraft
  rules: PointsRule[]
  errors: FormErrors<ConversionField>
  saving: boolean
  saved: string | null
  onChange: (draft: ConversionDraft) => void
  onSave: () => void
}

/** 设置折算: which rule pays the outside scores, what they are called, and points per score unit. */
export function ConversionForm({ draft, rules, errors, saving, saved, onChange, onSave }: ConversionFormProps) {
  const error = (field: ConversionField) => (
    <FieldError message={errors.fields[field]} testId={`conversion-error-${field}`} />
  )
  const invalid = (field: ConversionField) => `field-input${errors.fields[field] ? ' field-input--invalid' : ''}`
  const factor = Number(draft.factor)
  return (
    <View className="card" data-testid="conversion-form">
      <Text className="card__title">设置折算比例</Text>
      <FormField label="计入的积分项目" required>
        <View className="chips">
          {rules.map((rule) => (
            <Text
              key={rule.key}
              // rule-chip--on marks the chosen rule for readers of the page (and its tests) beside the chip style.
              className={`chip${draft.ruleKey === rule.key ? ' chip--on rule-chip--on' : ''}`}
              data-testid={`conversion-rule-${rule.key}`}
              onClick={() => onChange({ ...draft, ruleKey: rule.key })}
            >
              {rule.name}
            </Text>
          ))}
        </View>
        {error('ruleKey')}
      </FormField>
      <FormField label="积分来源" required>
        <Input
          className={invalid('source')}
          data-testid="conversion-source"
          value={draft.source}
          placeholder="如：学习强国"
          onInput={(event) => onChange({ ...draft, source: event.detail.value })}
        />
        {error('source')}
      </FormField>
      <FormField label="折算比例（每 1 分外部积分折合的党员积分）" required>
        <Input
          className={invalid('factor')}
          data-testid="conversion-factor"
          type="digit"
          value={draft.factor}
          placeholder="如：0.1（每10分折1分）"
          onInput={(event) => onChange({ ...draft, factor: event.detail.value })}
        />
        {error('factor')}
      </FormField>
      {draft.factor.trim() !== '' && Number.isFinite(factor) && factor > 0 ? (
        <Text className="field-hint" data-testid="conversion-example">
          {`例：${draft.source || '外部'}积分 100 分折合 ${Math.round(100 * factor)} 分，四舍五入到整数，超出项目上限的部分不计`}
        </Text>
      ) : null}
      <FieldError message={errors.general} testId="conversion-error" />
      {saved ? (
        <Text className="field-hint" data-testid="conversion-saved">
          {saved}
        </Text>
      ) : null}
      <Button
        className="btn btn--primary points-bar"
        data-testid="conversion-save"
        disabled={saving || undefined}
        loading={saving}
        onClick={onSave}
      >
        {saving ? '正在保存…' : '保存'}
      </Button>
    </View>
  )
}
