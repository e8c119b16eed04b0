import { type Dispatch, type SetStateAction, useCallback, useRef, useState } from 'react'
import type { AppError } from '../../types/errors'
import type { Result } from '../../types/result'
import { type FormErrors, formErrorsOf, NO_ERRORS } from '../lib/form-errors'
import { toast } from '../lib/toast'

export interface SubmitOptions<A extends unknown[], T, K extends string> {
  /**
   * The form's fields: a refusal's INPUT.INVALID issues stand beside them and
   * anything else is the form's general error (or a function placing a refusal
   * on the form itself). Without `fields` a refusal is a toast.
   */
  fields?: readonly K[] | ((error: AppError) => FormErrors<K>)
  /** The toast once the write succeeded ('' for none). */
  toast?: string | ((data: T, ...args: A) => string)
  /** What follows success (navigate, reload, reset the form), after the toast. */
  onDone?: (data: T, ...args: A) => void
  /** What follows a refusal beside showing it (e.g. reload what the refusal was about). */
  onRefused?: (error: AppError, ...args: A) => void
}

export interface Submit<A extends unknown[], K extends string> {
  /** Runs the write; a second tap while one is in flight does nothing. Resolves to whether it succeeded. */
  submit: (...args: A) => Promise<boolean>
  busy: boolean
  /** The arguments of the write in flight (which row a list is saving), or null. */
  pending: A | null
  errors: FormErrors<K>
  setErrors: Dispatch<SetStateAction<FormErrors<K>>>
}

/**
 * The one sequence every write goes through: mark the form busy, call, then
 * either show the refusal (beside the fields, or as a toast) or toast the
 * success and move on. Reads use useAction; this is its counterpart for writes.
 */
export function useSubmit<A extends unknown[], T, K extends string = never>(
  send: (...args: A) => Promise<Result<T>>,
  options: SubmitOptions<A, T, K> = {},
): Submit<A, K> {
  const [pending, setPending] = useState<A | null>(null)
  const [errors, setErrors] = useState<FormErrors<K>>(NO_ERRORS)
  const inFlight = useRef(false)
  // The latest render's callbacks, so a submit started before a re-render still uses current state.
  const latest = useRef({ send, options })
  latest.current = { send, options }

  const submit = useCallback(async (...args: A) => {
    if (inFlight.current) return false
    inFlight.current = true
    setPending(args)
    const { fields } = latest.current.options
    if (fields) setErrors(NO_ERRORS)
    let result: Result<T>
    try {
      result = await latest.current.send(...args)
    } finally {
      inFlight.current = false
      setPending(null)
    }
    const { toast: success, onDone, onRefused } = latest.current.options
    if (!result.ok) {
      if (fields) setErrors(typeof fields === 'function' ? fields(result.error) : formErrorsOf(result.error, fields))
      else toast(result.error.message, 'refused')
      onRefused?.(result.error, ...args)
      return false
    }
    const message = typeof success === 'function' ? success(result.data, ...args) : success
    if (message) toast(message, 'done')
    onDone?.(result.data, ...args)
    return true
  }, [])

  return { submit, busy: pending !== null, pending, errors, setErrors }
}
