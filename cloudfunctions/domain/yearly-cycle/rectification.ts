/** A 整改 item is overdue (逾期) when still open after its due day (Asia/Shanghai days, 'YYYY-MM-DD'). */
export function isOverdue(item: { status: 'open' | 'closed'; dueOn: string }, today: string): boolean {
  return item.status === 'open' && item.dueOn < today
}
