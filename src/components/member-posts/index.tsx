import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { POST_KIND_LABELS } from '../../../types/labels'
import { useAction } from '../../hooks/use-action'
import { modelPostsPageUrl } from '../../lib/routes'
import { LinkRow } from '../link-row'

interface MemberPostsProps {
  /** Whose posts: a member of a branch (their roster page), or the caller (我的) when absent. */
  member?: { id: string; branchId: string }
  title?: string
  testId?: string
}

/**
 * A member's 示范岗 / 先锋岗 / 责任区 in force, each opening the branch's 党员示范岗 page (记录履诺 for the member
 * themself); nothing when none, or when the viewer may not read the branch's posts.
 */
export function MemberPosts({ member, title = '我的岗位', testId = 'mine-posts' }: MemberPostsProps) {
  const posts = useAction('assessment', 'listDesignations', { branchId: member?.branchId ?? null, asOf: null })
  if (posts.state !== 'ok') return null
  const items = member ? posts.data.items.filter((post) => post.memberId === member.id) : posts.data.items
  if (items.length === 0) return null
  return (
    <View className="card" data-testid={testId}>
      <Text className="card__title">{title}</Text>
      {items.map((post) => (
        <LinkRow
          key={post.id}
          testId={`${testId}-row`}
          title={`${POST_KIND_LABELS[post.kind]} · ${post.post}`}
          hint={`${post.from} 至 ${post.to}，已记录履诺 ${post.deeds} 次`}
          onClick={() => Taro.navigateTo({ url: modelPostsPageUrl(member?.branchId) })}
        />
      ))}
    </View>
  )
}
