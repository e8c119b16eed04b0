import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { Me } from '../../../../../types/roster'
import { ListItem } from '../../../../components/list-item'
import { Page } from '../../../../components/page'
import { PageState } from '../../../../components/page-state'
import { Pager } from '../../../../components/pager'
import { useAction } from '../../../../hooks/use-action'
import { useOnReturn } from '../../../../hooks/use-on-return'
import { VOLUNTEER_PUBLISH_PAGE, volunteerActivityPageUrl } from '../../../../lib/routes'
import { monthDayTime, yearOf } from '../../../../lib/time'
import { ENGAGEMENT_MANAGERS, hoursText } from '../../lib/labels'
import '../../components/assessment.css'

const PAGE_SIZE = 20

/** 志愿服务: the caller's hours this year, and the activities of their branch and the bureau, upcoming first. */
export default function VolunteerPage() {
  const me = useAction('roster', 'me', {})
  return (
    <Page>
      <PageState query={me}>{(caller) => <VolunteerView me={caller} />}</PageState>
    </Page>
  )
}

function VolunteerView({ me }: { me: Me }) {
  const year = yearOf(Date.now())
  const [page, setPage] = useState(1)
  const hours = useAction('assessment', 'myVolunteerHours', { year })
  const list = useAction('assessment', 'listVolunteerActivities', { page, pageSize: PAGE_SIZE })
  useOnReturn(() => {
    hours.reload()
    list.reload()
  })
  const publishes = me.roles.some((role) => (ENGAGEMENT_MANAGERS as readonly string[]).includes(role))
  return (
    <View>
      <PageState query={hours}>
        {(mine) => (
          <View className="card" data-testid="volunteer-mine">
            <Text className="card__title">{`我的志愿服务（${year}年）`}</Text>
            <View className="assessment-total">
              <Text className="assessment-total__score" data-testid="volunteer-my-hours">
                {hoursText(mine.hours)}
              </Text>
              <Text className="card__meta">{`参加 ${mine.items.length} 次`}</Text>
            </View>
            {mine.items.map((item) => (
              <ListItem
                key={item.activityId}
                testId="volunteer-my-item"
                title={item.title}
                meta={[`${item.on} · ${hoursText(item.hours)}`]}
                onClick={() => Taro.navigateTo({ url: volunteerActivityPageUrl(item.activityId) })}
              />
            ))}
          </View>
        )}
      </PageState>
      {publishes ? (
        <View className="btn-stack assessment-bar">
          <Button
            className="btn btn--primary"
            data-testid="volunteer-publish"
            onClick={() => Taro.navigateTo({ url: VOLUNTEER_PUBLISH_PAGE })}
          >
            发布志愿服务活动
          </Button>
        </View>
      ) : null}
      <PageState query={list}>
        {(data) => (
          <View className="card" data-testid="volunteer-list">
            <Text className="card__title">志愿服务活动</Text>
            {data.items.length === 0 ? (
              <Text className="muted" data-testid="volunteer-empty">
                暂无志愿服务活动，支部或教育局党委发布后会显示在这里。
              </Text>
            ) : null}
            {data.items.map((item) => {
              const left = Math.max(0, item.places - item.signed)
              const ended = item.endsAt <= Date.now()
              return (
                <ListItem
                  key={item.id}
                  testId="volunteer-row"
                  title={item.title}
                  badges={
                    <>
                      {item.mine === 'attended' ? <Text className="tag tag--ok">已参加</Text> : null}
                      {item.mine === 'signed' ? <Text className="tag tag--info">已报名</Text> : null}
                      {ended ? (
                        <Text className="tag tag--plain">已结束</Text>
                      ) : left === 0 ? (
                        <Text className="tag tag--warn">名额已满</Text>
                      ) : (
                        <Text className="tag tag--plain">{`余 ${left} 个名额`}</Text>
                      )}
                    </>
                  }
                  meta={[`${monthDayTime(item.startsAt)} · ${item.place}`, `已报名 ${item.signed} / ${item.places} 人`]}
                  onClick={() => Taro.navigateTo({ url: volunteerActivityPageUrl(item.id) })}
                />
              )
            })}
            <Pager page={data.page} pageSize={PAGE_SIZE} total={data.total} onPage={setPage} noun="个活动" />
          </View>
        )}
      </PageState>
    </View>
  )
}
