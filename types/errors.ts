/**
 * Stable, namespaced error codes that travel in `{ok:false, error:{code}}`.
 * The client shows `message`; the Chinese defaults below are what a user reads
 * when a handler gives no more specific message.
 */
export const ERROR_MESSAGES = {
  'INPUT.INVALID': '填写的内容有误，请检查后重试',
  'INPUT.UNKNOWN_ACTION': '不支持的操作',
  'AUTH.NOT_BOUND': '您的微信尚未绑定党员身份，请联系支部书记获取绑定邀请',
  'AUTH.FORBIDDEN': '您没有权限进行此操作',
  'ROSTER.NOT_FOUND': '未找到该党员或组织',
  'SYSTEM.INTERNAL': '系统繁忙，请稍后再试',
  'SYSTEM.NETWORK': '网络连接失败，请检查网络后重试',
  'SYSTEM.BAD_RESPONSE': '服务返回的数据有误，请稍后再试',
} as const

export type ErrorCode = keyof typeof ERROR_MESSAGES

export const ERROR_CODES = Object.keys(ERROR_MESSAGES) as ErrorCode[]

export interface AppError {
  code: ErrorCode
  message: string
  details?: unknown
}

export function errorMessage(code: ErrorCode): string {
  return ERROR_MESSAGES[code]
}
