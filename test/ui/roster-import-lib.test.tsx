import { importUploadPath } from '../../src/lib/cloud-paths'
import { fileSizeLabel, issueLocation, issuesByRow } from '../../src/subpackages/roster/lib/import-issues'
import { IMPORT_MAX_BYTES, PREVIEW_ISSUE_LIMIT } from '../../src/subpackages/roster/lib/import-limits'
import {
  forgetImport,
  isSpreadsheetName,
  rememberedImport,
  rememberImport,
} from '../../src/subpackages/roster/lib/import-run'
import { calls, resetTaroStub } from '../../test/ui/taro-stub'
import { PREVIEW_ISSUE_LIMIT as CONTRACT_ISSUE_LIMIT, ROSTER_IMPORT_LIMITS } from '../../types/roster-import'

beforeEach(() => resetTaroStub())

test("the client's copies of the import limits match the contract", () => {
  expect(IMPORT_MAX_BYTES).toBe(ROSTER_IMPORT_LIMITS.maxBytes)
  expect(PREVIEW_ISSUE_LIMIT).toBe(CONTRACT_ISSUE_LIMIT)
})

test('issues group by row, the file first, errors before warnings within a row', () => {
  const groups = issuesByRow([
    { row: 8, column: '入党日期', code: 'DATE_MONTH_ONLY', severity: 'warning', message: 'w' },
    { row: 8, column: '手机号码', code: 'PHONE_INVALID', severity: 'error', message: 'e' },
    { row: 0, column: '', code: 'ROSTER.IMPORT_HEADERS', severity: 'warning', message: 'f' },
  ])
  expect(groups.map((group) => [group.row, group.severity, group.issues.map((i) => i.message)])).toEqual([
    [0, 'warning', ['f']],
    [8, 'error', ['e', 'w']],
  ])
  expect(issueLocation(0, '')).toBe('整个文件')
  expect(issueLocation(5, '手机号码')).toBe('第 5 行 · 手机号码')
})

test('uploads go under imports/<tenantId>/<memberId>/ with a generated name', () => {
  const path = importUploadPath('t_demo', 'm_shiyan_01', '实验小学 花名册.XLSX', 1_700_000_000_000)
  expect(path).toMatch(/^imports\/t_demo\/m_shiyan_01\/1700000000000-[a-z0-9]+\.xlsx$/)
  expect(isSpreadsheetName('名册.csv')).toBe(true)
  expect(isSpreadsheetName('名册.xls')).toBe(false)
  expect(isSpreadsheetName('名册')).toBe(false)
})

test('a confirmed import is remembered per scope until forgotten', () => {
  rememberImport('org_b_shiyan', { importId: 'imp_1', confirmedAt: 5 })
  expect(rememberedImport('org_b_shiyan')).toEqual({ importId: 'imp_1', confirmedAt: 5 })
  expect(rememberedImport(null)).toBeNull()
  forgetImport('org_b_shiyan')
  expect(rememberedImport('org_b_shiyan')).toBeNull()
  expect(calls).toEqual([])
})

test('file sizes read as people say them', () => {
  expect(fileSizeLabel(512)).toBe('512 B')
  expect(fileSizeLabel(12_600)).toBe('12.3 KB')
  expect(fileSizeLabel(IMPORT_MAX_BYTES)).toBe('5 MB')
})
