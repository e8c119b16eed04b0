import Taro from '@tarojs/taro'
import type { MessageLog } from '../../../types/message-log'

/**
 * 消息记录 as the emulator answers it (emulator/http/message-log.ts): what
 * reached people in a span of time. The page and the emulator ship together,
 * so the body is taken as sent; only its outer shape is checked.
 */
export async function fetchMessageLog(from: number | null): Promise<MessageLog | null> {
  try {
    const res = await Taro.request<unknown>({
      url: `${DEV_GATEWAY_BASE}/api/_emulator/messages${from === null ? '' : `?from=${from}`}`,
      method: 'GET',
    })
    const body = res.data as Partial<MessageLog> | null
    return res.statusCode === 200 && Array.isArray(body?.members) && Array.isArray(body?.branches)
      ? (body as MessageLog)
      : null
  } catch {
    return null
  }
}

/** The spans the page filters by, from the page's clock. */
export const SPANS = [
  { key: 'hour', label: '最近1小时' },
  { key: 'today', label: '今天' },
  { key: 'week', label: '最近7天' },
  { key: 'all', label: '全部' },
] as const
export type SpanKey = (typeof SPANS)[number]['key']

/** Where a span starts: `todayStart` is Beijing midnight of the page's day. */
export function spanStart(span: SpanKey, now: number, todayStart: number): number | null {
  if (span === 'hour') return now - 3_600_000
  if (span === 'today') return todayStart
  if (span === 'week') return now - 7 * 86_400_000
  return null
}

export const ROBOT_STATUS_LABELS: Record<string, string> = { sent: '已发送', pending: '待发送', failed: '发送失败' }
