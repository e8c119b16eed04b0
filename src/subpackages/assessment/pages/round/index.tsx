import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { SCHOOL_KIND_LABELS, SCHOOL_KINDS, type SchoolKind } from '../../../../../types/bureau'
import { ConfirmDialog } from '../../../../components/confirm-dialog'
import { DateField, FormField } from '../../../../components/form-field'
import { LinkRow } from '../../../../components/link-row'
import { ListItem } from '../../../../components/list-item'
import { Notice } from '../../../../components/notice'
import { Page } from '../../../../components/page'
import { PageState } from '../../../../components/page-state'
import { Pager } from '../../../../components/pager'
import { useAction } from '../../../../hooks/use-action'
import { useOnReturn } from '../../../../hooks/use-on-return'
import { useSubmit } from '../../../../hooks/use-submit'
import { openMade } from '../../../../lib/download'
import { ASSESSMENT_SCHEME_PAGE, assessmentBranchPageUrl } from '../../../../lib/routes'
import { fullDateTime, instantOf, yearOf } from '../../../../lib/time'
import { call } from '../../../../services/call'
import { starsText } from '../../lib/labels'
import '../../components/assessment.css'

const PAGE_SIZE = 20

/**
 * 五星支部考核: the year's round. Bureau staff open it (once the scheme is
 * saved), follow each branch's provisional score and submission, publish, and
 * export; a 总支书记 or instructor sees their branches ranked once published.
 */
export default function RoundPage() {
  const year = yearOf(Date.now())
  const me = useAction('roster', 'me', {})
  const round = useAction('assessment', 'getRound', { year })
  useOnReturn(round.reload)
  const bureau = me.state === 'ok' && me.data.roles.includes('bureau_staff')
  return (
    <Page>
      {bureau ? (
        <View className="card">
          <LinkRow
            title="考核细则"
            hint={`${year}年度的考核方面、指标、分值与星级`}
            testId="link-scheme"
            onClick={() => Taro.navigateTo({ url: ASSESSMENT_SCHEME_PAGE })}
          />
        </View>
      ) : null}
      <PageState query={round}>
        {(data) =>
          data.round ? (
            <Results
              roundId={data.round.id}
              year={year}
              deadline={data.round.deadline}
              published={data.round.status === 'published'}
              bureau={bureau}
              onPublished={round.reload}
            />
          ) : bureau ? (
            <OpenRound year={year} onOpened={round.reload} />
          ) : (
            <Notice testId="round-none" text={`${year}年度考核尚未开始。`} />
          )
        }
      </PageState>
    </Page>
  )
}

/** 开启年度考核: the deadline by which branches submit (the scheme must be saved first). */
function OpenRound({ year, onOpened }: { year: number; onOpened: () => void }) {
  const [deadline, setDeadline] = useState<string | null>(null)
  const opening = useSubmit(
    (day: string) => call('assessment', 'openRound', { year, deadline: instantOf(day, '18:00') }),
    { fields: ['deadline'], toast: '年度考核已开启', onDone: onOpened },
  )
  return (
    <View className="card" data-testid="open-round">
      <Text className="card__title">{`开启${year}年度考核`}</Text>
      <Text className="card__meta">开启后各支部可看到暂定得分，填写自评并在截止前提交。</Text>
      <FormField
        label="提交截止日期"
        required
        hint="截止当天18:00前可提交"
        error={opening.errors.fields.deadline ?? opening.errors.general}
      >
        <DateField
          value={deadline}
          onPick={setDeadline}
          placeholder="选择日期"
          testId="round-deadline"
          invalid={!!opening.errors.fields.deadline}
        />
      </FormField>
      <Button
        className="btn btn--primary"
        data-testid="open-round-submit"
        disabled={!deadline || undefined}
        loading={opening.busy}
        onClick={() => deadline && opening.submit(deadline)}
      >
        开启考核
      </Button>
    </View>
  )
}

interface ResultsProps {
  roundId: string
  year: number
  deadline: number
  published: boolean
  bureau: boolean
  onPublished: () => void
}

/** The branches ranked (provisional until published), by school type, with last year's total beside. */
function Results({ roundId, year, deadline, published, bureau, onPublished }: ResultsProps) {
  const [schoolKind, setSchoolKind] = useState<SchoolKind | null>(null)
  const [page, setPage] = useState(1)
  const [confirming, setConfirming] = useState(false)
  const results = useAction('assessment', 'roundResults', { roundId, schoolKind, page, pageSize: PAGE_SIZE })
  useOnReturn(results.reload)
  const publishing = useSubmit(() => call('assessment', 'publishRound', { roundId }), {
    toast: (data) => `已发布 ${data.branches} 个支部的考核结果`,
    onDone: () => {
      setConfirming(false)
      onPublished()
    },
    onRefused: () => setConfirming(false),
  })
  const exporting = useSubmit(async () =>
    openMade(await call('assessment', 'exportResults', { roundId, branchId: null }), (made) => made),
  )
  const chip = (on: boolean) => (on ? 'chip chip--on' : 'chip')
  const pick = (kind: SchoolKind | null) => {
    setSchoolKind(kind)
    setPage(1)
  }
  return (
    <View>
      <View className="card" data-testid="round-status">
        <Text className="card__title">{`${year}年度支部考核`}</Text>
        <Text className="card__meta">
          {published ? '结果已发布' : `提交截止：${fullDateTime(deadline)}；发布前得分为暂定`}
        </Text>
      </View>
      <View className="chips">
        <Text className={chip(schoolKind === null)} data-testid="kind-all" onClick={() => pick(null)}>
          全部
        </Text>
        {SCHOOL_KINDS.map((kind) => (
          <Text
            key={kind}
            className={chip(schoolKind === kind)}
            data-testid={`kind-${kind}`}
            onClick={() => pick(kind)}
          >
            {SCHOOL_KIND_LABELS[kind]}
          </Text>
        ))}
      </View>
      <PageState
        query={results}
        isEmpty={(data) => data.items.length === 0}
        empty={{ title: published ? '没有支部' : '结果发布后可查看排名' }}
      >
        {(data) => (
          <View className="card" data-testid="round-results">
            {data.items.map((row) => (
              <ListItem
                key={row.branchId}
                testId={`round-row-${row.branchId}`}
                title={`${row.rank}. ${row.name}`}
                badges={
                  <>
                    <Text className="tag tag--plain">{`${row.total} 分`}</Text>
                    {row.stars > 0 ? <Text className="tag tag--ok">{starsText(row.stars)}</Text> : null}
                  </>
                }
                meta={[
                  SCHOOL_KIND_LABELS[row.schoolKind as SchoolKind] ?? row.schoolKind,
                  row.lastYear === null ? '上年无结果' : `上年 ${row.lastYear} 分（${trend(row.total, row.lastYear)}）`,
                  published
                    ? null
                    : row.submitted
                      ? row.toScore > 0
                        ? `待评分 ${row.toScore} 项`
                        : '已提交'
                      : '未提交',
                ]}
                onClick={() => Taro.navigateTo({ url: assessmentBranchPageUrl(row.branchId) })}
              />
            ))}
            <Pager page={data.page} pageSize={PAGE_SIZE} total={data.total} onPage={setPage} noun="个支部" />
          </View>
        )}
      </PageState>
      {bureau ? (
        <View className="btn-stack assessment-bar">
          <Button
            className="btn btn--ghost"
            data-testid="export-results"
            loading={exporting.busy}
            onClick={() => exporting.submit()}
          >
            {published ? '导出考核结果（Excel）' : '导出暂定得分（Excel）'}
          </Button>
          {published ? null : (
            <Button className="btn btn--primary" data-testid="publish-round" onClick={() => setConfirming(true)}>
              发布考核结果
            </Button>
          )}
        </View>
      ) : null}
      <ConfirmDialog
        visible={confirming}
        title="发布考核结果"
        message={`发布后各支部的得分和星级即为${year}年度最终结果，不能再修改。已提交的自评须全部评分。`}
        confirmLabel="确认发布"
        busy={publishing.busy}
        onConfirm={() => publishing.submit()}
        onCancel={() => setConfirming(false)}
      />
    </View>
  )
}

function trend(total: number, lastYear: number): string {
  const change = Math.round((total - lastYear) * 10) / 10
  return change === 0 ? '持平' : change > 0 ? `升 ${change}` : `降 ${-change}`
}
