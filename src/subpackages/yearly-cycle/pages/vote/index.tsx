import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { OutputOf } from '../../../../../types/api'
import { ConfirmDialog } from '../../../../components/confirm-dialog'
import { Page } from '../../../../components/page'
import { PageState } from '../../../../components/page-state'
import { ResultView } from '../../../../components/result-view'
import { useAction } from '../../../../hooks/use-action'
import { useSubmit } from '../../../../hooks/use-submit'
import { fullDateTime, yearOf } from '../../../../lib/time'
import { call } from '../../../../services/call'
import { type Grade, GradeChips } from '../../components/grade-chips'
import '../../components/yearly.css'

type Round = NonNullable<OutputOf<'yearly-cycle', 'myAppraisal'>['round']>

/** 民主测评: one 等次 for every member appraised, once, not signed, final when cast. */
export default function VotePage() {
  const param = Number(useRouter().params.year)
  const year = Number.isInteger(param) && param > 2000 ? param : yearOf(Date.now())
  const mine = useAction('yearly-cycle', 'myAppraisal', { year })
  return (
    <Page>
      <PageState
        query={mine}
        isEmpty={(data) => data.round === null}
        empty={{ title: '本支部尚未开始民主评议', hint: '支部书记开始民主测评后，可在这里投票' }}
      >
        {(data) => (data.round ? <Ballot round={data.round} onVoted={mine.reload} /> : null)}
      </PageState>
    </Page>
  )
}

function Ballot({ round, onVoted }: { round: Round; onVoted: () => void }) {
  const [marks, setMarks] = useState<Record<string, Grade>>({})
  const [confirming, setConfirming] = useState(false)
  const voting = useSubmit(() => call('yearly-cycle', 'castBallot', { roundId: round.id, marks }), {
    toast: '已投票',
    onDone: onVoted,
    // Already voted, or the window closed meanwhile: show the round as the server has it now.
    onRefused: onVoted,
  })
  if (round.voted) {
    return (
      <ResultView
        tone="ok"
        title="您已投票"
        text="选票不记名，投票人与选票分开保存；测评截止后支部汇总票数，提交后不能修改。"
        testId="vote-done"
      >
        <Button className="btn btn--ghost" onClick={() => Taro.navigateBack()}>
          返回
        </Button>
      </ResultView>
    )
  }
  if (!round.mayVote) {
    return <ResultView tone="warn" title="您不参加本次投票" text="预备党员和免于评议的党员参加评议，不参加等次投票。" />
  }
  if (round.phase !== 'voting') {
    return (
      <ResultView
        tone="warn"
        title={round.phase === 'self_review' ? '民主测评尚未开始' : '民主测评已截止'}
        text={`测评时间：${fullDateTime(round.votingOpensAt)} 至 ${fullDateTime(round.votingClosesAt)}`}
        testId="vote-closed"
      />
    )
  }
  const excellent = Object.values(marks).filter((grade) => grade === 'excellent').length
  const complete = round.appraisees.every((person) => marks[person.memberId])
  return (
    <View>
      <View className="card">
        <Text className="card__title">民主测评票</Text>
        <Text className="muted">
          {`请对每位党员（含本人）评定等次。不记名投票，提交后不能修改。优秀比例参考：本支部至多${round.excellentCap}名，您已选${excellent}名。`}
        </Text>
        <Text className="muted">{`截止时间：${fullDateTime(round.votingClosesAt)}`}</Text>
      </View>
      <View className="card" data-testid="vote-ballot">
        {round.appraisees.map((person) => (
          <View className="yearly-person" key={person.memberId} data-testid="vote-person">
            <GradeChips
              name={person.name}
              probationary={person.probationary}
              chosen={marks[person.memberId] ?? null}
              onChoose={(grade) => setMarks({ ...marks, [person.memberId]: grade })}
              testIdPrefix="vote"
            />
          </View>
        ))}
      </View>
      <Button
        className="btn btn--primary"
        data-testid="vote-submit"
        disabled={!complete}
        loading={voting.busy}
        onClick={() => setConfirming(true)}
      >
        {complete ? '提交测评票' : `还有${round.appraisees.filter((p) => !marks[p.memberId]).length}人未评定`}
      </Button>
      <ConfirmDialog
        visible={confirming}
        title="提交测评票"
        message={
          excellent > round.excellentCap
            ? `您评了${excellent}名优秀，超过参考比例。提交后不能修改。`
            : '提交后不能修改。'
        }
        confirmLabel="确认提交"
        onConfirm={() => {
          setConfirming(false)
          voting.submit()
        }}
        onCancel={() => setConfirming(false)}
      />
    </View>
  )
}
