import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { POST_KIND_LABELS } from '../../../types/labels'
import { LinkRow } from '../../components/link-row'
import { useAction } from '../../hooks/use-action'
import { modelPostsPageUrl } from '../../lib/routes'

/** 我的岗位 on 我的: the member's 示范岗 / 先锋岗 / 责任区 in force, each opening 记录履诺; nothing when none. */
export function MyPosts() {
  const posts = useAction('assessment', 'listDesignations', { branchId: null, asOf: null })
  if (posts.state !== 'ok' || posts.data.items.length === 0) return null
  return (
    <View className="card" data-testid="mine-posts">
      <Text className="card__title">我的岗位</Text>
      {posts.data.items.map((post) => (
        <LinkRow
          key={post.id}
          testId="mine-post"
          title={`${POST_KIND_LABELS[post.kind]} · ${post.post}`}
          hint={`${post.from} 至 ${post.to}，已记录履诺 ${post.deeds} 次`}
          onClick={() => Taro.navigateTo({ url: modelPostsPageUrl() })}
        />
      ))}
    </View>
  )
}
