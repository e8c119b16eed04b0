import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Me } from '../../../../../types/roster'
import { LinkRow } from '../../../../components/link-row'
import { Page } from '../../../../components/page'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import {
  appraisalPageUrl,
  MY_ORG_LIFE_PAGE,
  orgLifePageUrl,
  REPORT_PAGE,
  REPORT_ROUND_PAGE,
  talksPageUrl,
  YEAR_VIEW_PAGE,
  YEARLY_SETTINGS_PAGE,
} from '../../../../lib/routes'
import { yearlyEntriesFor } from '../../lib/entries'

/** 年度工作: the year's four items as the caller meets them, by role. */
export default function YearlyHubPage() {
  const me = useAction('roster', 'me', {})
  return (
    <Page>
      <PageState query={me}>{(data) => <Entries me={data} />}</PageState>
    </Page>
  )
}

function Entries({ me }: { me: Me }) {
  const open = (url: string) => Taro.navigateTo({ url })
  const entries = yearlyEntriesFor(me)
  const urls = {
    talks: talksPageUrl(entries.ownBranch),
    'org-life': entries.ownBranch ? orgLifePageUrl(entries.ownBranch) : '',
    appraisal: appraisalPageUrl(entries.ownBranch),
    year: YEAR_VIEW_PAGE,
    report: REPORT_PAGE,
    'org-life-mine': MY_ORG_LIFE_PAGE,
    'report-round': REPORT_ROUND_PAGE,
    settings: YEARLY_SETTINGS_PAGE,
  }
  return (
    <View className="card">
      {entries.items.map((entry) => (
        <LinkRow
          key={entry.key}
          title={entry.title}
          hint={entry.hint}
          testId={`yearly-entry-${entry.key}`}
          onClick={() => open(urls[entry.key])}
        />
      ))}
    </View>
  )
}
