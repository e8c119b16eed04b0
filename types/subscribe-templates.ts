import * as z from './zod'

/**
 * 订阅消息模板 as tenant configuration. A bureau's mini-program gets template
 * ids from the platform (公众平台 → 订阅消息 → 选用模板), each with its own
 * keywords (`thing1`, `time2`, `phrase3`…). The bureau tells the app, per use,
 * which template it chose and which of our values fills which keyword; the
 * table is checked here against the platform's keyword rules (参数值内容限制),
 * and sends fill exactly the configured keywords, fitted to each kind.
 *
 * Both sides need this — the rules editor checks and previews a table, the
 * messaging services fill it — so it lives with the contracts. Beijing time is
 * a fixed +08:00 (no daylight saving since 1991), so formatting needs no zone
 * library here.
 */

/** What a template is used for: one entry each in 会议规则 → 订阅消息. */
export const TEMPLATE_USES = [
  'meetingReminder',
  'politicalBirthday',
  'studyNudge',
  'themeDay',
  'leaveDecision',
  'developmentDue',
  'duesArrears',
] as const
export type TemplateUse = (typeof TEMPLATE_USES)[number]

export const TEMPLATE_USE_LABELS: Record<TemplateUse, { title: string; hint: string }> = {
  meetingReminder: { title: '会议提醒', hint: '会前24小时和1小时、会议变更或取消、提醒未签到' },
  politicalBirthday: { title: '政治生日', hint: '入党纪念日当天早上8点的祝福' },
  studyNudge: { title: '学习提醒', hint: '支部书记点“提醒未学习”时' },
  themeDay: { title: '主题党日通知', hint: '每月提醒日起，本月尚未安排主题党日的支部书记' },
  leaveDecision: { title: '请假审批结果', hint: '支部书记批准或不批准请假时，告诉请假的党员' },
  developmentDue: {
    title: '发展党员待办',
    hint: '谈话、确定发展对象、预备期届满、审批等事项到期前30天起，提醒支部书记',
  },
  duesArrears: {
    title: '欠缴党费提醒',
    hint: '每月1日，支部有党员连续3个月以上未交党费时提醒支部书记；满6个月的，同时提醒局机关',
  },
}

/**
 * The platform's keyword kinds (参数类别) and what each accepts. `max` counts
 * characters as the platform does (a Chinese character is one).
 */
export const KEYWORD_KINDS = {
  thing: { label: '事物', rule: '20个以内字符', max: 20 },
  name: { label: '姓名', rule: '10个以内汉字', max: 10 },
  phrase: { label: '汉字', rule: '5个以内纯汉字', max: 5 },
  time: { label: '时间', rule: '24小时制时间，可带年月日，如 2026年11月18日 15:00', max: 40 },
  date: { label: '日期', rule: '年月日，可带时间或用“~”连成时间段', max: 40 },
  number: { label: '数字', rule: '32位以内数字', max: 32 },
  character_string: { label: '字符串', rule: '32位以内数字、字母或符号', max: 32 },
  letter: { label: '字母', rule: '32位以内字母', max: 32 },
  symbol: { label: '符号', rule: '5位以内符号', max: 5 },
  amount: { label: '金额', rule: '币种符号加10位以内数字', max: 12 },
  phone_number: { label: '电话', rule: '17位以内数字、符号', max: 17 },
  car_number: { label: '车牌', rule: '8位以内车牌号', max: 8 },
} as const
export type KeywordKind = keyof typeof KEYWORD_KINDS

/** The shape of one of our values, which decides the keyword kinds it can fill. */
type ValueShape = 'text' | 'instant' | 'day' | 'month' | 'person' | 'status' | 'count'

const SHAPE_KINDS: Record<ValueShape, readonly KeywordKind[]> = {
  text: ['thing'],
  instant: ['time', 'date', 'thing'],
  day: ['date', 'thing'],
  // A month fills a date as the range of its days (2026年11月1日~2026年11月30日).
  month: ['date', 'thing'],
  person: ['name', 'thing'],
  status: ['phrase', 'thing'],
  count: ['number', 'character_string', 'thing'],
}

interface ValueSpec {
  label: string
  shape: ValueShape
  /** What the preview shows. */
  sample: string | number
}

/** 2026-11-18 15:00 Beijing time, the preview's instant. */
const SAMPLE_INSTANT = Date.UTC(2026, 10, 18, 7, 0)

/** Which of our values each use can put into its template. */
export const USE_VALUES = {
  meetingReminder: {
    meetingTitle: { label: '会议名称', shape: 'text', sample: '党小组会：学习新修订的纪律处分条例' },
    meetingType: { label: '会议类型', shape: 'text', sample: '党小组会' },
    meetingTime: { label: '会议时间', shape: 'instant', sample: SAMPLE_INSTANT },
    place: { label: '会议地点', shape: 'text', sample: '实验小学党员活动室' },
    note: { label: '提醒内容', shape: 'text', sample: '会议将于1小时后开始' },
  },
  politicalBirthday: {
    memberName: { label: '党员姓名', shape: 'person', sample: '王建国' },
    greeting: { label: '祝福语', shape: 'text', sample: '今天是您入党12周年纪念日' },
    years: { label: '党龄（年）', shape: 'count', sample: 12 },
    joinedOn: { label: '入党日期', shape: 'day', sample: '2014-11-18' },
    today: { label: '今天的日期', shape: 'day', sample: '2026-11-18' },
  },
  studyNudge: {
    taskTitle: { label: '学习任务', shape: 'text', sample: '学习《中国共产党章程》' },
    dueOn: { label: '截止日期', shape: 'day', sample: '2026-11-25' },
    note: { label: '提醒内容', shape: 'text', sample: '您还没有完成学习打卡' },
  },
  themeDay: {
    branchName: { label: '支部名称', shape: 'text', sample: '实验小学党支部' },
    month: { label: '月份', shape: 'month', sample: '2026-11' },
    note: { label: '提醒内容', shape: 'text', sample: '本月主题党日尚未安排，请尽快安排' },
  },
  leaveDecision: {
    meetingTitle: { label: '会议名称', shape: 'text', sample: '党小组会：学习新修订的纪律处分条例' },
    meetingTime: { label: '会议时间', shape: 'instant', sample: SAMPLE_INSTANT },
    result: { label: '审批结果', shape: 'status', sample: '已批准' },
    note: { label: '审批意见', shape: 'text', sample: '请会后补学会议内容' },
    approver: { label: '审批人', shape: 'person', sample: '李书记' },
  },
  developmentDue: {
    item: { label: '待办事项', shape: 'text', sample: '葛振宇 预备期将于 30 天后届满' },
    personName: { label: '发展对象姓名', shape: 'person', sample: '葛振宇' },
    dueOn: { label: '到期日期', shape: 'day', sample: '2026-12-18' },
    branchName: { label: '支部名称', shape: 'text', sample: '实验小学党支部' },
  },
  duesArrears: {
    item: { label: '提醒内容', shape: 'text', sample: '周晓梅等2人连续3个月以上未交党费' },
    count: { label: '人数', shape: 'count', sample: 2 },
    month: { label: '截至月份', shape: 'month', sample: '2026-11' },
    branchName: { label: '支部名称', shape: 'text', sample: '实验小学党支部' },
  },
} as const satisfies Record<TemplateUse, Record<string, ValueSpec>>

export type ValueKey<U extends TemplateUse> = keyof (typeof USE_VALUES)[U] & string
/** The values a send of one use offers; the table picks which of them reach the member. */
export type TemplateValues<U extends TemplateUse> = Record<ValueKey<U>, string | number>

const valueSpec = (use: TemplateUse, key: string): ValueSpec | undefined =>
  (USE_VALUES[use] as Record<string, ValueSpec>)[key]

export const valueKeysOf = (use: TemplateUse): string[] => Object.keys(USE_VALUES[use])
export const valueLabelOf = (use: TemplateUse, key: string): string => valueSpec(use, key)?.label ?? key

/** One keyword of a template and the value that fills it. */
export const TemplateField = z.object({
  keyword: z.string().trim().max(32),
  value: z.string().max(32),
})
export type TemplateField = z.infer<typeof TemplateField>

/** The platform allows at most 5 keywords in a one-time subscription template. */
export const MAX_KEYWORDS = 5

/** One use's template: the platform's id ('' until the bureau has chosen one) and its keywords. */
export const TemplateEntry = z.object({
  templateId: z.string().trim().max(64).default(''),
  fields: z.array(TemplateField).max(MAX_KEYWORDS, `一个模板最多${MAX_KEYWORDS}个关键词`).default([]),
})
export type TemplateEntry = z.infer<typeof TemplateEntry>

/** The kind a keyword belongs to (`thing12` → thing), or null for what the platform does not have. */
export function kindOf(keyword: string): KeywordKind | null {
  const match = /^([a-z_]+?)(\d+)$/.exec(keyword)
  const kind = match?.[1]
  return kind && kind in KEYWORD_KINDS ? (kind as KeywordKind) : null
}

/** A template is in use once it has an id and at least one keyword. */
export const isConfigured = (entry: TemplateEntry | undefined): entry is TemplateEntry =>
  Boolean(entry && entry.templateId !== '' && entry.fields.length > 0)

/** The template id to ask a member for, or null while the use is not configured. */
export const configuredId = (entry: TemplateEntry | undefined): string | null =>
  isConfigured(entry) ? entry.templateId : null

export interface TemplateProblem {
  /** Where, inside the entry: ['templateId'] or ['fields', i, 'keyword' | 'value']. */
  path: (string | number)[]
  message: string
}

const TEMPLATE_ID = /^[A-Za-z0-9_-]{8,64}$/
const KIND_NAMES = Object.keys(KEYWORD_KINDS).join('、')

/**
 * What is wrong with one use's entry against the platform's rules: an id that
 * is not one, an unknown or repeated keyword, a value that is not this use's,
 * or one that cannot fill the keyword's kind (a meeting title into `phrase`,
 * 5 Chinese characters at most). An empty entry (not configured) is fine.
 */
export function templateProblems(use: TemplateUse, entry: TemplateEntry): TemplateProblem[] {
  const problems: TemplateProblem[] = []
  const { templateId, fields } = entry
  if (templateId === '' && fields.length === 0) return problems
  if (templateId === '') problems.push({ path: ['templateId'], message: '请填写模板ID，或删去全部关键词' })
  else if (!TEMPLATE_ID.test(templateId))
    problems.push({ path: ['templateId'], message: '模板ID应是公众平台给出的一串字母和数字，请复制粘贴' })
  if (fields.length === 0) problems.push({ path: ['fields'], message: '请至少填写一个关键词' })
  const seen = new Set<string>()
  fields.forEach((field, index) => {
    const kind = kindOf(field.keyword)
    if (!kind) {
      problems.push({
        path: ['fields', index, 'keyword'],
        message: field.keyword
          ? `“${field.keyword}”不是模板的关键词：应为类别加序号，如 thing1、time2（类别：${KIND_NAMES}）`
          : '请填写关键词，如 thing1',
      })
    } else if (seen.has(field.keyword)) {
      problems.push({ path: ['fields', index, 'keyword'], message: `关键词 ${field.keyword} 重复了` })
    }
    seen.add(field.keyword)
    const spec = valueSpec(use, field.value)
    if (!spec) {
      problems.push({ path: ['fields', index, 'value'], message: '请选择填入的内容' })
      return
    }
    if (kind && !SHAPE_KINDS[spec.shape].includes(kind)) {
      const fits = SHAPE_KINDS[spec.shape].join('、')
      problems.push({
        path: ['fields', index, 'value'],
        message: `“${spec.label}”不能填入 ${kind}（${KEYWORD_KINDS[kind].rule}），可填入 ${fits} 类关键词`,
      })
    }
  })
  return problems
}

/** Every use's template, checked entry by entry. */
export const SubscribeTemplates = z
  .object({
    meetingReminder: TemplateEntry,
    politicalBirthday: TemplateEntry,
    studyNudge: TemplateEntry,
    themeDay: TemplateEntry,
    leaveDecision: TemplateEntry,
    developmentDue: TemplateEntry,
    // A rule set saved by an app from before this use has none: not configured.
    duesArrears: TemplateEntry.default({ templateId: '', fields: [] }),
  })
  .superRefine((templates, ctx) => {
    for (const use of TEMPLATE_USES) {
      for (const problem of templateProblems(use, templates[use])) {
        ctx.addIssue({ code: 'custom', message: problem.message, path: [use, ...problem.path] })
      }
    }
  })
export type SubscribeTemplates = z.infer<typeof SubscribeTemplates>

/** Not configured: the app says so and sends nothing. */
export const UNCONFIGURED: TemplateEntry = { templateId: '', fields: [] }

/**
 * The keywords this product has always filled, for a template id stored before
 * the table existed, and as the starting rows the editor offers.
 */
export const SUGGESTED_FIELDS: Record<TemplateUse, TemplateField[]> = {
  meetingReminder: [
    { keyword: 'thing1', value: 'meetingTitle' },
    { keyword: 'time2', value: 'meetingTime' },
    { keyword: 'thing3', value: 'place' },
    { keyword: 'thing4', value: 'note' },
  ],
  politicalBirthday: [
    { keyword: 'name1', value: 'memberName' },
    { keyword: 'thing2', value: 'greeting' },
    { keyword: 'date3', value: 'today' },
  ],
  studyNudge: [
    { keyword: 'thing1', value: 'taskTitle' },
    { keyword: 'date2', value: 'dueOn' },
    { keyword: 'thing3', value: 'note' },
  ],
  themeDay: [
    { keyword: 'thing1', value: 'branchName' },
    { keyword: 'date2', value: 'month' },
    { keyword: 'thing3', value: 'note' },
  ],
  leaveDecision: [
    { keyword: 'thing1', value: 'meetingTitle' },
    { keyword: 'time2', value: 'meetingTime' },
    { keyword: 'phrase3', value: 'result' },
    { keyword: 'thing4', value: 'note' },
  ],
  developmentDue: [
    { keyword: 'thing1', value: 'item' },
    { keyword: 'date2', value: 'dueOn' },
    { keyword: 'thing3', value: 'branchName' },
  ],
  duesArrears: [
    { keyword: 'thing1', value: 'item' },
    { keyword: 'number2', value: 'count' },
    { keyword: 'thing3', value: 'branchName' },
  ],
}

// ---- Filling a template -------------------------------------------------------------------------

const BEIJING_MS = 8 * 3_600_000
const pad = (n: number) => String(n).padStart(2, '0')

/** 2026年11月18日 15:00 (Beijing). */
function chineseDateTime(ms: number): string {
  const d = new Date(ms + BEIJING_MS)
  return `${chineseDay(d.toISOString().slice(0, 10))} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

/** '2026-11-05' → 2026年11月5日 */
function chineseDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

/** '2026-11' → 2026年11月1日~2026年11月30日 */
function monthRange(month: string): string {
  const [y, m] = month.split('-').map(Number)
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return `${y}年${m}月1日~${y}年${m}月${last}日`
}

/** One value written the way the keyword's kind wants it. */
function formatValue(shape: ValueShape, kind: KeywordKind, raw: string | number): string {
  if (shape === 'instant' && typeof raw === 'number') {
    const text = chineseDateTime(raw)
    // In a thing the year is noise: 11月18日 15:00.
    return kind === 'thing' ? text.replace(/^\d+年/, '') : text
  }
  if (shape === 'day' && typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw)) return chineseDay(raw)
  if (shape === 'month' && typeof raw === 'string' && /^\d{4}-\d{2}$/.test(raw))
    return kind === 'date' ? monthRange(raw) : `${raw.slice(0, 4)}年${Number(raw.slice(5))}月`
  return String(raw)
}

/**
 * A value cut to what its keyword's kind accepts, so the platform never refuses
 * a send for a long title (47003): a thing is cut to 20 characters ending in
 * '…'; a name or phrase keeps only what the kind allows (no ellipsis: it is a
 * symbol, and a name must be pure); an empty value, which the platform refuses,
 * becomes a dash.
 */
export function fitToKeyword(kind: KeywordKind, value: string): string {
  const chars = Array.from(value.replace(/\s+/g, ' ').trim())
  const max = KEYWORD_KINDS[kind].max
  let out: string
  switch (kind) {
    case 'phrase':
      out = chars
        .filter((char) => /\p{Script=Han}/u.test(char))
        .slice(0, max)
        .join('')
      return out || '无'
    case 'name':
      out = chars
        .filter((char) => char !== ' ')
        .slice(0, max)
        .join('')
      break
    case 'number':
      out = chars
        .filter((char) => /[0-9.]/.test(char))
        .slice(0, max)
        .join('')
      return out || '0'
    case 'character_string':
      out = chars
        .filter((char) => /[\x21-\x7e]/.test(char))
        .slice(0, max)
        .join('')
      break
    default:
      out = chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`
  }
  return out || '-'
}

/**
 * The `data` of one subscribe message: exactly the configured keywords, each
 * filled from its value, formatted for its kind and fitted to its limit.
 */
export function fillTemplate<U extends TemplateUse>(
  use: U,
  entry: TemplateEntry,
  values: TemplateValues<U>,
): Record<string, { value: string }> {
  const data: Record<string, { value: string }> = {}
  for (const field of entry.fields) {
    const kind = kindOf(field.keyword)
    const spec = valueSpec(use, field.value)
    if (!kind || !spec) continue
    const raw = (values as Record<string, string | number>)[field.value] ?? ''
    data[field.keyword] = { value: fitToKeyword(kind, formatValue(spec.shape, kind, raw)) }
  }
  return data
}

/** The message as the preview shows it, with each value's sample. */
export function previewTemplate(use: TemplateUse, entry: TemplateEntry): { keyword: string; text: string }[] {
  const samples = Object.fromEntries(
    Object.entries(USE_VALUES[use] as Record<string, ValueSpec>).map(([key, spec]) => [key, spec.sample]),
  ) as TemplateValues<typeof use>
  const data = fillTemplate(use, entry, samples)
  return entry.fields
    .filter((field) => data[field.keyword])
    .map((field) => ({
      keyword: field.keyword,
      text: data[field.keyword].value,
    }))
}
