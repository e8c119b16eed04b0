import { Button, Input, Picker, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { MeetingDetail } from '../../../../../types/meetings'
import { ok, type Result } from '../../../../../types/result'
import { FieldError } from '../../../../components/field-error'
import { Page } from '../../../../components/page'
import { EmptyState, PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { useSubmit } from '../../../../hooks/use-submit'
import { meetingPageUrl } from '../../../../lib/routes'
import { call } from '../../../../services/call'
import { type BranchRoster, MeetingFields } from '../../components/meeting-fields'
import { WithRoster } from '../../components/with-roster'
import {
  blankDraft,
  draftOf,
  fieldsOf,
  MEETING_FIELDS,
  type MeetingDraft,
  requestIdOf,
  scopeOf,
} from '../../lib/meeting-draft'
import '../../components/meetings.css'

/**
 * 安排会议 (or, with ?id=, 修改会议): the form opens once the secretary's branch
 * and its roster are known — the scope, 党小组, host and note-taker are picked
 * from it.
 */
export default function SchedulePage() {
  const id = useRouter().params.id ?? ''
  return <Page>{id ? <EditMeeting meetingId={id} /> : <NewMeeting />}</Page>
}

function NewMeeting() {
  const me = useAction('roster', 'me', {})
  return (
    <PageState query={me}>
      {(data) =>
        data.branch ? (
          <WithRoster branchId={data.branch.id}>
            {(roster) => <MeetingForm roster={roster} branchId={data.branch?.id ?? ''} />}
          </WithRoster>
        ) : (
          <EmptyState title="未找到您所在的支部" hint="只有支部书记可以为本支部安排会议。" />
        )
      }
    </PageState>
  )
}

function EditMeeting({ meetingId }: { meetingId: string }) {
  const meeting = useAction('meetings', 'get', { meetingId })
  return (
    <PageState
      query={meeting}
      isEmpty={(data) => !data.canManage || data.status === 'cancelled' || data.endsAt <= Date.now()}
      empty={{
        title: '这次会议不能再修改',
        hint: '已结束或已取消的会议不能修改；已开过的会议请在会议详情中填写记录。',
      }}
    >
      {(data) => (
        <WithRoster branchId={data.branchId}>
          {(roster) => <MeetingForm roster={roster} branchId={data.branchId} editing={data} />}
        </WithRoster>
      )}
    </PageState>
  )
}

const REPEATS = Array.from({ length: 12 }, (_, index) => index + 1)

function MeetingForm({
  roster,
  branchId,
  editing,
}: {
  roster: BranchRoster
  branchId: string
  editing?: MeetingDetail
}) {
  const [draft, setDraft] = useState<MeetingDraft>(() =>
    editing ? draftOf(editing) : blankDraft('group_meeting', Date.now()),
  )
  const [repeat, setRepeat] = useState(1)
  const [reason, setReason] = useState('')
  // One id per intent: a retry after a lost answer schedules nothing twice.
  const [requestId] = useState(() => requestIdOf('mt', Date.now()))
  const saving = useSubmit(
    async (scope: NonNullable<ReturnType<typeof scopeOf>>): Promise<Result<{ id: string }>> => {
      const meeting = fieldsOf(draft)
      if (editing) {
        const updated = await call('meetings', 'update', { meetingId: editing.id, meeting, reason })
        return updated.ok ? ok({ id: updated.data.id }) : updated
      }
      const made = await call('meetings', 'schedule', {
        branchId,
        scope,
        meeting,
        repeatMonthly: draft.type === 'theme_day' ? repeat : 1,
        requestId,
      })
      return made.ok ? ok({ id: made.data.ids[0] }) : made
    },
    {
      fields: MEETING_FIELDS,
      toast: editing ? '会议已修改' : '会议已安排',
      onDone: (data) => Taro.redirectTo({ url: meetingPageUrl(data.id) }),
    },
  )
  const { errors, busy } = saving
  const submit = () => {
    const scope = scopeOf(draft)
    if (!scope) return saving.setErrors({ fields: {}, general: '请选择党小组' })
    saving.submit(scope)
  }

  return (
    <View className="card" data-testid="schedule-form">
      <Text className="card__title">{editing ? '修改会议' : `安排会议 · ${roster.branchName}`}</Text>
      <MeetingFields
        draft={draft}
        onChange={setDraft}
        roster={roster}
        errors={errors}
        mode={editing ? 'edit' : 'new'}
      />
      {!editing && draft.type === 'theme_day' ? (
        <View className="meet-field">
          <Text className="field-label">每月重复（主题党日可一次安排连续几个月）</Text>
          <Picker
            mode="selector"
            range={REPEATS.map((n) => (n === 1 ? '只安排这一次' : `连续${n}个月`))}
            value={repeat - 1}
            onChange={(e) => setRepeat(REPEATS[Number(e.detail.value)])}
          >
            <View className="field-input meet-picker" data-testid="schedule-repeat">
              <Text>{repeat === 1 ? '只安排这一次' : `连续${repeat}个月`}</Text>
              <Text className="muted">›</Text>
            </View>
          </Picker>
        </View>
      ) : null}
      {editing ? (
        <View className="meet-field">
          <Text className="field-label">修改原因（选填，时间地点变更时会告知参会人员）</Text>
          <Input
            className="field-input"
            data-testid="schedule-reason"
            value={reason}
            maxlength={100}
            placeholder="如：与期中考试时间冲突"
            onInput={(e) => setReason(e.detail.value)}
          />
          <FieldError message={errors.fields.reason} />
        </View>
      ) : null}
      <FieldError message={errors.general} testId="schedule-error" />
      <Button
        className="btn btn--primary meet-bar"
        data-testid="schedule-submit"
        loading={busy}
        disabled={busy || undefined}
        onClick={submit}
      >
        {editing ? '保存修改' : busy ? '正在安排…' : '安排会议'}
      </Button>
      {editing ? null : <Text className="field-hint">安排后，参会党员会在“会议”中看到通知，并可订阅会前提醒。</Text>}
    </View>
  )
}
