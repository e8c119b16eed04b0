import { Button, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { PAIR_KINDS } from '../../../../../types/assessment'
import type { Me } from '../../../../../types/roster'
import { BranchMemberPicker } from '../../../../components/branch-member-picker'
import { FormField, PickerField, TypedField, TypeOrPick } from '../../../../components/form-field'
import { ListItem } from '../../../../components/list-item'
import { Page } from '../../../../components/page'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { useSubmit } from '../../../../hooks/use-submit'
import { useRequestId } from '../../../../lib/request-id'
import { dateKey, yearOf } from '../../../../lib/time'
import { call } from '../../../../services/call'
import { RecordForm } from '../../components/record-form'
import { ENGAGEMENT_MANAGERS, PAIR_KIND_LABELS } from '../../lib/labels'
import '../../components/assessment.css'

type PairKind = (typeof PAIR_KINDS)[number]

/** 结对帮扶 of a branch: its pairs with this year's visits (not yet visited first), 记录走访, and 新建结对 for its secretary. */
export default function PairsPage() {
  const me = useAction('roster', 'me', {})
  const branchId = useRouter().params.branchId ?? ''
  return (
    <Page>
      <PageState query={me}>{(caller) => <PairsView me={caller} branchId={branchId} />}</PageState>
    </Page>
  )
}

function PairsView({ me, branchId }: { me: Me; branchId: string }) {
  const year = yearOf(Date.now())
  const list = useAction('assessment', 'listPairs', { branchId, year })
  const manages = me.roles.some((role) => (ENGAGEMENT_MANAGERS as readonly string[]).includes(role))
  const [visiting, setVisiting] = useState<string | null>(null)
  return (
    <View>
      <PageState query={list}>
        {({ items }) => (
          <View className="card" data-testid="pairs-list">
            <Text className="card__title">{`结对帮扶（${items.length} 对）`}</Text>
            {items.length === 0 ? <Text className="muted">本支部还没有结对帮扶。</Text> : null}
            {items.map((pair) => (
              <ListItem
                key={pair.id}
                testId="pairs-row"
                title={pair.memberName ? `${pair.memberName} — ${pair.partner}` : pair.partner}
                badges={
                  <>
                    <Text className="tag tag--plain">{PAIR_KIND_LABELS[pair.kind]}</Text>
                    {pair.visits === 0 ? <Text className="tag tag--warn">本年未走访</Text> : null}
                  </>
                }
                meta={[`${year}年走访 ${pair.visits} 次${pair.lastVisitOn ? ` · 最近 ${pair.lastVisitOn}` : ''}`]}
              >
                {visiting === pair.id ? (
                  <RecordForm
                    label="帮扶内容"
                    placeholder="写明走访或帮扶了什么（对象只写简称，不写个人信息）"
                    testId="visit-form"
                    toast="走访已记录"
                    send={({ text, ...record }) =>
                      call('assessment', 'recordPairVisit', { ...record, note: text, pairId: pair.id })
                    }
                    onDone={() => {
                      setVisiting(null)
                      list.reload()
                    }}
                    onCancel={() => setVisiting(null)}
                  />
                ) : (
                  <Text className="chip" data-testid="pairs-record-visit" onClick={() => setVisiting(pair.id)}>
                    记录走访
                  </Text>
                )}
              </ListItem>
            ))}
          </View>
        )}
      </PageState>
      {manages ? <PairForm branchId={branchId} onDone={list.reload} /> : null}
    </View>
  )
}

const FIELDS = ['kind', 'memberId', 'partnerBranchId', 'partnerLabel', 'since'] as const

/** 新建结对: a member with a student or family (a short label only), or the branch with another branch. */
function PairForm({ branchId, onDone }: { branchId: string; onDone: () => void }) {
  const [requestId, renew] = useRequestId()
  const [kind, setKind] = useState<PairKind>('member_student')
  const [memberId, setMemberId] = useState<string | null>(null)
  const [partnerBranchId, setPartnerBranchId] = useState<string | null>(null)
  const [label, setLabel] = useState('')
  const [since, setSince] = useState(dateKey(Date.now()))
  const directory = useAction('roster', 'branchDirectory', {})
  const withBranch = kind === 'branch_branch'
  const saving = useSubmit(
    (partnerName: string | null) =>
      call('assessment', 'createPair', {
        requestId,
        branchId,
        kind,
        memberId: withBranch ? null : memberId,
        partnerBranchId: withBranch ? partnerBranchId : null,
        partnerLabel: withBranch ? (partnerName ?? '') : label,
        since,
      }),
    {
      fields: FIELDS,
      toast: '结对已建立',
      onDone: () => {
        renew()
        setLabel('')
        setMemberId(null)
        onDone()
      },
    },
  )
  return (
    <View className="card" data-testid="pair-form">
      <Text className="card__title">新建结对</Text>
      <FormField label="结对方式" required error={saving.errors.fields.kind}>
        <View className="chips">
          {PAIR_KINDS.map((key) => (
            <Text
              key={key}
              className={`chip${kind === key ? ' chip--on' : ''}`}
              data-testid={`pair-kind-${key}`}
              onClick={() => setKind(key)}
            >
              {PAIR_KIND_LABELS[key]}
            </Text>
          ))}
        </View>
      </FormField>
      {withBranch ? (
        <FormField label="结对支部" required error={saving.errors.fields.partnerBranchId}>
          <PageState query={directory}>
            {({ branches }) => {
              const others = branches.filter((branch) => branch.id !== branchId)
              const index = others.findIndex((branch) => branch.id === partnerBranchId)
              return (
                <PickerField
                  testId="pair-partner-branch"
                  range={others.map((branch) => branch.name)}
                  index={index}
                  text={others[index]?.name ?? null}
                  placeholder="请选择支部"
                  onPick={(i) => setPartnerBranchId(others[i]?.id ?? null)}
                />
              )
            }}
          </PageState>
        </FormField>
      ) : (
        <>
          <FormField label="党员" required error={saving.errors.fields.memberId}>
            <BranchMemberPicker testId="pair-member" branchId={branchId} memberId={memberId} onPick={setMemberId} />
          </FormField>
          <FormField
            label="结对对象"
            required
            hint="只写简称，如“初二(3)班 小李”，不写姓名全称、身份证号或住址"
            error={saving.errors.fields.partnerLabel}
          >
            <TypedField testId="pair-label" placeholder="如：初二(3)班 小李" value={label} onInput={setLabel} />
          </FormField>
        </>
      )}
      <FormField label="结对日期" required error={saving.errors.fields.since}>
        <TypeOrPick mode="date" testId="pair-since" placeholder="YYYY-MM-DD" value={since} onChange={setSince} />
      </FormField>
      {saving.errors.general ? (
        <Text className="field-error" data-testid="pair-error">
          {saving.errors.general}
        </Text>
      ) : null}
      <Button
        className="btn btn--primary"
        data-testid="pair-submit"
        loading={saving.busy}
        disabled={(withBranch ? !partnerBranchId : !memberId) || saving.busy || undefined}
        onClick={() =>
          saving.submit(
            directory.state === 'ok'
              ? (directory.data.branches.find((branch) => branch.id === partnerBranchId)?.name ?? null)
              : null,
          )
        }
      >
        建立结对
      </Button>
    </View>
  )
}
