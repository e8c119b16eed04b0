import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { OutputOf } from '../../../../../types/api'
import { ListItem } from '../../../../components/list-item'
import { Page } from '../../../../components/page'
import { PageState } from '../../../../components/page-state'
import { Pager } from '../../../../components/pager'
import { useAction } from '../../../../hooks/use-action'
import { useOnReturn } from '../../../../hooks/use-on-return'
import { useSubmit } from '../../../../hooks/use-submit'
import { RECORD_TALK_PAGE } from '../../../../lib/routes'
import { yearOf } from '../../../../lib/time'
import { call } from '../../../../services/call'
import '../../components/yearly.css'

const PAGE_SIZE = 20

/**
 * 谈心谈话: the caller's own talks of the year (summaries only the two and the secretary read)
 * and 记录谈话; with a branch (the secretary's, or 调阅) the branch's coverage: the share done,
 * committee pairs and members not yet talked with, 提醒.
 */
export default function TalksPage() {
  const branchId = useRouter().params.branchId ?? null
  const year = yearOf(Date.now())
  const [page, setPage] = useState(1)
  const talks = useAction('yearly-cycle', 'listTalks', { year, branchId, page, pageSize: PAGE_SIZE })
  useOnReturn(talks.reload)
  return (
    <Page>
      {branchId ? <Coverage branchId={branchId} year={year} /> : null}
      <Button
        className="btn btn--primary"
        data-testid="talks-record-entry"
        onClick={() => Taro.navigateTo({ url: RECORD_TALK_PAGE })}
      >
        记录谈话
      </Button>
      <PageState
        query={talks}
        isEmpty={(data) => data.total === 0}
        empty={{ title: `${year}年还没有谈心谈话记录`, hint: '谈话后由参加的任一方记录，谈话要点仅双方和支部书记可见' }}
      >
        {(data) => (
          <View data-testid="talks-list">
            {data.items.map((talk) => (
              <ListItem
                key={talk.id}
                testId="talk-item"
                title={talk.topic}
                meta={[talk.on, talk.with.map((p) => p.name).join('、')]}
              >
                {talk.summary ? <Text className="muted">{talk.summary}</Text> : null}
              </ListItem>
            ))}
            <Pager page={page} pageSize={PAGE_SIZE} total={data.total} onPage={setPage} noun="次谈话" />
          </View>
        )}
      </PageState>
    </Page>
  )
}

type CoverageData = OutputOf<'yearly-cycle', 'talkCoverage'>

function Coverage({ branchId, year }: { branchId: string; year: number }) {
  const coverage = useAction('yearly-cycle', 'talkCoverage', { branchId, year })
  useOnReturn(coverage.reload)
  return (
    <PageState query={coverage}>{(data) => <CoverageCard data={data} branchId={branchId} year={year} />}</PageState>
  )
}

function CoverageCard({ data, branchId, year }: { data: CoverageData; branchId: string; year: number }) {
  const reminding = useSubmit(() => call('yearly-cycle', 'remindTalks', { branchId, year }), {
    toast: (sent) => `已提醒${sent.reminded}名支委`,
  })
  const name = (id: string) => data.names[id] ?? '（已调出）'
  return (
    <View className="card" data-testid="talks-coverage">
      <Text className="card__title">{`${data.branchName}谈心谈话覆盖情况`}</Text>
      {data.noCommittee ? (
        <Text className="muted">本支部尚未配备支部书记或支委，无法统计谈话覆盖。</Text>
      ) : (
        <View>
          <View className="stats">
            <View className="stat">
              <Text className="stat__value" data-testid="talks-share">
                {data.share === null ? '—' : `${Math.round(data.share * 100)}%`}
              </Text>
              <Text className="stat__label">覆盖率</Text>
            </View>
            <View className="stat">
              <Text className="stat__value">{`${data.covered}/${data.required}`}</Text>
              <Text className="stat__label">已谈/应谈</Text>
            </View>
          </View>
          {data.gaps.length > 0 ? <Text className="muted">尚未谈话：</Text> : <Text className="muted">已全覆盖</Text>}
          {data.gaps.map((gap) => (
            <Text
              key={gap.kind === 'pair' ? `${gap.a}:${gap.b}` : gap.memberId}
              className="muted"
              data-testid="talks-gap"
            >
              {gap.kind === 'pair'
                ? `支委之间：${name(gap.a)} 与 ${name(gap.b)}`
                : `支委尚未与 ${name(gap.memberId)} 谈话`}
            </Text>
          ))}
          {data.mayRemind && data.gaps.length > 0 ? (
            <Button
              className="btn btn--ghost"
              data-testid="talks-remind"
              loading={reminding.busy}
              onClick={() => reminding.submit()}
            >
              提醒支委谈话
            </Button>
          ) : null}
        </View>
      )}
    </View>
  )
}
