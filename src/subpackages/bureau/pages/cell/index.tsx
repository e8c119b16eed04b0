import { Button, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { useSubmit } from '../../../../hooks/use-submit'
import { meetingPageUrl } from '../../../../lib/routes'
import { call } from '../../../../services/call'
import { CellMeetings } from '../../components/cell-meetings'
import { useBureauExport } from '../../lib/download'
import '../../components/bureau.css'
import { Page } from '../../../../components/page'

/** 调阅: one branch's requirements and meetings of one period, each opening its record and minutes; remind the secretary when something is owed. */
export default function CellPage() {
  const params = useRouter().params
  const branchId = params.branchId ?? ''
  const period = params.period ?? ''
  const detail = useAction('bureau', 'cellDetail', { branchId, period })
  const me = useAction('roster', 'me', {})
  const oversees = me.state === 'ok' && me.data.roles.some((role) => role === 'bureau_staff' || role === 'instructor')
  const reminding = useSubmit(() => call('bureau', 'remindSecretary', { branchId, period }), {
    toast: (sent) => (sent.reminded ? `已提醒${sent.robotQueued ? '，已推送到支部企业微信群' : ''}` : '今天已提醒过'),
    onDone: detail.reload,
  })
  const printing = useBureauExport('recordBookPdf')
  return (
    <Page>
      <PageState query={detail}>
        {(data) => (
          <View>
            <CellMeetings detail={data} onOpen={(meetingId) => Taro.navigateTo({ url: meetingPageUrl(meetingId) })} />
            <View className="btn-stack">
              {oversees && ['missing', 'open', 'awaiting', 'no_quorum'].includes(data.state) ? (
                <Button
                  className="btn btn--primary"
                  data-testid="remind"
                  loading={reminding.busy}
                  onClick={() => reminding.submit()}
                >
                  提醒支部书记
                </Button>
              ) : null}
              <Button
                className="btn btn--ghost"
                data-testid="record-book-pdf"
                loading={printing.busy}
                onClick={() => printing.submit({ branchId, period: period.slice(0, 4) })}
              >
                导出全年记录本（PDF）
              </Button>
            </View>
          </View>
        )}
      </PageState>
    </Page>
  )
}
