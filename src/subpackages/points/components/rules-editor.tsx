import { Button, Input, Text, View } from '@tarojs/components'
import type { Role } from '../../../../types/roles'
import { FieldError } from '../../../components/field-error'
import { FormField } from '../../../components/form-field'
import { SwitchRow } from '../../../components/switch-row'
import type { FormErrors } from '../../../lib/form-errors'
import { AUTO_LABELS, type CatalogueDraft, GRANTING_ROLES, type RuleDraft } from '../lib/rules-draft'
import './points.css'

interface RulesEditorProps {
  draft: CatalogueDraft
  errors: FormErrors
  saving: boolean
  onChange: (draft: CatalogueDraft) => void
  onAddRule: () => void
  onSave: () => void
}

/** The on/off settings of each item, in the order they show. */
const RULE_SWITCHES = [
  ['variable', '分值可调'],
  ['reasonRequired', '须填写理由'],
  ['claimable', '党员可申报'],
  ['active', '启用'],
] as const

/**
 * 积分细则: each item's points, caps per day/month/year, who may grant it by
 * hand, and the event that grants it automatically; grade bands and whether
 * members see the county-wide list. Errors from the server stand beside their field.
 */
export function RulesEditor({ draft, errors, saving, onChange, onAddRule, onSave }: RulesEditorProps) {
  const setRule = (index: number, patch: Partial<RuleDraft>) =>
    onChange({ ...draft, rules: draft.rules.map((rule, i) => (i === index ? { ...rule, ...patch } : rule)) })
  const error = (key: string) => <FieldError message={errors.fields[key]} testId={`rules-error-${key}`} />
  const field = (key: string, value: string, onInput: (value: string) => void, placeholder = '') => (
    <Input
      className={`field-input${errors.fields[key] ? ' field-input--invalid' : ''}`}
      data-testid={`rules-input-${key}`}
      value={value}
      placeholder={placeholder}
      onInput={(event) => onInput(event.detail.value)}
    />
  )
  return (
    <View data-testid="rules-editor">
      <View className="card">
        <Text className="card__title">积分项目</Text>
        {draft.rules.map((rule, index) => {
          const at = `rules.${index}`
          const toggleRole = (role: Role) =>
            setRule(index, {
              grantRoles: rule.grantRoles.includes(role)
                ? rule.grantRoles.filter((r) => r !== role)
                : [...rule.grantRoles, role],
            })
          return (
            <View key={rule.key} className="rule-card divided" data-testid="rule-card">
              {error(at)}
              <FormField label="名称" error={errors.fields[`${at}.name`]} errorTestId={`rules-error-${at}.name`}>
                {field(`${at}.name`, rule.name, (name) => setRule(index, { name }), '如：志愿服务')}
              </FormField>
              <FormField
                label="分值（扣分填负数）"
                error={errors.fields[`${at}.points`]}
                errorTestId={`rules-error-${at}.points`}
              >
                {field(`${at}.points`, rule.points, (points) => setRule(index, { points }))}
              </FormField>
              <View className="rule-caps">
                {(['day', 'month', 'year'] as const).map((period) => (
                  <View key={period} className="rule-cap">
                    <FormField
                      label={{ day: '每日上限', month: '每月上限', year: '每年上限' }[period]}
                      error={errors.fields[`${at}.caps.${period}`]}
                      errorTestId={`rules-error-${at}.caps.${period}`}
                    >
                      {field(
                        `${at}.caps.${period}`,
                        rule.caps[period],
                        (value) => setRule(index, { caps: { ...rule.caps, [period]: value } }),
                        '不限',
                      )}
                    </FormField>
                  </View>
                ))}
              </View>
              <FormField
                label="可手动发放"
                error={errors.fields[`${at}.grantRoles`]}
                errorTestId={`rules-error-${at}.grantRoles`}
                hint={`${rule.auto ? `自动计分：${AUTO_LABELS[rule.auto]}` : '不自动计分'} · 编码 ${rule.key}`}
              >
                <View className="chips">
                  {GRANTING_ROLES.map(([role, label]) => (
                    <Text
                      key={role}
                      className={`chip${rule.grantRoles.includes(role) ? ' chip--on' : ''}`}
                      data-testid="rule-grant-role"
                      onClick={() => toggleRole(role)}
                    >
                      {label}
                    </Text>
                  ))}
                </View>
              </FormField>
              {RULE_SWITCHES.map(([key, label]) => (
                <SwitchRow
                  key={key}
                  label={label}
                  checked={rule[key]}
                  onChange={(value) => setRule(index, { [key]: value })}
                />
              ))}
            </View>
          )
        })}
        <Button className="btn btn--ghost points-bar" data-testid="rules-add" onClick={onAddRule}>
          新增积分项目
        </Button>
      </View>

      <View className="card">
        <Text className="card__title">年度评定等次分数线</Text>
        {error('grades')}
        {(
          [
            ['excellent', '优秀'],
            ['qualified', '合格'],
            ['basic', '基本合格'],
          ] as const
        ).map(([band, label]) => (
          <FormField
            key={band}
            label={`${label}（不低于）`}
            error={errors.fields[`grades.${band}`]}
            errorTestId={`rules-error-grades.${band}`}
          >
            {field(`grades.${band}`, draft.grades[band], (value) =>
              onChange({ ...draft, grades: { ...draft.grades, [band]: value } }),
            )}
          </FormField>
        ))}
        <Text className="field-hint">低于“基本合格”分数线为不合格</Text>
        <SwitchRow
          label="党员可查看全县排名"
          checked={draft.membersSeeBureau}
          onChange={(value) => onChange({ ...draft, membersSeeBureau: value })}
        />
      </View>

      <FieldError message={errors.general} testId="rules-error" />
      <Button
        className="btn btn--primary points-bar"
        data-testid="rules-save"
        loading={saving}
        disabled={saving || undefined}
        onClick={onSave}
      >
        保存积分细则
      </Button>
    </View>
  )
}
