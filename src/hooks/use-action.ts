import { useCallback, useEffect, useRef, useState } from 'react'
import type { ActionName, FunctionName, InputOf, OutputOf } from '../../types/api'
import type { AppError } from '../../types/errors'
import { call } from '../services/call'

export type ActionState<T> =
  | { state: 'loading'; data: null; error: null }
  | { state: 'ok'; data: T; error: null }
  | { state: 'error'; data: null; error: AppError }

export type UseAction<T> = ActionState<T> & { reload: () => void }

/**
 * Calls one action when the page mounts (and again on `reload`), keeping the
 * page's server state apart from any local cache. A reply that arrives after
 * a newer call started, or after unmount, is dropped.
 */
export function useAction<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  data: InputOf<F, A>,
): UseAction<OutputOf<F, A>> {
  const [state, setState] = useState<ActionState<OutputOf<F, A>>>({ state: 'loading', data: null, error: null })
  const [attempt, setAttempt] = useState(0)
  const latest = useRef(0)
  // Callers pass object literals; re-run only when the input's content changes.
  const input = JSON.stringify(data)

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is how reload asks for a fresh call
  useEffect(() => {
    const ticket = ++latest.current
    setState({ state: 'loading', data: null, error: null })
    call(fn, action, JSON.parse(input) as InputOf<F, A>).then((result) => {
      if (ticket !== latest.current) return
      setState(
        result.ok
          ? { state: 'ok', data: result.data, error: null }
          : { state: 'error', data: null, error: result.error },
      )
    })
    return () => {
      latest.current++
    }
  }, [fn, action, input, attempt])

  const reload = useCallback(() => setAttempt((n) => n + 1), [])
  return { ...state, reload }
}
