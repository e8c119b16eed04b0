import { Button, Text } from '@tarojs/components'
import type { PagedList } from '../lib/use-paged-list'
import './roster.css'

interface ListFooterProps<T extends { id: string }> {
  list: PagedList<T>
  /** What shows once every page is in: 没有更早的记录了, 已显示全部 N 人… */
  end: string
}

/** Under a paged list: why the last page failed, then 加载更多 while pages remain, else the end line. */
export function ListFooter<T extends { id: string }>({ list, end }: ListFooterProps<T>) {
  return (
    <>
      {list.moreError ? <Text className="list-footer">{list.moreError.message}</Text> : null}
      {list.hasMore ? (
        <Button
          className="btn btn--ghost load-more"
          data-testid="load-more"
          disabled={list.loadingMore || undefined}
          onClick={list.loadMore}
        >
          {list.loadingMore ? '加载中…' : '加载更多'}
        </Button>
      ) : (
        <Text className="list-footer">{end}</Text>
      )}
    </>
  )
}
