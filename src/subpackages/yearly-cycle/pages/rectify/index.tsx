import { Button, Input, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { OutputOf } from '../../../../../types/api'
import { AttachmentList, AttachmentsField, savedAttachments, useAttachments } from '../../../../components/attachments'
import { ConfirmDialog } from '../../../../components/confirm-dialog'
import { FieldError } from '../../../../components/field-error'
import { FormField, PickerField } from '../../../../components/form-field'
import { ListItem } from '../../../../components/list-item'
import { Page } from '../../../../components/page'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { useSubmit } from '../../../../hooks/use-submit'
import { newRequestId } from '../../../../lib/request-id'
import { dateKey } from '../../../../lib/time'
import { call } from '../../../../services/call'

type Item = OutputOf<'yearly-cycle', 'listRectifications'>['items'][number]

/** 整改清单: items with owner, due date and status (逾期 flagged); 销号 with evidence; the secretary adds items. */
export default function RectifyPage() {
  const orgLifeId = useRouter().params.orgLifeId ?? ''
  const list = useAction('yearly-cycle', 'listRectifications', { orgLifeId })
  const [closing, setClosing] = useState<Item | null>(null)
  const close = useSubmit(
    (item: Item, evidence: string, fileIds: string[]) =>
      call('yearly-cycle', 'closeRectification', {
        rectificationId: item.id,
        closedOn: dateKey(Date.now()),
        evidence,
        fileIds,
      }),
    { toast: (_, item) => `已销号：${item.problem}`, onDone: list.reload, onRefused: list.reload },
  )
  return (
    <Page>
      <PageState query={list}>
        {(data) => (
          <View>
            {data.items.length === 0 ? (
              <View className="card">
                <Text className="muted">
                  {data.meetingHeld ? '还没有整改事项' : '组织生活会召开后，支部根据查摆的问题列出整改清单'}
                </Text>
              </View>
            ) : (
              data.items.map((item) => (
                <ListItem
                  key={item.id}
                  testId="rectify-item"
                  title={item.problem}
                  badges={
                    <Text className={item.status === 'closed' ? 'tag tag--ok' : item.overdue ? 'tag tag--warn' : 'tag'}>
                      {item.status === 'closed' ? '已销号' : item.overdue ? '已逾期' : '整改中'}
                    </Text>
                  }
                  meta={[
                    `整改措施：${item.measure}`,
                    `责任人：${item.ownerName}`,
                    `完成时限：${item.dueOn}`,
                    item.evidence ? `整改结果：${item.evidence.text}` : null,
                  ]}
                >
                  {item.evidence ? (
                    <AttachmentList files={savedAttachments(item.evidence.files)} testId="rectify-evidence-file" />
                  ) : null}
                  {item.mayClose && item.status === 'open' ? (
                    <Button className="btn btn--ghost" onClick={() => setClosing(item)}>
                      销号
                    </Button>
                  ) : null}
                </ListItem>
              ))
            )}
            {data.mayAdd ? <AddItem orgLifeId={orgLifeId} onAdded={list.reload} /> : null}
          </View>
        )}
      </PageState>
      {closing ? (
        <CloseDialog
          key={closing.id}
          item={closing}
          onConfirm={(evidence, fileIds) => {
            close.submit(closing, evidence, fileIds)
            setClosing(null)
          }}
          onCancel={() => setClosing(null)}
        />
      ) : null}
    </Page>
  )
}

/** 整改销号: what was done (text) and, if any, evidence files (a document or photos) uploaded before confirming. */
function CloseDialog(props: {
  item: Item
  onConfirm: (evidence: string, fileIds: string[]) => void
  onCancel: () => void
}) {
  const attachments = useAttachments(() => [], 'yearly')
  return (
    <ConfirmDialog
      visible
      title="整改销号"
      message={`“${props.item.problem}”销号后不能撤回。`}
      confirmLabel="确认销号"
      reason={{ label: '整改结果', placeholder: '写明整改做了什么、成效如何', minLength: 5 }}
      confirmDisabled={attachments.uploading}
      onConfirm={(evidence) => props.onConfirm(evidence, attachments.fileIds)}
      onCancel={props.onCancel}
    >
      <AttachmentsField attachments={attachments} testId="rectify-evidence" />
    </ConfirmDialog>
  )
}

function AddItem({ orgLifeId, onAdded }: { orgLifeId: string; onAdded: () => void }) {
  const partners = useAction('yearly-cycle', 'talkPartners', {})
  const [problem, setProblem] = useState('')
  const [measure, setMeasure] = useState('')
  const [owner, setOwner] = useState<number | null>(null)
  const [dueOn, setDueOn] = useState(dateKey(Date.now(), 90))
  const [requestId, setRequestId] = useState(newRequestId)
  const people = partners.state === 'ok' ? partners.data.items : []
  const adding = useSubmit(
    () =>
      call('yearly-cycle', 'addRectification', {
        requestId,
        orgLifeId,
        problem,
        measure,
        ownerId: owner === null ? '' : people[owner].memberId,
        dueOn,
      }),
    {
      fields: ['problem', 'measure', 'ownerId', 'dueOn'],
      toast: '整改事项已添加',
      onDone: () => {
        setProblem('')
        setMeasure('')
        setRequestId(newRequestId())
        onAdded()
      },
    },
  )
  const { fields } = adding.errors
  return (
    <View className="card" data-testid="rectify-add">
      <Text className="card__title">添加整改事项</Text>
      <FormField label="问题" required error={fields.problem}>
        <Input className="field-input" value={problem} onInput={(e) => setProblem(e.detail.value)} />
      </FormField>
      <FormField label="整改措施" required error={fields.measure}>
        <Input className="field-input" value={measure} onInput={(e) => setMeasure(e.detail.value)} />
      </FormField>
      <FormField label="责任人" required error={fields.ownerId}>
        <PickerField
          range={people.map((p) => p.name)}
          index={owner ?? 0}
          text={owner === null ? null : (people[owner]?.name ?? null)}
          placeholder="选择本支部党员"
          onPick={setOwner}
        />
      </FormField>
      <FormField label="完成时限" required error={fields.dueOn}>
        <Input
          className="field-input"
          placeholder="YYYY-MM-DD"
          value={dueOn}
          onInput={(e) => setDueOn(e.detail.value)}
        />
      </FormField>
      <FieldError message={adding.errors.general} />
      <Button className="btn btn--primary" loading={adding.busy} onClick={() => adding.submit()}>
        添加
      </Button>
    </View>
  )
}
