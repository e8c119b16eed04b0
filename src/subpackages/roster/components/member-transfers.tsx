import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { TRANSFER_STATE_NAMES } from '../../../../types/lifecycle'
import { LinkRow } from '../../../components/link-row'
import { ListItem } from '../../../components/list-item'
import { PageState } from '../../../components/page-state'
import { useAction } from '../../../hooks/use-action'
import { floatingFormPageUrl, transferLetterPageUrl } from '../../../lib/routes'
import './roster.css'

const OPEN = ['issued', 'pending', 'expired']

/**
 * 转出县外 and 流动党员 on the member page: the member's 介绍信 with their
 * state (待回执 until the 回执 is recorded), where they take part in Party
 * life when away; a manager of an active member starts either from here.
 */
export function MemberTransfers({ memberId, manages }: { memberId: string; manages: boolean }) {
  const transfers = useAction('lifecycle', 'listTransfers', { memberId, openOnly: false })
  const floating = useAction('lifecycle', 'listFloating', { memberId })
  // Mounted once the member has loaded, after the page first showed: every later show is a return
  // (from 开具介绍信 or 登记流动党员), so useOnReturn's skip-the-first would miss the first return.
  useDidShow(() => {
    transfers.reload()
    floating.reload()
  })
  const openLetter = transfers.state === 'ok' && transfers.data.items.some((row) => OPEN.includes(row.state))
  const away = floating.state === 'ok' && floating.data.items.some((row) => row.until === null)
  return (
    <View className="card" data-testid="member-transfers">
      <Text className="card__title roster-title">转出县外与流动</Text>
      <PageState
        query={transfers}
        isEmpty={(data) => data.items.length === 0}
        empty={{ title: '没有转出县外的介绍信' }}
      >
        {({ items }) => (
          <>
            {items.map((row) => (
              <ListItem
                key={row.id}
                testId="member-transfer"
                title={`${row.direction === 'out' ? '转往' : '来自'} ${row.counterpart}`}
                badges={<Text className="tag tag--info">{TRANSFER_STATE_NAMES[row.state]}</Text>}
                meta={[
                  `介绍信 ${row.letterNo} · ${row.issuedOn} 开具，有效至 ${row.expiresOn}`,
                  row.doneOn ? `${row.direction === 'out' ? '回执' : '报到'}：${row.doneOn}` : null,
                ]}
              />
            ))}
          </>
        )}
      </PageState>
      <PageState query={floating} isEmpty={(data) => data.items.length === 0} empty={{ title: '未登记为流动党员' }}>
        {({ items }) => (
          <>
            {items.map((row) => (
              <ListItem
                key={row.id}
                testId="member-floating"
                title={row.until ? `曾为流动党员（${row.since} 至 ${row.until}）` : `流动党员（${row.since} 起）`}
                meta={[`外出地点：${row.whereabouts}`, `参加组织生活：${row.hostOrg ?? '未填写'}`]}
              />
            ))}
          </>
        )}
      </PageState>
      {manages && transfers.state === 'ok' && !openLetter ? (
        <LinkRow
          testId="action-transfer-letter"
          title="开具介绍信（转出县外）"
          hint="收到回执前仍在名册中，登记回执后移出名册"
          onClick={() => Taro.navigateTo({ url: transferLetterPageUrl(memberId) })}
        />
      ) : null}
      {manages && floating.state === 'ok' && !away ? (
        <LinkRow
          testId="action-floating"
          title="登记为流动党员"
          hint="长期在外工作、学习，记录参加组织生活的地方"
          onClick={() => Taro.navigateTo({ url: floatingFormPageUrl(memberId) })}
        />
      ) : null}
    </View>
  )
}
