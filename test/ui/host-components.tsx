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

function host(tag: string, displayName: string) {
  function Host(props: HostProps) {
    const passed: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(props)) {
      if (PASSED.test(key)) passed[key] = value
    }
    if (typeof props.style === 'object') passed.style = props.style
    return createElement(tag, passed)
  }
  Host.displayName = displayName
  return Host
}

export const View = host('div', 'View')
export const Text = host('span', 'Text')
export const Button = host('button', 'Button')
export const Image = host('img', 'Image')
export const Navigator = host('a', 'Navigator')
export const ScrollView = host('div', 'ScrollView')
export const Input = host('input', 'Input')
export const Block = host('div', 'Block')
