import { ROSTER_IMPORT_LIMITS } from '../../types/roster-import'
import type { SheetTable } from '../../types/sheets'
import { CANONICAL_HEADERS } from '../domain/roster/import/headers'

const TEMPLATE_COLUMNS = [
  'name',
  'memberType',
  'joinedOn',
  'probationEndsOn',
  'branchName',
  'groupName',
  'phone',
  'committeePosition',
] as const

const TEMPLATE_NOTES: [string, string, string][] = [
  ['姓名', '必填', '最多30个字，只能包含汉字、字母和间隔号“·”；名字中为对齐加的空格会自动去掉。'],
  ['人员类别', '选填', '正式党员 或 预备党员（也可写“正式”“预备”）；不填视为正式党员。'],
  [
    '入党日期',
    '选填',
    '如 2019-07-01、2019.07.01、2019/7/1、2019年7月1日 或 Excel 日期；只写年月（2019.07）按当月1日导入。',
  ],
  ['转正日期', '选填', '预备党员填预计转正日期，正式党员填实际转正日期；不能早于入党日期。'],
  ['所在党支部', '总支/局机关导入时必填', '与组织架构中的支部名称一致；支部书记导入本支部时可不填。'],
  ['党小组', '选填', '须是该支部已建立的党小组。'],
  ['手机号码', '选填', '11位手机号，可带空格、短横线或 +86；用于匹配已有党员，重复导入不会重复添加。'],
  ['职务', '选填', '书记、副书记、组织委员、宣传委员、纪检委员；其他职务（如校长、教师）不作为支委职务导入。'],
  ['说明', '', '第2行是示例，导入前请删除。表头可以不在第一行（前10行内即可），空行会被跳过，其他列会被忽略。'],
  ['说明', '', '请勿填写身份证号等敏感信息：身份证号列即使存在也不会被读取和保存。性别、出生日期同样不保存。'],
  [
    '说明',
    '',
    `一次最多导入${ROSTER_IMPORT_LIMITS.maxDataRows}名党员，文件不超过${ROSTER_IMPORT_LIMITS.maxBytes / 1024 / 1024}MB；支持 .xlsx 和 .csv（GBK 或 UTF-8）。`,
  ],
]

/** 花名册模板: the canonical headers, one example row, and a sheet of notes on accepted formats. */
export function rosterTemplate(): SheetTable[] {
  const headers = TEMPLATE_COLUMNS.map((column) => CANONICAL_HEADERS[column])
  const example = [
    '王建国',
    '正式党员',
    '2019-07-01',
    '2020-07-01',
    '第一中学党支部',
    '第一党小组',
    '13800138000',
    '组织委员',
  ]
  return [
    { name: '党员花名册', headers, rows: [example], textColumns: [TEMPLATE_COLUMNS.indexOf('phone')] },
    { name: '填写说明', headers: ['列名', '是否必填', '填写说明'], rows: TEMPLATE_NOTES },
  ]
}
