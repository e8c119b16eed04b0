import { Text, View } from '@tarojs/components'
import { COMMITTEE_POSITION_LABELS, MEMBER_TYPE_LABELS, ROLE_LABELS } from '../../../../../types/labels'
import type { Me } from '../../../../../types/roster'
import { Page } from '../../../../components/page'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'

export default function ProfilePage() {
  const me = useAction('roster', 'me', {})
  return (
    <Page>
      <PageState query={me}>{(data) => <ProfileDetail me={data} />}</PageState>
    </Page>
  )
}

function ProfileDetail({ me }: { me: Me }) {
  return (
    <View data-testid="profile-detail">
      <View className="card">
        <Text className="card__title">基本信息</Text>
        <Row label="姓名" value={me.name} />
        <Row label="党员类别" value={MEMBER_TYPE_LABELS[me.memberType]} />
      </View>
      <View className="card">
        <Text className="card__title">组织关系</Text>
        <Row label="上级党组织" value={me.tenant.name} />
        <Row
          label="所在支部"
          value={me.branch ? `${me.branch.name}${me.branch.joint ? '（联合支部）' : ''}` : '未编入支部'}
        />
        <Row label="党小组" value={me.group ? me.group.name : '未编入党小组'} />
      </View>
      <View className="card">
        <Text className="card__title">职务与角色</Text>
        <Row label="支委会职务" value={me.committeePosition ? COMMITTEE_POSITION_LABELS[me.committeePosition] : '无'} />
        <Row label="角色" value={me.roles.map((role) => ROLE_LABELS[role]).join('、')} />
      </View>
      <Text className="muted">以上信息由党支部维护，如有误请联系支部书记更正。</Text>
    </View>
  )
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <View className="row">
      <Text className="row__label">{label}</Text>
      <Text className="row__value">{value}</Text>
    </View>
  )
}
