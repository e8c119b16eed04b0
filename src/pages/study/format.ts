/** 4月8日 14:05 in the phone's own zone — members are in China, so this is Asia/Shanghai. */
export function formatTime(epochMs: number): string {
  const d = new Date(epochMs)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getMonth() + 1}月${d.getDate()}日 ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

export const taskPageUrl = (taskId: string) =>
  `/subpackages/study/pages/task/index?taskId=${encodeURIComponent(taskId)}`
