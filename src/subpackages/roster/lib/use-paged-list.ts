import { useCallback, useEffect, useRef, useState } from 'react'
import type { AppError } from '../../../../types/errors'
import type { Result } from '../../../../types/result'
import type { UseAction } from '../../../hooks/use-action'

interface Page<T> {
  items: T[]
  total: number
  page: number
}

export interface PagedList<T extends { id: string }> {
  /** The first page's state, in the shape PageState takes (so loading/error/not-bound look as everywhere). */
  query: UseAction<{ items: T[]; total: number }>
  loadingMore: boolean
  hasMore: boolean
  /** A failure while loading a further page; the rows already shown stay. */
  moreError: AppError | null
  loadMore: () => void
}

/**
 * Pages through a list action: the first page on mount and whenever `key`
 * changes (a new search), further pages appended on demand. A reply for an
 * older key is dropped.
 */
export function usePagedList<T extends { id: string }>(
  key: string,
  fetchPage: (page: number) => Promise<Result<Page<T>>>,
): PagedList<T> {
  type State =
    | { state: 'loading'; data: null; error: null }
    | { state: 'ok'; data: { items: T[]; total: number; page: number }; error: null }
    | { state: 'error'; data: null; error: AppError }
  const [list, setList] = useState<State>({ state: 'loading', data: null, error: null })
  const [loadingMore, setLoadingMore] = useState(false)
  const [moreError, setMoreError] = useState<AppError | null>(null)
  const [attempt, setAttempt] = useState(0)
  const ticket = useRef(0)
  const fetchRef = useRef(fetchPage)
  fetchRef.current = fetchPage

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names the query and `attempt` asks for a fresh one
  useEffect(() => {
    const mine = ++ticket.current
    setList({ state: 'loading', data: null, error: null })
    setMoreError(null)
    setLoadingMore(false)
    fetchRef.current(1).then((result) => {
      if (mine !== ticket.current) return
      setList(
        result.ok
          ? { state: 'ok', data: { items: result.data.items, total: result.data.total, page: 1 }, error: null }
          : { state: 'error', data: null, error: result.error },
      )
    })
  }, [key, attempt])

  const hasMore = list.state === 'ok' && list.data.items.length < list.data.total

  const loadMore = useCallback(() => {
    if (list.state !== 'ok' || loadingMore || !hasMore) return
    const mine = ticket.current
    const next = list.data.page + 1
    setLoadingMore(true)
    setMoreError(null)
    fetchRef.current(next).then((result) => {
      if (mine !== ticket.current) return
      setLoadingMore(false)
      if (!result.ok) {
        setMoreError(result.error)
        return
      }
      setList((current) =>
        current.state === 'ok'
          ? {
              state: 'ok',
              data: {
                // A row added meanwhile can shift pages; never show one member twice.
                items: [
                  ...current.data.items,
                  ...result.data.items.filter((item) => !current.data.items.some((old) => old.id === item.id)),
                ],
                total: result.data.total,
                page: next,
              },
              error: null,
            }
          : current,
      )
    })
  }, [list, loadingMore, hasMore])

  const reload = useCallback(() => setAttempt((n) => n + 1), [])
  const query: UseAction<{ items: T[]; total: number }> =
    list.state === 'ok'
      ? { state: 'ok', data: { items: list.data.items, total: list.data.total }, error: null, reload }
      : list.state === 'error'
        ? { state: 'error', data: null, error: list.error, reload }
        : { state: 'loading', data: null, error: null, reload }
  return { query, loadingMore, hasMore, moreError, loadMore }
}
