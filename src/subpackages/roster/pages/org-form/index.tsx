import { Button, Input, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { SCHOOL_TYPE_LABELS } from '../../../../../types/labels'
import { SCHOOL_TYPES, type School, type TreeNode } from '../../../../../types/roster'
import { BranchMemberPicker } from '../../../../components/branch-member-picker'
import { FormField, PickerField } from '../../../../components/form-field'
import { Page } from '../../../../components/page'
import { EmptyState, PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { useSubmit } from '../../../../hooks/use-submit'
import { useRequestId } from '../../../../lib/request-id'
import { orgPageUrl } from '../../../../lib/routes'
import { call } from '../../../../services/call'
import { nodeKindLabel } from '../../lib/org-choices'
import '../../components/roster.css'

type Kind = 'general_branch' | 'branch' | 'group'
const KIND_TITLES: Record<Kind, string> = { general_branch: '党总支', branch: '党支部', group: '党小组' }
const NAME_HINTS: Record<Kind, string> = {
  general_branch: '如：第二中学党总支',
  branch: '如：城南小学党支部、东岭片区联合支部',
  group: '如：语文教研组党小组、高一年级党小组',
}
const FIELDS = ['name', 'schools', 'leaderId'] as const

/** 新建 a 党总支, 党支部 (or 联合支部) or 党小组 under ?parentId=&kind=, or change one (?orgId=). */
export default function OrgFormPage() {
  const { orgId, parentId, kind } = useRouter().params
  const tree = useAction('roster', 'tree', {})
  return (
    <Page>
      <PageState query={tree}>
        {({ nodes }) => {
          const editing = orgId ? nodes.find((n) => n.id === orgId) : undefined
          const parent = nodes.find((n) => n.id === (editing ? editing.parentId : parentId))
          const chosenKind = (editing?.kind ?? kind) as Kind | undefined
          if (!parent || !chosenKind || chosenKind === ('committee' as Kind) || (orgId && !editing)) {
            return <EmptyState title="未找到该党组织" hint="请从组织架构重新进入" />
          }
          return <OrgForm kind={chosenKind} parent={parent} editing={editing ?? null} />
        }}
      </PageState>
    </Page>
  )
}

/** A school row being typed, with a key that stays with it when another row is removed. */
type SchoolDraft = School & { key: number }
let nextKey = 0
const draftOf = (school: School): SchoolDraft => ({ ...school, key: nextKey++ })
const newSchool = () => draftOf({ name: '', type: 'primary' })

function OrgForm({ kind, parent, editing }: { kind: Kind; parent: TreeNode; editing: TreeNode | null }) {
  const [name, setName] = useState(editing?.name ?? '')
  const [schools, setSchools] = useState<SchoolDraft[]>(
    editing?.schools.length ? editing.schools.map(draftOf) : [newSchool()],
  )
  const [leaderId, setLeaderId] = useState<string | null>(editing?.leader?.id ?? null)
  const [requestId, renewRequestId] = useRequestId()
  const title = editing ? `修改${nodeKindLabel(editing)}` : `新建${KIND_TITLES[kind]}`
  useEffect(() => {
    Taro.setNavigationBarTitle({ title })
  }, [title])

  const schoolsInput = kind === 'branch' ? schools.map((s) => ({ name: s.name.trim(), type: s.type })) : undefined
  const saving = useSubmit(
    () =>
      editing
        ? call('roster', 'updateOrg', {
            orgId: editing.id,
            name: name.trim(),
            ...(schoolsInput ? { schools: schoolsInput } : {}),
            ...(kind === 'group' ? { leaderId } : {}),
          })
        : call('roster', 'createOrg', {
            requestId,
            kind,
            parentId: parent.id,
            name: name.trim(),
            ...(schoolsInput ? { schools: schoolsInput } : {}),
            ...(kind === 'group' ? { leaderId } : {}),
          }),
    {
      fields: FIELDS,
      toast: editing ? '已保存' : `已新建${KIND_TITLES[kind]}`,
      onDone: (node) => {
        renewRequestId()
        if (editing) Taro.navigateBack()
        else Taro.redirectTo({ url: orgPageUrl(node.id) })
      },
    },
  )
  const setSchool = (index: number, patch: Partial<School>) =>
    setSchools((current) => current.map((school, i) => (i === index ? { ...school, ...patch } : school)))
  const fieldError = (field: (typeof FIELDS)[number]) => saving.errors.fields[field] ?? null
  const schoolError = Object.entries(saving.errors.fields).find(([key]) => key.startsWith('schools'))?.[1] ?? null

  return (
    <View data-testid="org-form">
      <Text className="member-page__context">上级组织：{parent.name}</Text>
      <View className="card">
        <FormField label={`${KIND_TITLES[kind]}名称`} required error={fieldError('name')} hint={NAME_HINTS[kind]}>
          <Input
            className={`field-input${fieldError('name') ? ' field-input--invalid' : ''}`}
            data-testid="input-org-name"
            value={name}
            maxlength={40}
            placeholder="请输入名称"
            onInput={(event: { detail: { value: string } }) => setName(event.detail.value)}
          />
        </FormField>
      </View>

      {kind === 'branch' ? (
        <View className="card" data-testid="school-rows">
          <Text className="card__title roster-title">{schools.length > 1 ? '联合支部覆盖的学校' : '所在学校'}</Text>
          {schools.map((school, index) => (
            <View className="school-row" key={school.key} data-testid="school-row">
              <FormField label={schools.length > 1 ? `学校${index + 1}` : '学校名称'} required>
                <Input
                  className="field-input"
                  data-testid="input-school-name"
                  value={school.name}
                  maxlength={30}
                  placeholder="如：石门小学"
                  onInput={(event: { detail: { value: string } }) => setSchool(index, { name: event.detail.value })}
                />
              </FormField>
              <FormField label="学校类型">
                <PickerField
                  testId="picker-school-type"
                  range={SCHOOL_TYPES.map((type) => SCHOOL_TYPE_LABELS[type])}
                  index={SCHOOL_TYPES.indexOf(school.type)}
                  text={SCHOOL_TYPE_LABELS[school.type]}
                  onPick={(i) => setSchool(index, { type: SCHOOL_TYPES[i] ?? 'other' })}
                />
              </FormField>
            </View>
          ))}
          {schoolError ? <Text className="field-error">{schoolError}</Text> : null}
          <View className="btn-row">
            <Text className="chip" data-testid="add-school" onClick={() => setSchools((c) => [...c, newSchool()])}>
              ＋ 添加学校（联合支部）
            </Text>
            {schools.length > 1 ? (
              <Text className="chip" data-testid="remove-school" onClick={() => setSchools((c) => c.slice(0, -1))}>
                删去最后一所
              </Text>
            ) : null}
          </View>
          <Text className="field-hint">几所规模较小的学校共建一个支部时，逐一添加各校，即为联合支部。</Text>
        </View>
      ) : null}

      {kind === 'group' ? (
        <View className="card">
          <FormField label="党小组组长" error={fieldError('leaderId')} hint="从本支部党员中选择，可稍后再设">
            <BranchMemberPicker
              testId="picker-leader"
              branchId={parent.id}
              memberId={leaderId}
              onPick={setLeaderId}
              noneLabel="暂不设组长"
            />
          </FormField>
        </View>
      ) : null}

      {saving.errors.general ? <Text className="field-error">{saving.errors.general}</Text> : null}
      <Button
        className="btn btn--primary"
        data-testid="org-form-submit"
        loading={saving.busy}
        disabled={saving.busy || undefined}
        onClick={() => saving.submit()}
      >
        {editing ? '保存修改' : '创建'}
      </Button>
    </View>
  )
}
