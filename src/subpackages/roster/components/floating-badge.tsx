import { Text } from '@tarojs/components'
import type { MemberRow } from '../../../../types/roster'

/** 流动党员 · 深圳市: a member away with an open 流动党员 record, and where they are. */
export function FloatingBadge({ floating, testId }: { floating: MemberRow['floating']; testId: string }) {
  if (!floating) return null
  return <Text className="tag tag--info" data-testid={testId}>{`流动党员 · ${floating.whereabouts}`}</Text>
}
