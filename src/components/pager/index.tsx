import { Button, Text, View } from '@tarojs/components'
import './index.css'

interface PagerProps {
  page: number
  pageSize: number
  total: number
  onPage: (page: number) => void
  /** What the pages hold, for the caption: '第 2 / 9 页，共 420 个支部'. */
  noun: string
  testId?: string
}

/** 上一页 / 下一页 for lists the server pages; nothing is drawn when everything fits on one page. */
export function Pager({ page, pageSize, total, onPage, noun, testId }: PagerProps) {
  if (total <= pageSize) return null
  const pages = Math.ceil(total / pageSize)
  return (
    <View className="pager" data-testid={testId}>
      <Text className="pager__caption">{`第 ${page} / ${pages} 页，共 ${total} ${noun}`}</Text>
      <View className="btn-row pager__buttons">
        <Button className="btn btn--ghost" disabled={page <= 1 || undefined} onClick={() => onPage(page - 1)}>
          上一页
        </Button>
        <Button className="btn btn--ghost" disabled={page >= pages || undefined} onClick={() => onPage(page + 1)}>
          下一页
        </Button>
      </View>
    </View>
  )
}
