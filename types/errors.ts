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
  'AUTH.ALREADY_BOUND': '您的微信已绑定党员身份，如需更换请联系支部书记',
  'ROSTER.NOT_FOUND': '未找到该党员或组织',
  'ROSTER.GROUP_MISMATCH': '所选党小组不属于该支部',
  'ROSTER.DUPLICATE_PHONE': '该手机号码已登记在其他党员名下',
  'ROSTER.SECRETARY_TAKEN': '该支部已有书记，请先调整原书记的职务',
  'ROSTER.INACTIVE': '该党员已停用，无法进行此操作',
  'ROSTER.SAME_BRANCH': '转入支部与当前支部相同',
  'ROSTER.IMPORT_UNREADABLE': '无法读取该文件，请上传 .xlsx 或 .csv 格式的党员花名册',
  'ROSTER.IMPORT_TOO_LARGE': '文件过大：一次最多导入10000名党员、5MB，请分成几个文件',
  'ROSTER.IMPORT_NO_ROWS': '文件中没有党员数据',
  'ROSTER.IMPORT_HEADERS': '表头不正确：未找到“姓名”列，请使用下载的模板填写',
  'ROSTER.IMPORT_STALE': '名册在预览后有变动，请重新上传并预览',
  'ROSTER.IMPORT_HAS_ERRORS': '文件中还有错误行，请修改后重新上传',
  'ROSTER.IMPORT_ALREADY_CONFIRMED': '该文件已确认导入，无需重复操作',
  'ROSTER.FILE_NOT_FOUND': '未找到上传的文件，请重新上传',
  'INVITATION.NOT_FOUND': '邀请不存在，请向支部书记确认邀请链接',
  'INVITATION.EXPIRED': '邀请已过期，请联系支部书记重新发送',
  'INVITATION.USED': '该邀请已被使用，如有疑问请联系支部书记',
  'INVITATION.REVOKED': '该邀请已被撤销，请联系支部书记重新发送',
  'INVITATION.NAME_MISMATCH': '姓名与邀请不符，请输入您在党员名册中的姓名',
  'INVITATION.MEMBER_BOUND': '该党员已绑定其他微信，如需更换请联系支部书记解除绑定',
  'STUDY.TASK_NOT_FOUND': '未找到该学习任务',
  'STUDY.NOT_TARGET': '该学习任务不是发给您的',
  'STUDY.NOT_STARTED': '学习任务尚未开始',
  'STUDY.PAST_DUE': '学习任务已截止，不能再打卡或修改',
  'STUDY.ALREADY_CHECKED_IN': '您已打卡，可修改心得但不能重复打卡',
  'STUDY.NOT_CHECKED_IN': '您还没有打卡',
  'STUDY.NOTE_TOO_SHORT': '心得字数不足，请多写几句学习体会',
  'STUDY.FILE_NOT_YOURS': '附件或照片不是您上传的，请重新上传',
  'STUDY.NO_TARGETS': '没有可发布的支部或党员，请检查学习对象',
  'POINTS.RULE_NOT_FOUND': '未找到该积分项目',
  'POINTS.NOT_GRANTABLE': '您不能发放该积分项目',
  'POINTS.REASON_REQUIRED': '扣分和手动加分须填写理由',
  'POINTS.CAP_REACHED': '超出该项目的积分上限',
  'POINTS.BAD_VALUE': '分值不符合该积分项目的规定',
  'POINTS.NOT_CLAIMABLE': '该积分项目不能申报',
  'POINTS.FILE_NOT_YOURS': '佐证照片不是您上传的，请重新上传',
  'POINTS.CLAIM_NOT_FOUND': '未找到该积分申报',
  'POINTS.CLAIM_DECIDED': '该申报已审核，不能重复审核',
  'POINTS.RULES_INVALID': '积分细则有误，请检查后重试',
  'POINTS.NO_CONVERSION': '该积分项目未设置外部积分折算比例，请联系教育局党委',
  'POINTS.IMPORT_HEADERS': '表头不正确：须有“姓名”和“积分”列',
  'POINTS.IMPORT_NOT_FOUND': '未找到该积分导入，请重新上传文件',
  'POINTS.IMPORT_DONE': '该文件已确认导入，无需重复操作',
  'MEETING.NOT_FOUND': '未找到该会议',
  'MEETING.IN_PAST': '会议时间已过，不能安排或修改；已开过的会议请用“补录”记录',
  'MEETING.NO_ATTENDEES': '该范围内没有可参会的党员',
  'MEETING.CANCELLED': '会议已取消',
  'MEETING.TOKEN_INVALID': '签到码已失效或不属于该会议，请重新扫码或输入书记屏幕上的最新签到码',
  'MEETING.NOT_OPEN': '签到尚未开始，请在会议开始前30分钟内签到',
  'MEETING.CLOSED': '会议已结束，签到已关闭',
  'MEETING.NOT_ATTENDEE': '您不在本次会议的参会名单中',
  'MEETING.TOO_FAR': '您不在会议地点附近，请到场后再签到',
  'MEETING.LOCATION_REQUIRED': '本次会议需要定位签到，请允许获取位置；无法定位时请书记手工登记',
  'MEETING.STARTED': '会议已开始，不能再请假',
  'MEETING.NOT_STARTED': '会议尚未开始，不能填写会议记录',
  'MEETING.ALREADY_CHECKED_IN': '您已签到，不能再请假',
  'MEETING.LEAVE_NOT_FOUND': '未找到该请假申请',
  'MEETING.LEAVE_DECIDED': '该请假申请已审批',
  'MEETING.FILE_NOT_YOURS': '照片不是您上传的，请重新上传',
  'MEETING.SCOPE_MISMATCH':
    '参会范围与会议类型不符：支委会由支部委员参加，党小组会须选择党小组，党员大会由全体党员参加',
  'MEETING.NOT_IN_BRANCH': '主持人和记录人应为本支部在册党员',
  'MEETING.NOT_PAST': '补录的会议应已结束；尚未召开的会议请用“安排会议”',
  'MEETING.TOO_OLD': '只能补录一年以内召开的会议',
  'MEETING.ROLL_INCOMPLETE': '请为每位参会党员登记出席、迟到、请假或缺席',
  'MEETING.ID_TAKEN': '该补录已保存为另一次会议，请返回重新补录',
  'MEETING.TOO_MANY_TRIES': '签到码输错次数过多，请扫码签到或请书记手工登记',
  'REMINDER.BAD_WEBHOOK':
    '请填写企业微信群机器人的 Webhook 地址（https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…）',
  'BUREAU.NOTHING_OWED': '该支部本期的规定会议都已开展或已安排，无需提醒',
  'SYSTEM.INTERNAL': '系统繁忙，请稍后再试',
  'SYSTEM.NETWORK': '网络连接失败，请检查网络后重试',
  'SYSTEM.BAD_RESPONSE': '服务返回的数据有误，请稍后再试',
  'SYSTEM.UPLOAD_FAILED': '文件上传失败，请检查网络后重试',
  'SYSTEM.DOWNLOAD_FAILED': '文件下载失败，请稍后重试',
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
