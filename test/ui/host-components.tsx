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

function hostElement(tag: string, props: HostProps) {
  const passed: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(props)) {
    if (PASSED.test(key)) passed[key] = value
  }
  if (typeof props.style === 'object') passed.style = props.style
  return createElement(tag, passed)
}

export const View = (props: HostProps) => hostElement('div', props)
export const Text = (props: HostProps) => hostElement('span', props)
export const Button = (props: HostProps) => hostElement('button', props)
export const Image = (props: HostProps) => hostElement('img', props)
export const Navigator = (props: HostProps) => hostElement('a', props)
export const ScrollView = (props: HostProps) => hostElement('div', props)
export const Input = (props: HostProps) => hostElement('input', props)
export const Block = (props: HostProps) => hostElement('div', props)
