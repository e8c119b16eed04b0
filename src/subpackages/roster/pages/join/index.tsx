import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { Page } from '../../../../components/page'
import { MINE_PAGE } from '../../../../lib/routes'
import { call } from '../../../../services/call'
import { type JoinState, JoinView } from '../../components/join-view'

const GO_HOME_AFTER_MS = 1500

/**
 * Opened from an invitation by a WeChat user who is not bound yet. Deliberately
 * not inside PageState: AUTH.NOT_BOUND is this page's normal caller, not an error.
 */
export default function JoinPage() {
  // A share card or link passes ?code=; a scanned 小程序码 passes the code as its scene.
  const { code: linked, scene } = useRouter().params
  const code = linked ?? (scene ? decodeURIComponent(scene) : '')
  const [state, setState] = useState<JoinState>({ kind: 'loading' })
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)

  const inspect = useCallback(() => {
    setState({ kind: 'loading' })
    call('roster', 'inspectInvitation', { code }).then((result) =>
      setState(
        result.ok
          ? { kind: 'ready', invitation: result.data, nameError: null, submitting: false }
          : { kind: 'refused', error: result.error },
      ),
    )
  }, [code])
  useEffect(inspect, [inspect])
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current)
    },
    [],
  )

  const goHome = () => Taro.reLaunch({ url: MINE_PAGE })

  const confirm = async (name: string) => {
    if (state.kind !== 'ready') return
    const ready = state
    setState({ ...ready, submitting: true, nameError: null })
    const result = await call('roster', 'acceptInvitation', { code, name })
    if (result.ok) {
      setState({ kind: 'bound', me: result.data })
      timer.current = setTimeout(goHome, GO_HOME_AFTER_MS)
      return
    }
    const { error } = result
    // A wrong or empty name keeps the form, so the invitee can try again.
    if (error.code === 'INVITATION.NAME_MISMATCH' || error.code === 'INPUT.INVALID') {
      const detail = error.code === 'INPUT.INVALID' ? firstIssueMessage(error.details) : null
      setState({ ...ready, submitting: false, nameError: detail ?? error.message })
      return
    }
    setState({ kind: 'refused', error })
  }

  return (
    <Page>
      <JoinView state={state} onConfirm={confirm} onRetry={inspect} onGoHome={goHome} />
    </Page>
  )
}

function firstIssueMessage(details: unknown): string | null {
  if (!Array.isArray(details)) return null
  const first: unknown = details[0]
  if (typeof first !== 'object' || first === null) return null
  const message = (first as { message?: unknown }).message
  return typeof message === 'string' ? message : null
}
