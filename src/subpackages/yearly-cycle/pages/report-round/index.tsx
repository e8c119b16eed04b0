import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { REPORT_RATING_LABELS, REPORT_STATUS_LABELS } from '../../../../../types/yearly-cycle-labels'
import { ConfirmDialog } from '../../../../components/confirm-dialog'
import { FieldError } from '../../../../components/field-error'
import { FormField } from '../../../../components/form-field'
import { ListItem } from '../../../../components/list-item'
import { Page } from '../../../../components/page'
import { PageState } from '../../../../components/page-state'
import { Pager } from '../../../../components/pager'
import { SwitchRow } from '../../../../components/switch-row'
import { useAction } from '../../../../hooks/use-action'
import { useOnReturn } from '../../../../hooks/use-on-return'
import { useSubmit } from '../../../../hooks/use-submit'
import { openMade } from '../../../../lib/download'
import { reportDetailPageUrl } from '../../../../lib/routes'
import { dateKey, fullDateTime, instantOf, yearOf } from '../../../../lib/time'
import { call } from '../../../../services/call'

const PAGE_SIZE = 30

/** 述职汇总 (bureau staff): open the year's round; each branch's status and ratings; export; close. */
export default function ReportRoundPage() {
  const year = yearOf(Date.now())
  const mine = useAction('yearly-cycle', 'myReport', { year })
  return (
    <Page>
      <PageState query={mine}>
        {(data) =>
          data.round ? (
            <Round
              roundId={data.round.id}
              deadline={data.round.deadline}
              open={data.round.status === 'open'}
              onClosed={mine.reload}
            />
          ) : (
            <OpenRound year={year} onOpened={mine.reload} />
          )
        }
      </PageState>
    </Page>
  )
}

function OpenRound({ year, onOpened }: { year: number; onOpened: () => void }) {
  const [date, setDate] = useState(dateKey(Date.now(), 30))
  const [membersRate, setMembersRate] = useState(true)
  const opening = useSubmit(
    () => call('yearly-cycle', 'openReportRound', { year, deadline: instantOf(date, '23:59'), membersRate }),
    { fields: ['deadline'], toast: '述职已开始，已通知各支部书记', onDone: onOpened },
  )
  return (
    <View className="card" data-testid="report-round-open">
      <Text className="card__title">{`开始${year}年度书记抓党建述职`}</Text>
      <FormField label="提交截止日期" required error={opening.errors.fields.deadline}>
        <Input className="field-input" placeholder="YYYY-MM-DD" value={date} onInput={(e) => setDate(e.detail.value)} />
      </FormField>
      <SwitchRow
        label="党员参与评价"
        hint="本支部党员可不记名评价书记的述职"
        checked={membersRate}
        onChange={setMembersRate}
      />
      <FieldError message={opening.errors.general} />
      <Button className="btn btn--primary" loading={opening.busy} onClick={() => opening.submit()}>
        开始述职
      </Button>
    </View>
  )
}

function Round(props: { roundId: string; deadline: number; open: boolean; onClosed: () => void }) {
  const [page, setPage] = useState(1)
  const [closing, setClosing] = useState(false)
  const results = useAction('yearly-cycle', 'reportRoundResults', { roundId: props.roundId, page, pageSize: PAGE_SIZE })
  useOnReturn(results.reload)
  const exporting = useSubmit(async (format: 'xlsx' | 'pdf') =>
    openMade(await call('yearly-cycle', 'exportReportRound', { roundId: props.roundId, format }), (made) => made),
  )
  const close = useSubmit(() => call('yearly-cycle', 'closeReportRound', { roundId: props.roundId }), {
    toast: '述职已结束',
    onDone: props.onClosed,
  })
  return (
    <View>
      <Text className="muted">{`提交截止：${fullDateTime(props.deadline)}${props.open ? '' : '（已结束）'}`}</Text>
      <PageState query={results} isEmpty={(data) => data.total === 0} empty={{ title: '没有支部' }}>
        {(data) => (
          <View data-testid="report-round-list">
            {data.items.map((item) => (
              <ListItem
                key={item.branchId}
                testId="report-round-item"
                title={item.name}
                badges={
                  <Text className={item.status === 'missing' ? 'tag tag--warn' : 'tag tag--ok'}>
                    {REPORT_STATUS_LABELS[item.status]}
                  </Text>
                }
                meta={[
                  item.bureau.overall ? `教育局评价：${REPORT_RATING_LABELS[item.bureau.overall]}` : '教育局未评价',
                  item.members?.overall ? `党员评价：${REPORT_RATING_LABELS[item.members.overall]}` : null,
                ]}
                onClick={
                  item.reportId ? () => Taro.navigateTo({ url: reportDetailPageUrl(item.reportId ?? '') }) : undefined
                }
              />
            ))}
            <Pager page={page} pageSize={PAGE_SIZE} total={data.total} onPage={setPage} noun="个支部" />
          </View>
        )}
      </PageState>
      <View className="btn-row">
        <Button className="btn btn--ghost" loading={exporting.busy} onClick={() => exporting.submit('xlsx')}>
          导出 Excel
        </Button>
        <Button className="btn btn--ghost" loading={exporting.busy} onClick={() => exporting.submit('pdf')}>
          导出 PDF
        </Button>
      </View>
      {props.open ? (
        <Button className="btn btn--danger-ghost" loading={close.busy} onClick={() => setClosing(true)}>
          结束述职
        </Button>
      ) : null}
      <ConfirmDialog
        visible={closing}
        title="结束述职"
        message="结束后不能再提交或修改述职报告，也不能再评价。"
        confirmLabel="确认结束"
        danger
        onConfirm={() => {
          setClosing(false)
          close.submit()
        }}
        onCancel={() => setClosing(false)}
      />
    </View>
  )
}
