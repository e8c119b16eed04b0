import type { api } from '../../types/api'
import type { SheetTable } from '../../types/sheets'
import { DUES_TEMPLATE_HEADERS, IMPORT_MAX_BASE_FEN } from '../domain/lifecycle/dues-import'
import type { Handler } from '../runtime/router'
import { EXPORT_LINK_SECONDS } from '../shared/exports'

const NOTES: [string, string, string][] = [
  ['姓名', '必填', '与党员名册中的姓名一致。'],
  ['手机号码', '选填', '11位手机号；支部有同名党员时必填，按手机号码匹配党员。'],
  ['类别', '选填', '在职、离退休、学生、失业 或 低保；不填视为在职。学生、失业、低保党员按固定金额交纳，不填工资。'],
  [
    '税后月工资',
    '在职、离退休必填',
    `在职党员填税后月工资收入，离退休党员填月养老金，单位元，最多两位小数；不超过${IMPORT_MAX_BASE_FEN / 1_000_000}万元。`,
  ],
  ['说明', '', '第2行是示例，导入前请删除。表头可以不在第一行（前10行内即可），空行会被跳过，其他列会被忽略。'],
  ['说明', '', '导入前先预览：每行显示匹配到的党员和每月应交金额，有错误的行不会导入；确认后才保存。'],
  ['说明', '', '请勿填写身份证号等敏感信息。上传的文件读取后即删除，只保存每名党员的类别和基数。'],
]

/** 下载模板: the four headers, one example row, and a sheet of filling notes (a link valid for 10 minutes). */
export const duesBaseTemplate: Handler<typeof api.lifecycle.duesBaseTemplate> = async (
  _input,
  { files, functions },
) => {
  const fileName = '党费基数导入模板.xlsx'
  const tables: SheetTable[] = [
    {
      name: '党费基数',
      headers: [...DUES_TEMPLATE_HEADERS],
      rows: [['王建国', '13800138000', '在职', 4500]],
      textColumns: [1],
    },
    { name: '填写说明', headers: ['列名', '是否必填', '填写说明'], rows: NOTES },
  ]
  const { fileID } = await functions.call('sheets', 'write', { tables, cloudPath: `templates/${fileName}` })
  return { url: await files.link(fileID, EXPORT_LINK_SECONDS), fileName }
}
