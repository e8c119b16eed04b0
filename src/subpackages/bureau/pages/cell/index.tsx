import { Button, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { call } from '../../../../services/call'
import { CellMeetings } from '../../components/cell-meetings'
import { downloadExport } from '../../lib/download'
import '../../components/bureau.css'

/** 调阅: one branch's requirements and meetings of one period, each opening its record and minutes; remind the secretary when something is owed. */
export default function CellPage() {
  const params = useRouter().params
  const branchId = params.branchId ?? ''
  const period = params.period ?? ''
  const detail = useAction('bureau', 'cellDetail', { branchId, period })
  const me = useAction('roster', 'me', {})
  const oversees = me.state === 'ok' && me.data.roles.some((role) => role === 'bureau_staff' || role === 'instructor')
  const [reminding, setReminding] = useState(false)
  const remind = async () => {
    setReminding(true)
    const result = await call('bureau', 'remindSecretary', { branchId, period })
    setReminding(false)
    if (!result.ok) return Taro.showToast({ title: result.error.message, icon: 'none' })
    const channel = result.data.robotQueued ? '，已推送到支部企业微信群' : ''
    Taro.showToast({ title: result.data.reminded ? `已提醒${channel}` : '今天已提醒过', icon: 'none' })
    detail.reload()
  }
  return (
    <View className="page">
      <PageState query={detail}>
        {(data) => (
          <View>
            <CellMeetings
              detail={data}
              onOpen={(meetingId) =>
                Taro.navigateTo({ url: `/subpackages/meetings/pages/meeting/index?id=${meetingId}` })
              }
            />
            <View className="bureau-actions">
              {oversees && ['missing', 'open', 'awaiting', 'no_quorum'].includes(data.state) ? (
                <Button className="btn btn--primary" data-testid="remind" loading={reminding} onClick={remind}>
                  提醒支部书记
                </Button>
              ) : null}
              <Button
                className="btn btn--ghost"
                data-testid="record-book-pdf"
                onClick={() => downloadExport('recordBookPdf', { branchId, period: period.slice(0, 4) })}
              >
                导出全年记录本（PDF）
              </Button>
            </View>
          </View>
        )}
      </PageState>
    </View>
  )
}
