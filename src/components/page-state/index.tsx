import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ReactNode } from 'react'
import type { UseAction } from '../../hooks/use-action'
import { MY_DEVELOPMENT_PAGE, PERSONA_PICKER_PAGE } from '../../lib/routes'
import './index.css'

interface PageStateProps<T> {
  query: UseAction<T>
  /** When given and true for the data, the empty state shows instead of children. */
  isEmpty?: (data: T) => boolean
  empty?: { title: string; hint?: string }
  children: (data: T) => ReactNode
}

/** One container every page uses, so loading, empty and error look the same everywhere. */
export function PageState<T>({ query, isEmpty, empty, children }: PageStateProps<T>) {
  if (query.state === 'loading') return <LoadingState />
  if (query.state === 'error') {
    if (query.error.code === 'AUTH.NOT_BOUND') return <NotBoundState />
    return <ErrorState message={query.error.message} onRetry={query.reload} />
  }
  if (isEmpty?.(query.data)) {
    return <EmptyState title={empty?.title ?? '暂无内容'} hint={empty?.hint} />
  }
  return <>{children(query.data)}</>
}

export function LoadingState() {
  return (
    <View className="page-state page-state--loading" data-testid="page-state-loading">
      <View className="skeleton skeleton--title" />
      <View className="skeleton" />
      <View className="skeleton skeleton--short" />
      <Text className="page-state__caption">加载中…</Text>
    </View>
  )
}

export function ErrorState({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <View className="page-state" data-testid="page-state-error">
      <Text className="page-state__title">加载失败</Text>
      <Text className="page-state__text">{message}</Text>
      <Button className="btn btn--primary page-state__action" onClick={onRetry} data-testid="page-state-retry">
        重试
      </Button>
    </View>
  )
}

export function EmptyState({ title, hint }: { title: string; hint?: string }) {
  return (
    <View className="page-state" data-testid="page-state-empty">
      <Text className="page-state__title">{title}</Text>
      {hint ? <Text className="page-state__text">{hint}</Text> : null}
    </View>
  )
}

/** AUTH.NOT_BOUND: a WeChat user whom no branch has invited yet. */
export function NotBoundState() {
  return (
    <View className="page-state page-state--not-bound" data-testid="page-state-not-bound">
      <Text className="page-state__title">您的微信尚未绑定党员身份</Text>
      <Text className="page-state__text">为保护党员信息，只有经支部邀请绑定的微信才能查看组织生活和个人信息。</Text>
      <View className="page-state__steps">
        <Text className="page-state__step">1. 联系所在党支部的支部书记，说明您的姓名和所在学校；</Text>
        <Text className="page-state__step">2. 支部书记在小程序中为您生成绑定邀请；</Text>
        <Text className="page-state__step">3. 打开邀请链接或扫描邀请码，即可完成绑定。</Text>
      </View>
      {/* 入党申请人 and 积极分子 are not members: their invitation binds them to their own file only. */}
      <Button
        className="btn btn--ghost page-state__action"
        data-testid="page-state-applicant-link"
        onClick={() => Taro.navigateTo({ url: MY_DEVELOPMENT_PAGE })}
      >
        我是入党申请人，查看入党进度
      </Button>
      {process.env.TARO_ENV === 'h5' ? (
        <Button
          className="btn btn--ghost page-state__action"
          data-testid="page-state-persona-link"
          onClick={() => Taro.navigateTo({ url: PERSONA_PICKER_PAGE })}
        >
          切换测试身份（开发环境）
        </Button>
      ) : null}
    </View>
  )
}
