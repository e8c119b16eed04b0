import { Text, View } from '@tarojs/components'
import { ListItem } from '../../../../components/list-item'
import { Page } from '../../../../components/page'
import { ErrorState, LoadingState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { fullDateTime } from '../../../../lib/time'
import { DevelopmentTimeline } from '../../components/timeline'

/**
 * 我的入党进度: an applicant's or 积极分子's own file (they are not members),
 * what comes next, and the 党课 and 主题党日 they are invited to.
 */
export default function MyDevelopmentPage() {
  const mine = useAction('lifecycle', 'myDevelopmentFile', {})
  return (
    <Page>
      {mine.state === 'loading' ? <LoadingState /> : null}
      {mine.state === 'error' && mine.error.code === 'DEVELOPMENT.NOT_APPLICANT' ? (
        <View className="page-state" data-testid="dev-mine-not-applicant">
          <Text className="page-state__title">尚未绑定入党申请档案</Text>
          <Text className="page-state__text">
            递交入党申请书后，请联系所在党支部的支部书记，为您发送查看入党进度的邀请。
          </Text>
        </View>
      ) : null}
      {mine.state === 'error' && mine.error.code !== 'DEVELOPMENT.NOT_APPLICANT' ? (
        <ErrorState message={mine.error.message} onRetry={mine.reload} />
      ) : null}
      {mine.state === 'ok' ? (
        <View data-testid="dev-mine">
          <DevelopmentTimeline file={mine.data.file} />
          <View className="card" data-testid="dev-mine-meetings">
            <Text className="card__title">邀请我参加的活动</Text>
            {mine.data.invitedMeetings.length === 0 ? (
              <Text className="card__meta">暂无。支部组织党课、主题党日时会邀请您参加。</Text>
            ) : (
              mine.data.invitedMeetings.map((meeting) => (
                <ListItem
                  key={meeting.id}
                  title={meeting.title}
                  meta={[fullDateTime(meeting.startsAt), meeting.place]}
                />
              ))
            )}
          </View>
        </View>
      ) : null}
    </Page>
  )
}
