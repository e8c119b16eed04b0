import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { StageCounts } from '../../../../../types/lifecycle'
import { DEVELOPMENT_STAGES, STAGE_NAMES, TEACHING_ROLE_NAMES } from '../../../../../types/lifecycle-names'
import { ListItem } from '../../../../components/list-item'
import { Page } from '../../../../components/page'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { developmentPageUrl } from '../../../../lib/routes'
import { yearOf } from '../../../../lib/time'
import { YearChips } from '../../components/year-chips'
import '../../components/lifecycle.css'
import { FILE_KEEPERS, RegisterExportButton } from '../../components/register-export'

/** Stages worth a column: the five of the 细则 (a cancelled or closed file is counted, not shown). */
const SHOWN = DEVELOPMENT_STAGES.filter((stage) => stage !== 'cancelled' && stage !== 'closed')
const stageLine = (stages: StageCounts) => SHOWN.map((stage) => `${STAGE_NAMES[stage]} ${stages[stage]}`)

/**
 * 发展党员统计: people per branch and stage, overdue steps, the year's totals, 双培养 — the whole county for
 * bureau staff, the branches under their 党总支 for its secretary, the branches they guide for an instructor;
 * each branch opens its files. Those who keep files export the register of every branch they manage.
 */
export default function PipelinePage() {
  const [year, setYear] = useState(() => yearOf(Date.now()))
  const me = useAction('roster', 'me', {})
  const figures = useAction('lifecycle', 'pipeline', { year })
  const canExport = me.state === 'ok' && me.data.roles.some((role) => FILE_KEEPERS.includes(role))
  return (
    <Page>
      <View className="card">
        <YearChips year={year} onYear={setYear} />
      </View>
      <PageState
        query={figures}
        isEmpty={(data) => data.branches.length === 0}
        empty={{ title: '还没有发展党员档案', hint: '支部书记收到入党申请书后在“发展党员”中建档' }}
      >
        {(data) => (
          <>
            <View className="card" data-testid="pipeline-branches">
              <Text className="card__title">各支部</Text>
              {data.branches.map((branch) => (
                <ListItem
                  key={branch.branchId}
                  testId="pipeline-branch"
                  title={branch.name}
                  badges={
                    branch.overdue > 0 ? <Text className="tag tag--warn">{`${branch.overdue}项逾期`}</Text> : null
                  }
                  meta={[
                    stageLine(branch.stages).join(' · '),
                    `${year}年：申请 ${branch.year.applications} · 积极分子 ${branch.year.activists} · 发展对象 ${branch.year.candidates} · 接收预备党员 ${branch.year.admitted} · 转正 ${branch.year.converted}`,
                  ]}
                  onClick={() => Taro.navigateTo({ url: developmentPageUrl(branch.branchId) })}
                />
              ))}
            </View>
            <View className="card" data-testid="pipeline-roles">
              <Text className="card__title">按岗位（双培养）</Text>
              {data.byTeachingRole.map((row) => (
                <ListItem
                  key={`${row.teachingRole}-${row.keyTeacher}`}
                  title={`${TEACHING_ROLE_NAMES[row.teachingRole]}${row.keyTeacher ? '（骨干教师）' : ''}`}
                  meta={[stageLine(row.stages).join(' · '), `${year}年接收预备党员 ${row.year.admitted}`]}
                />
              ))}
            </View>
          </>
        )}
      </PageState>
      {canExport ? <RegisterExportButton branchId={null} testId="pipeline-export-register" primary /> : null}
    </Page>
  )
}
