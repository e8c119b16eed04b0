// Plain DOM stand-ins for @tarojs/components (mapped in jest.config.js, project "ui"):
// the real package needs Taro's build-time globals and ESM-only dependencies.
import { createElement, type ReactNode } from 'react'

type HostProps = {
  children?: ReactNode
  className?: string
  style?: string | Record<string, string | number>
  id?: string
  onClick?: (event: unknown) => void
  [attribute: string]: unknown
}

const PASSED = /^(className|id|children|onClick|data-.+|aria-.+|role|src|placeholder|value|disabled)$/

function hostElement(tag: string, props: HostProps, extra: Record<string, unknown> = {}) {
  const passed: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(props)) {
    if (PASSED.test(key)) passed[key] = value
  }
  if (typeof props.style === 'object') passed.style = props.style
  return createElement(tag, { ...passed, ...extra })
}

type FieldProps = HostProps & { onInput?: (event: { detail: { value: string } }) => void }

/** Typing (fireEvent.change) calls Taro's onInput with { detail: { value } }; without onInput the field is read-only. */
function fieldElement(tag: 'input' | 'textarea', props: FieldProps) {
  const { onInput } = props
  return hostElement(
    tag,
    props,
    onInput
      ? { onChange: (event: { target: { value: string } }) => onInput({ detail: { value: event.target.value } }) }
      : { readOnly: true },
  )
}

export const View = (props: HostProps) => hostElement('div', props)
export const Text = (props: HostProps) => hostElement('span', props)
export const Button = (props: HostProps) => hostElement('button', props)
export const Image = (props: HostProps) => hostElement('img', props)
export const Navigator = (props: HostProps) => hostElement('a', props)
export const ScrollView = (props: HostProps) => hostElement('div', props)
export const Input = (props: FieldProps) => fieldElement('input', props)
export const Textarea = (props: FieldProps) => fieldElement('textarea', props)
/** The picker's own dialog is the platform's: only what it wraps is drawn. */
export const Picker = (props: HostProps) => hostElement('div', props)
export const Switch = (props: HostProps) => hostElement('input', props)
export const Block = (props: HostProps) => hostElement('div', props)
