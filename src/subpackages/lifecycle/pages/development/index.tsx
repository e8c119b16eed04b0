import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { DevelopmentStage } from '../../../../../types/lifecycle'
import { STAGE_NAMES, STEP_NAMES } from '../../../../../types/lifecycle-names'
import { ListItem } from '../../../../components/list-item'
import { Page } from '../../../../components/page'
import { PageState } from '../../../../components/page-state'
import { Pager } from '../../../../components/pager'
import { useAction } from '../../../../hooks/use-action'
import { useOnReturn } from '../../../../hooks/use-on-return'
import { developmentFilePageUrl, personPageUrl } from '../../../../lib/routes'
import '../../components/lifecycle.css'
import { FILE_KEEPERS, RegisterExportButton } from '../../components/register-export'

const TABS: DevelopmentStage[] = ['applicant', 'activist', 'candidate', 'probationary', 'formal']

/** 发展党员 of one branch (?branchId=): the due list on top, then the files by stage. */
export default function DevelopmentPage() {
  const branchId = useRouter().params.branchId ?? ''
  const [stage, setStage] = useState<DevelopmentStage>('applicant')
  const [keyTeachersOnly, setKeyTeachersOnly] = useState(false)
  const [page, setPage] = useState(1)
  const me = useAction('roster', 'me', {})
  const due = useAction('lifecycle', 'developmentDue', { branchId })
  const list = useAction('lifecycle', 'listDevelopment', { branchId, stage, keyTeachersOnly, page })
  useOnReturn(() => {
    due.reload()
    list.reload()
  })
  const canCreate = me.state === 'ok' && me.data.roles.some((role) => FILE_KEEPERS.includes(role))
  const choose = (next: DevelopmentStage) => {
    setStage(next)
    setPage(1)
  }

  return (
    <Page>
      <View className="card" data-testid="dev-due">
        <Text className="card__title">待办</Text>
        <PageState query={due} isEmpty={(data) => data.items.length === 0} empty={{ title: '近30天没有待办事项' }}>
          {(data) =>
            data.items.map((item) => (
              <Text
                key={`${item.fileId}-${item.kind}-${item.on}`}
                className={`dev-due divided${item.overdue ? ' dev-due--overdue' : ''}`}
                data-testid="dev-due-item"
                onClick={() => Taro.navigateTo({ url: developmentFilePageUrl(item.fileId) })}
              >
                {item.text}
              </Text>
            ))
          }
        </PageState>
      </View>

      <View className="card">
        <View className="chips" data-testid="dev-stage-tabs">
          {TABS.map((tab) => (
            <Text
              key={tab}
              className={`chip${tab === stage ? ' chip--on' : ''}`}
              data-testid={`dev-tab-${tab}`}
              onClick={() => choose(tab)}
            >
              {STAGE_NAMES[tab]}
            </Text>
          ))}
          <Text
            className={`chip${keyTeachersOnly ? ' chip--on' : ''}`}
            data-testid="dev-key-teachers"
            onClick={() => {
              setKeyTeachersOnly(!keyTeachersOnly)
              setPage(1)
            }}
          >
            只看骨干教师
          </Text>
        </View>
        <PageState
          query={list}
          isEmpty={(data) => data.items.length === 0}
          empty={{ title: `没有${STAGE_NAMES[stage]}`, hint: canCreate ? '收到入党申请书后，点“新建档案”' : undefined }}
        >
          {(data) => (
            <>
              {data.items.map((row) => (
                <ListItem
                  key={row.id}
                  testId="dev-row"
                  title={row.name}
                  badges={
                    <>
                      {row.keyTeacher ? <Text className="tag tag--info">骨干教师</Text> : null}
                      {row.overdue > 0 ? <Text className="tag tag--warn">{`${row.overdue}项逾期`}</Text> : null}
                    </>
                  }
                  meta={[
                    row.lastStep ? `已完成：${STEP_NAMES[row.lastStep]}（${row.lastStepOn}）` : null,
                    row.nextStep ? `下一步：${STEP_NAMES[row.nextStep]}，最早 ${row.nextEarliestOn}` : null,
                  ]}
                  onClick={() => Taro.navigateTo({ url: developmentFilePageUrl(row.id) })}
                />
              ))}
              <Pager page={data.page} pageSize={20} total={data.total} onPage={setPage} noun="人" />
            </>
          )}
        </PageState>
      </View>

      {canCreate ? (
        <Button
          className="btn btn--primary"
          data-testid="dev-new-file"
          onClick={() => Taro.navigateTo({ url: personPageUrl({ branchId }) })}
        >
          新建档案
        </Button>
      ) : null}
      {canCreate ? <RegisterExportButton branchId={branchId} testId="dev-export-register" /> : null}
    </Page>
  )
}
