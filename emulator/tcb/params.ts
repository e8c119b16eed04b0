import { invalidParam } from './errors'

// Typed readers for the loosely typed JSON body of a /tcb request.
export type Body = Record<string, unknown>

export function str(body: Body, key: string): string {
  const value = body[key]
  if (typeof value !== 'string' || value === '') throw invalidParam(`missing parameter ${key}`)
  return value
}

export function optStr(body: Body, key: string): string | undefined {
  const value = body[key]
  return typeof value === 'string' && value !== '' ? value : undefined
}

export function optNum(body: Body, key: string): number | undefined {
  const value = body[key]
  if (typeof value === 'number') return value
  if (typeof value === 'string' && value !== '' && !Number.isNaN(Number(value))) return Number(value)
  return undefined
}

export function bool(body: Body, key: string, fallback: boolean): boolean {
  const value = body[key]
  return typeof value === 'boolean' ? value : fallback
}
