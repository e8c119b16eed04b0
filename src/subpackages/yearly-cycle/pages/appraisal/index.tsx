import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { OutputOf } from '../../../../../types/api'
import { APPRAISAL_PHASE_LABELS, EXEMPTION_REASON_LABELS, GRADE_LABELS } from '../../../../../types/yearly-cycle-labels'
import { FieldError } from '../../../../components/field-error'
import { FormField, TextAreaField } from '../../../../components/form-field'
import { Page } from '../../../../components/page'
import { PageState } from '../../../../components/page-state'
import { SwitchRow } from '../../../../components/switch-row'
import { useAction } from '../../../../hooks/use-action'
import { useOnReturn } from '../../../../hooks/use-on-return'
import { useSubmit } from '../../../../hooks/use-submit'
import { appraisalResultsPageUrl, votePageUrl } from '../../../../lib/routes'
import { clockTime, dateKey, fullDateTime, instantOf, yearOf } from '../../../../lib/time'
import { call } from '../../../../services/call'
import { type Exemption, ExemptionsField } from '../../components/exemptions-field'
import { WhenField } from '../../components/window-fields'
import '../../components/yearly.css'

/**
 * 民主评议党员. Everyone sees their own part (个人自评, 去投票 / 您已投票, their 等次 once decided);
 * with a branch (the secretary's own, or 调阅 from the year view) the branch's round too: open it,
 * who has voted (names only), 提醒未投票, and the results once voting has closed.
 */
export default function AppraisalPage() {
  const branchId = useRouter().params.branchId ?? null
  const year = yearOf(Date.now())
  return (
    <Page>
      <Mine year={year} />
      {branchId ? <Branch branchId={branchId} year={year} /> : null}
    </Page>
  )
}

function Mine({ year }: { year: number }) {
  const mine = useAction('yearly-cycle', 'myAppraisal', { year })
  useOnReturn(mine.reload)
  return (
    <PageState query={mine}>
      {({ round }) =>
        round === null ? (
          <View className="card" data-testid="appraisal-mine-none">
            <Text className="card__title">我的民主评议</Text>
            <Text className="muted">{`${year}年度本支部尚未开始民主评议党员`}</Text>
          </View>
        ) : (
          <View className="card" data-testid="appraisal-mine">
            <Text className="card__title">{`${year}年度民主评议党员`}</Text>
            <View className="row">
              <Text className="row__label">阶段</Text>
              <Text className="row__value" data-testid="appraisal-mine-phase">
                {APPRAISAL_PHASE_LABELS[round.phase]}
              </Text>
            </View>
            <View className="row">
              <Text className="row__label">民主测评</Text>
              <Text className="row__value">{`${fullDateTime(round.votingOpensAt)} 至 ${fullDateTime(round.votingClosesAt)}`}</Text>
            </View>
            {round.myGrade ? (
              <View className="row">
                <Text className="row__label">我的等次</Text>
                <Text className="row__value" data-testid="appraisal-my-grade">
                  {GRADE_LABELS[round.myGrade]}
                </Text>
              </View>
            ) : null}
            {round.phase === 'voting' && round.mayVote && !round.voted ? (
              <Button
                className="btn btn--primary"
                data-testid="appraisal-go-vote"
                onClick={() => Taro.navigateTo({ url: votePageUrl(year) })}
              >
                去投票
              </Button>
            ) : null}
            {round.voted ? (
              <Text className="tag tag--ok" data-testid="appraisal-voted">
                您已投票
              </Text>
            ) : null}
            {round.mayVote ? null : <Text className="muted">预备党员参加评议，不参加等次投票</Text>}
            {round.phase === 'self_review' || round.phase === 'voting' ? (
              <SelfReview roundId={round.id} written={round.selfReview} onSaved={mine.reload} />
            ) : null}
          </View>
        )
      }
    </PageState>
  )
}

function SelfReview({ roundId, written, onSaved }: { roundId: string; written: string | null; onSaved: () => void }) {
  const [text, setText] = useState(written ?? '')
  const saving = useSubmit(() => call('yearly-cycle', 'submitSelfReview', { roundId, text }), {
    fields: ['text'],
    toast: '个人自评已保存',
    onDone: onSaved,
  })
  return (
    <View>
      <FormField
        label="个人自评"
        hint="对照党员标准，总结本年度思想、学习、工作和作风情况，不少于50字；测评截止前可修改"
        error={saving.errors.fields.text}
      >
        <TextAreaField value={text} onInput={setText} maxlength={5000} testId="appraisal-self-review" />
      </FormField>
      <FieldError message={saving.errors.general} />
      <Button
        className="btn btn--ghost"
        data-testid="appraisal-self-review-save"
        loading={saving.busy}
        onClick={() => saving.submit()}
      >
        {written ? '修改个人自评' : '提交个人自评'}
      </Button>
    </View>
  )
}

function Branch({ branchId, year }: { branchId: string; year: number }) {
  const round = useAction('yearly-cycle', 'appraisalRound', { branchId, year })
  useOnReturn(round.reload)
  return (
    <PageState query={round}>
      {(data) =>
        data.round === null ? (
          data.mayManage ? (
            <OpenRound branchId={branchId} year={year} branchName={data.branchName} onOpened={round.reload} />
          ) : (
            <View className="card">
              <Text className="muted">{`${data.branchName}${year}年度尚未开始民主评议`}</Text>
            </View>
          )
        ) : (
          <RoundCard
            branchName={data.branchName}
            round={data.round}
            mayManage={data.mayManage}
            onReminded={round.reload}
          />
        )
      }
    </PageState>
  )
}

function OpenRound(props: { branchId: string; year: number; branchName: string; onOpened: () => void }) {
  const now = Date.now()
  const [opensDate, setOpensDate] = useState(dateKey(now))
  // From now, so the round can be voted on as soon as it is opened; a later start stays 个人自评 until then.
  const [opensTime, setOpensTime] = useState(clockTime(now))
  const [closesDate, setClosesDate] = useState(dateKey(now, 7))
  const [closesTime, setClosesTime] = useState('18:00')
  const [withOrgLife, setWithOrgLife] = useState(true)
  const [exemptions, setExemptions] = useState<Exemption[]>([])
  const opening = useSubmit(
    () =>
      call('yearly-cycle', 'openAppraisal', {
        branchId: props.branchId,
        year: props.year,
        votingOpensAt: instantOf(opensDate, opensTime),
        votingClosesAt: instantOf(closesDate, closesTime),
        withOrgLife,
        exemptions: exemptions.map(({ memberId, reason, note }) => ({ memberId, reason, note })),
      }),
    {
      fields: ['votingOpensAt', 'votingClosesAt'],
      toast: (opened) => `已开始民主评议：${opened.appraisees}人参评，${opened.voters}人投票`,
      onDone: props.onOpened,
    },
  )
  return (
    <View className="card" data-testid="appraisal-open-form">
      <Text className="card__title">{`开始${props.branchName}民主评议`}</Text>
      <Text className="muted">
        开始后参评和投票名单即固定：全体党员参评（预备党员参评不投票），正式党员匿名投票，每人一票，提交后不能修改。
      </Text>
      <WhenField
        label="测评开始"
        date={opensDate}
        time={opensTime}
        onDate={setOpensDate}
        onTime={setOpensTime}
        error={opening.errors.fields.votingOpensAt}
        testId="appraisal-opens"
      />
      <WhenField
        label="测评截止"
        date={closesDate}
        time={closesTime}
        onDate={setClosesDate}
        onTime={setClosesTime}
        error={opening.errors.fields.votingClosesAt}
        testId="appraisal-closes"
      />
      <ExemptionsField branchId={props.branchId} value={exemptions} onChange={setExemptions} />
      <SwitchRow
        label="与组织生活会合并召开"
        hint="民主评议结果在组织生活会上通报，计入组织生活会"
        checked={withOrgLife}
        onChange={setWithOrgLife}
      />
      <FieldError message={opening.errors.general} testId="appraisal-open-error" />
      <Button
        className="btn btn--primary"
        data-testid="appraisal-open"
        loading={opening.busy}
        onClick={() => opening.submit()}
      >
        开始民主评议
      </Button>
    </View>
  )
}

type RoundOf = NonNullable<OutputOf<'yearly-cycle', 'appraisalRound'>['round']>

function RoundCard(props: { branchName: string; round: RoundOf; mayManage: boolean; onReminded: () => void }) {
  const { round } = props
  const reminding = useSubmit(() => call('yearly-cycle', 'remindVoters', { roundId: round.id }), {
    toast: (sent) => `已提醒${sent.reminded}名未投票党员`,
    onDone: props.onReminded,
  })
  const closed = round.phase === 'counting' || round.phase === 'decided'
  return (
    <View className="card" data-testid="appraisal-round">
      <Text className="card__title">{`${props.branchName}民主评议`}</Text>
      <View className="stats">
        <View className="stat">
          <Text className="stat__value" data-testid="appraisal-voted-count">{`${round.voted}/${round.voters}`}</Text>
          <Text className="stat__label">已投票</Text>
        </View>
        <View className="stat">
          <Text className="stat__value">{round.appraisees.length}</Text>
          <Text className="stat__label">参评党员</Text>
        </View>
        <View className="stat">
          <Text className="stat__value">{round.excellentCap}</Text>
          <Text className="stat__label">{`优秀至多（${round.excellentCapPercent}%）`}</Text>
        </View>
      </View>
      <View className="row">
        <Text className="row__label">阶段</Text>
        <Text className="row__value" data-testid="appraisal-round-phase">
          {APPRAISAL_PHASE_LABELS[round.phase]}
        </Text>
      </View>
      <View className="row">
        <Text className="row__label">测评时间</Text>
        <Text className="row__value">{`${fullDateTime(round.votingOpensAt)} 至 ${fullDateTime(round.votingClosesAt)}`}</Text>
      </View>
      {round.exemptions.map((exemption) => (
        <View className="row" key={exemption.memberId}>
          <Text className="row__label">{`免于评议：${exemption.name}`}</Text>
          <Text className="row__value">
            {`${EXEMPTION_REASON_LABELS[exemption.reason]}${exemption.note ? `（${exemption.note}）` : ''}`}
          </Text>
        </View>
      ))}
      {round.phase === 'voting' ? <Participation roundId={round.id} /> : null}
      {round.phase === 'voting' && props.mayManage ? (
        <Button
          className="btn btn--ghost"
          data-testid="appraisal-remind"
          loading={reminding.busy}
          onClick={() => reminding.submit()}
        >
          提醒未投票党员
        </Button>
      ) : null}
      {closed ? (
        <Button
          className="btn btn--primary"
          data-testid="appraisal-results-entry"
          onClick={() => Taro.navigateTo({ url: appraisalResultsPageUrl(round.id) })}
        >
          {round.phase === 'decided' ? '测评结果和评定等次' : '测评结果，评定等次'}
        </Button>
      ) : null}
    </View>
  )
}

/** Who has voted and who not yet: names only (the ballots themselves carry no voter). */
function Participation({ roundId }: { roundId: string }) {
  const who = useAction('yearly-cycle', 'appraisalParticipation', { roundId })
  return (
    <PageState query={who}>
      {(data) => (
        <View data-testid="appraisal-participation">
          <Text className="muted">{`未投票（${data.notVoted.length}人）：${data.notVoted.map((m) => m.name).join('、') || '无'}`}</Text>
          <Text className="muted">{`已投票（${data.voted.length}人）：${data.voted.map((m) => m.name).join('、') || '无'}`}</Text>
          <Text className="muted">{`已提交个人自评 ${data.selfReviews} 人`}</Text>
        </View>
      )}
    </PageState>
  )
}
