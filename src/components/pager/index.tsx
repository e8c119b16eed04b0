import { Button, Text, View } from '@tarojs/components'

interface PagerProps {
  page: number
  pageSize: number
  total: number
  onPage: (page: number) => void
  /** What the pages hold, for the caption: '第 2 / 9 页，共 420 个支部'. */
  noun: string
  className?: string
  testId?: string
}

/** 上一页 / 下一页 for lists the server pages; nothing is drawn when everything fits on one page. */
export function Pager({ page, pageSize, total, onPage, noun, className = 'bureau-actions', testId }: PagerProps) {
  if (total <= pageSize) return null
  const pages = Math.ceil(total / pageSize)
  return (
    <View className={className} data-testid={testId}>
      <Button className="btn btn--ghost" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        上一页
      </Button>
      <Text className="muted">{`第 ${page} / ${pages} 页，共 ${total} ${noun}`}</Text>
      <Button className="btn btn--ghost" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        下一页
      </Button>
    </View>
  )
}
