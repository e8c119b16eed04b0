import { Button, Input, Picker, Switch, Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import type { OutputOf } from '../../../../types/api'
import { COMMITTEE_POSITION_LABELS, MEETING_TYPE_LABELS } from '../../../../types/labels'
import { MEETING_TYPES, type MeetingType } from '../../../../types/meetings'
import { FieldError } from '../../../components/field-error'
import type { FormErrors } from '../../../lib/form-errors'
import { PICK_PLACE_LABEL, pickPlace } from '../../../services/location'
import {
  combinableWith,
  LENGTHS,
  lengthLabel,
  type MeetingDraft,
  type MeetingField,
  RADII,
  scopesFor,
  withType,
} from '../lib/meeting-draft'
import './meetings.css'

export type BranchRoster = OutputOf<'meetings', 'scopeMembers'>

const TYPES: readonly MeetingType[] = MEETING_TYPES
const SCOPE_LABELS = { branch: '全体党员', group: '一个党小组', committee: '支部委员' } as const

interface MeetingFieldsProps {
  draft: MeetingDraft
  onChange: (draft: MeetingDraft) => void
  roster: BranchRoster
  errors: FormErrors<MeetingField>
  /** new: everything; edit: the scope stays; backfill: a past date, no map place. */
  mode: 'new' | 'edit' | 'backfill'
}

/** One labelled row of the form: the label above its control, the error under it. */
function Field({ label, error, children }: { label: string; error?: string; children: React.ReactNode }) {
  return (
    <View className="meet-field">
      <Text className="field-label">{label}</Text>
      {children}
      <FieldError message={error} />
    </View>
  )
}

/** A choice drawn as a bordered field with its current value; the platform's picker opens on a tap. */
function Choice(props: {
  testId: string
  range: string[]
  index: number
  text: string
  onPick: (index: number) => void
  mode?: 'selector'
}) {
  return (
    <Picker
      mode="selector"
      range={props.range}
      value={Math.max(0, props.index)}
      onChange={(e) => props.onPick(Number(e.detail.value))}
    >
      <View className="field-input meet-picker" data-testid={props.testId}>
        <Text>{props.text}</Text>
        <Text className="muted">›</Text>
      </View>
    </Picker>
  )
}

/**
 * The meeting's fields, labelled, as the schedule, edit and 补录 forms share
 * them: type (with the types it may also count as), who it is for, name and
 * agenda, one date and one start time from the platform's pickers and a
 * length, the place (with a map place and radius for location check-in), and
 * host and note-taker picked from the branch's roster.
 */
export function MeetingFields({ draft, onChange, roster, errors, mode }: MeetingFieldsProps) {
  const set = (patch: Partial<MeetingDraft>) => onChange({ ...draft, ...patch })
  const [placeError, setPlaceError] = useState<string | null>(null)
  const scopes = scopesFor([draft.type])
  const combinable = combinableWith(draft.type, draft.scopeKind)
  const people = roster.members
  const inScope =
    draft.scopeKind === 'group'
      ? people.filter((member) => member.groupId === draft.groupId)
      : draft.scopeKind === 'committee'
        ? people.filter((member) => member.committeePosition)
        : people
  const personName = (id: string | null) => people.find((member) => member.id === id)?.name ?? '请选择'
  const personLabel = (member: BranchRoster['members'][number]) =>
    `${member.name}${member.committeePosition ? `（${COMMITTEE_POSITION_LABELS[member.committeePosition as keyof typeof COMMITTEE_POSITION_LABELS] ?? '支部委员'}）` : ''}`
  const pickGroup = (index: number) => {
    const group = roster.groups[index]
    // A 党小组会 is convened by its 组长: the host starts as them.
    set({ groupId: group.id, hostId: draft.type === 'group_meeting' ? (group.leaderId ?? draft.hostId) : draft.hostId })
  }
  const pickMapPlace = async () => {
    setPlaceError(null)
    const picked = await pickPlace()
    if (!picked) return
    if (!picked.ok) return setPlaceError(picked.error.message)
    const { name, latitude, longitude } = picked.data
    set({
      location: { latitude, longitude, radiusMeters: draft.location?.radiusMeters ?? 300 },
      place: draft.place || name || draft.place,
    })
  }
  const startError = errors.fields['meeting.startsAt'] ?? errors.fields['meeting.endsAt']
  return (
    <View data-testid="meeting-fields">
      <Field label="会议类型">
        <Choice
          testId="meeting-type"
          range={TYPES.map((type) => MEETING_TYPE_LABELS[type])}
          index={TYPES.indexOf(draft.type)}
          text={MEETING_TYPE_LABELS[draft.type]}
          onPick={(index) => onChange(withType(draft, TYPES[index]))}
        />
      </Field>
      {combinable.length ? (
        <Field label="同时计为（合并召开，选填）" error={errors.fields['meeting.alsoCounts']}>
          <View className="chips" data-testid="meeting-also">
            {combinable.map((type) => {
              const on = draft.alsoCounts.includes(type)
              return (
                <Text
                  key={type}
                  className={`chip${on ? ' chip--on' : ''}`}
                  data-testid={`meeting-also-${type}`}
                  onClick={() =>
                    set({ alsoCounts: on ? draft.alsoCounts.filter((t) => t !== type) : [...draft.alsoCounts, type] })
                  }
                >
                  {MEETING_TYPE_LABELS[type]}
                </Text>
              )
            })}
          </View>
        </Field>
      ) : null}
      <Field label="参会范围">
        {mode === 'edit' || scopes.length === 1 ? (
          <Text className="field-input meet-static" data-testid="meeting-scope">
            {SCOPE_LABELS[draft.scopeKind]}
            {draft.scopeKind === 'committee' ? `（${inScope.length}人）` : ''}
          </Text>
        ) : (
          <View className="chips">
            {scopes.map((kind) => (
              <Text
                key={kind}
                className={`chip${draft.scopeKind === kind ? ' chip--on' : ''}`}
                data-testid={`meeting-scope-${kind}`}
                onClick={() => set({ scopeKind: kind, alsoCounts: [] })}
              >
                {SCOPE_LABELS[kind]}
              </Text>
            ))}
          </View>
        )}
        {draft.scopeKind === 'committee' && !roster.hasCommittee ? (
          <Text className="field-hint">本支部正式党员不足7人，未设支委会，支委会不作考核要求</Text>
        ) : null}
      </Field>
      {draft.scopeKind === 'group' ? (
        <Field label="党小组">
          {mode === 'edit' ? (
            <Text className="field-input meet-static">
              {roster.groups.find((group) => group.id === draft.groupId)?.name ?? ''}
            </Text>
          ) : roster.groups.length === 0 ? (
            <Text className="field-hint">本支部尚未设立党小组</Text>
          ) : (
            // A branch has a handful of 党小组: all in view, one tap each.
            <View className="chips" data-testid="meeting-group">
              {roster.groups.map((group, index) => (
                <Text
                  key={group.id}
                  className={`chip${draft.groupId === group.id ? ' chip--on' : ''}`}
                  data-testid={`meeting-group-${group.id}`}
                  onClick={() => pickGroup(index)}
                >
                  {group.name}
                </Text>
              ))}
            </View>
          )}
        </Field>
      ) : null}
      {draft.scopeKind === 'branch' && roster.prospects.length && mode !== 'edit' ? (
        <View className="meet-switch">
          <Text>入党积极分子、发展对象列席（{roster.prospects.length}人，不计应到、无表决权）</Text>
          <Switch
            checked={draft.prospects}
            data-testid="meeting-prospects"
            onChange={(e) => set({ prospects: e.detail.value })}
          />
        </View>
      ) : null}
      {draft.scopeKind !== 'branch' ? (
        <Text className="field-hint" data-testid="meeting-invited">
          参会：{draft.scopeKind === 'group' && !draft.groupId ? '请先选择党小组' : `${inScope.length}名党员`}
        </Text>
      ) : null}
      <Field label="会议名称" error={errors.fields['meeting.title']}>
        <Input
          className={`field-input ${errors.fields['meeting.title'] ? 'field-input--invalid' : ''}`}
          data-testid="meeting-title"
          value={draft.title}
          placeholder="如：学习新修订的纪律处分条例"
          maxlength={60}
          onInput={(e) => set({ title: e.detail.value })}
        />
      </Field>
      <Field label="议程（选填）" error={errors.fields['meeting.agenda']}>
        <Textarea
          className="field-input meet-agenda"
          data-testid="meeting-agenda"
          value={draft.agenda}
          autoHeight
          maxlength={2000}
          placeholder="如：1. 传达上级精神；2. 研究部署工作；3. 交流讨论"
          onInput={(e) => set({ agenda: e.detail.value })}
        />
      </Field>
      <View className="meet-when">
        <Field label="日期">
          <Picker mode="date" value={draft.date} onChange={(e) => set({ date: String(e.detail.value) })}>
            <View className="field-input meet-picker" data-testid="meeting-date">
              <Text>{draft.date}</Text>
              <Text className="muted">›</Text>
            </View>
          </Picker>
        </Field>
        <Field label="开始时间">
          <Picker mode="time" value={draft.time} onChange={(e) => set({ time: String(e.detail.value) })}>
            <View className="field-input meet-picker" data-testid="meeting-time">
              <Text>{draft.time}</Text>
              <Text className="muted">›</Text>
            </View>
          </Picker>
        </Field>
      </View>
      <Field label="会议时长" error={startError}>
        <Choice
          testId="meeting-length"
          range={LENGTHS.map(lengthLabel)}
          index={LENGTHS.indexOf(draft.minutes as (typeof LENGTHS)[number])}
          text={lengthLabel(draft.minutes)}
          onPick={(index) => set({ minutes: LENGTHS[index] })}
        />
      </Field>
      <Field label="地点" error={errors.fields['meeting.place']}>
        <Input
          className={`field-input ${errors.fields['meeting.place'] ? 'field-input--invalid' : ''}`}
          data-testid="meeting-place"
          value={draft.place}
          placeholder="如：实验小学党员活动室"
          maxlength={60}
          onInput={(e) => set({ place: e.detail.value })}
        />
      </Field>
      {mode !== 'backfill' ? (
        <View className="meet-location" data-testid="meeting-location">
          {draft.location ? (
            <View>
              <Text className="meet-line" data-testid="meeting-location-set">
                已开启定位签到：党员须在签到地点附近才能签到
              </Text>
              <Field label="签到范围">
                <Choice
                  testId="meeting-radius"
                  range={RADII.map((metres) => `${metres}米以内`)}
                  index={RADII.indexOf(draft.location.radiusMeters as (typeof RADII)[number])}
                  text={`${draft.location.radiusMeters}米以内`}
                  onPick={(index) =>
                    draft.location && set({ location: { ...draft.location, radiusMeters: RADII[index] } })
                  }
                />
              </Field>
              <Button
                className="btn btn--ghost meet-bar"
                data-testid="meeting-location-clear"
                onClick={() => set({ location: null })}
              >
                不使用定位签到
              </Button>
            </View>
          ) : (
            <Button className="btn btn--ghost meet-bar" data-testid="meeting-pick-place" onClick={pickMapPlace}>
              {PICK_PLACE_LABEL}（选填）
            </Button>
          )}
          <FieldError message={placeError} testId="meeting-place-error" />
        </View>
      ) : null}
      <Field label="主持人（选填）">
        <Choice
          testId="meeting-host"
          range={people.map(personLabel)}
          index={people.findIndex((member) => member.id === draft.hostId)}
          text={personName(draft.hostId)}
          onPick={(index) => set({ hostId: people[index].id })}
        />
      </Field>
      <Field label="记录人（选填）">
        <Choice
          testId="meeting-note-taker"
          range={people.map(personLabel)}
          index={people.findIndex((member) => member.id === draft.noteTakerId)}
          text={personName(draft.noteTakerId)}
          onPick={(index) => set({ noteTakerId: people[index].id })}
        />
      </Field>
    </View>
  )
}
